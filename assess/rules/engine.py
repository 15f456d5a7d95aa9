"""Apply compiled rules to an app's files and turn matched sites into findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from assess.model import Dependency, Finding, SourceFile
from assess.rules.conditions import AppView, FileView, Matcher, compile_condition
from assess.rules.loader import LoadedRule
from assess.rules.schema import Rule
from assess.rules.secrets import mask_secrets
from assess.source.languages import CODE_LANGUAGES

SNIPPET_LIMIT = 200

LineLookup = Callable[[str, int], str]
"""Returns the text of line N (1-based) of a file, or "" when unknown."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to evaluate: its metadata, matcher and the code languages it applies to."""

    rule: Rule
    matcher: Matcher
    languages: frozenset[str]


def compile_rules(rules: Iterable[LoadedRule | Rule]) -> tuple[CompiledRule, ...]:
    """Compile rules once; reuse the result for every app of a portfolio."""
    compiled = []
    for item in rules:
        rule = item.rule if isinstance(item, LoadedRule) else item
        languages = frozenset(rule.languages or CODE_LANGUAGES)
        compiled.append(CompiledRule(rule, compile_condition(rule.when), languages))
    return tuple(compiled)


def make_snippet(line_text: str) -> str:
    """The stripped line, masked and cut to a readable length."""
    text = mask_secrets(line_text.strip())
    return text if len(text) <= SNIPPET_LIMIT else text[: SNIPPET_LIMIT - 1] + "…"


def _finding(rule: Rule, path: str, line: int, snippet: str) -> Finding:
    return Finding(
        rule_id=rule.id,
        title=rule.title,
        dimension=rule.dimension,
        category=rule.category,
        severity=rule.severity,
        confidence=rule.confidence,
        effort=rule.effort,
        file=path,
        line=line,
        snippet=snippet,
        message=rule.message.strip(),
        remediation=rule.remediation.strip(),
        links=tuple(rule.links),
    )


class RuleRun:
    """One app's evaluation: feed files one by one, then collect the findings.

    Sites are de-duplicated per (rule, file, line) and the rules' per-file and per-app caps
    are applied in path/line order, so the result does not depend on the order files came in.
    """

    def __init__(
        self, rules: Sequence[CompiledRule], files: Sequence[SourceFile], dependencies: Sequence[Dependency]
    ) -> None:
        self._rules = rules
        self._app = AppView(tuple(f.path for f in files), tuple(dependencies))
        self._sites: dict[tuple[str, str, int], str] = {}

    def add_file(self, view: FileView, lines: LineLookup) -> None:
        """Evaluate every rule on one file; ``lines`` gives snippet text for any file's line."""
        with_code = replace(view, code_applies=True)
        without_code = replace(view, code_applies=False)
        for compiled in self._rules:
            scoped = with_code if view.language in compiled.languages else without_code
            sites = compiled.matcher.evaluate(scoped, self._app)
            if not sites:
                continue
            for path, line in sites:
                key = (compiled.rule.id, path, line)
                if key not in self._sites:
                    self._sites[key] = make_snippet(lines(path, line))

    def findings(self) -> tuple[Finding, ...]:
        """The findings so far, sorted by file, line and rule, with caps applied."""
        by_id = {c.rule.id: c.rule for c in self._rules}
        per_file: Counter[tuple[str, str]] = Counter()
        per_app: Counter[str] = Counter()
        out: list[Finding] = []
        for rule_id, path, line in sorted(self._sites, key=lambda k: (k[1], k[2], k[0])):
            rule = by_id[rule_id]
            if rule.max_per_file is not None and per_file[(rule_id, path)] >= rule.max_per_file:
                continue
            if rule.max_per_app is not None and per_app[rule_id] >= rule.max_per_app:
                continue
            per_file[(rule_id, path)] += 1
            per_app[rule_id] += 1
            out.append(_finding(rule, path, line, self._sites[(rule_id, path, line)]))
        return tuple(out)
