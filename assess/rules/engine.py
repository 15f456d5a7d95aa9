"""Apply compiled rules to an app's files and turn matched sites into findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import pathspec

from assess.model import Dependency, Finding, SkippedFile, SourceFile
from assess.parse.config import BUILD_SCRIPT
from assess.rules.conditions import (
    AppView,
    ConfigMatcher,
    DependencyMatcher,
    FileMatcher,
    FileView,
    Matcher,
    compile_condition,
)
from assess.rules.loader import LoadedRule
from assess.rules.plan import CODE_LEAVES, FILE_LEAVES, FilePlan, leaves, matches_without_file_leaves, resolve
from assess.rules.schema import Rule
from assess.rules.secrets import mask_secrets
from assess.source.languages import CODE_LANGUAGES

SNIPPET_LIMIT = 200
APP_LEAVES = (FileMatcher, DependencyMatcher)

LineLookup = Callable[[str, int], str]
"""Returns the text of line N (1-based) of a file, or "" when unknown."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to evaluate: its metadata, matcher and the code languages it applies to."""

    rule: Rule
    matcher: Matcher
    languages: frozenset[str]
    excluded: pathspec.GitIgnoreSpec | None = None

    def reports_in(self, path: str) -> bool:
        """Whether a site in ``path`` may be reported (not excluded by the rule's ``paths_not``)."""
        return self.excluded is None or not self.excluded.match_file(path)


def compile_rules(rules: Iterable[LoadedRule | Rule]) -> tuple[CompiledRule, ...]:
    """Compile rules once; reuse the result for every app of a portfolio."""
    compiled = []
    for item in rules:
        rule = item.rule if isinstance(item, LoadedRule) else item
        languages = frozenset(rule.languages or CODE_LANGUAGES)
        excluded = pathspec.GitIgnoreSpec.from_lines(rule.paths_not) if rule.paths_not else None
        compiled.append(CompiledRule(rule, compile_condition(rule.when), languages, excluded))
    return tuple(compiled)


_MASK_WINDOW = SNIPPET_LIMIT + 1024
"""Only this much of a line is masked: masking a megabyte-long minified line whole is quadratic."""


def make_snippet(line_text: str) -> str:
    """The stripped line, masked and cut to a readable length."""
    stripped = line_text.strip()
    text = mask_secrets(stripped[:_MASK_WINDOW])
    if len(text) <= SNIPPET_LIMIT and len(stripped) <= _MASK_WINDOW:
        return text
    return text[: SNIPPET_LIMIT - 1] + "…"


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

    Every rule is evaluated in one pass over each file's facts (see :mod:`assess.rules.plan`).
    Sites are de-duplicated per (rule, file, line) and the rules' per-file and per-app caps
    are applied in path/line order, so the result does not depend on the order files came in.
    """

    def __init__(
        self,
        rules: Sequence[CompiledRule],
        files: Sequence[SourceFile],
        dependencies: Sequence[Dependency],
        skipped: Sequence[SkippedFile] = (),
    ) -> None:
        self._rules = tuple(rules)
        self._app = AppView(tuple(f.path for f in files), tuple(dependencies), skipped=tuple(skipped))
        self._sites: dict[tuple[str, str, int], str] = {}
        self._plans: dict[str, FilePlan] = {}
        self._rules_of_leaf: dict[int, list[int]] = {}
        self._always: list[int] = []
        self._app_only: list[int] = []
        self._app_done = False
        for index, compiled in enumerate(self._rules):
            tree = list(leaves(compiled.matcher))
            file_leaves = [leaf for leaf in tree if isinstance(leaf, FILE_LEAVES)]
            for leaf in file_leaves:
                self._rules_of_leaf.setdefault(id(leaf), []).append(index)
            if all(isinstance(leaf, APP_LEAVES) for leaf in tree):
                self._app_only.append(index)
            elif matches_without_file_leaves(compiled.matcher):
                self._always.append(index)

    def _plan(self, language: str) -> FilePlan:
        plan = self._plans.get(language)
        if plan is None:
            file_leaves: list[Matcher] = []
            for compiled in self._rules:
                applies = language in compiled.languages
                file_leaves.extend(
                    leaf
                    for leaf in leaves(compiled.matcher)
                    if (
                        isinstance(leaf, ConfigMatcher)
                        and (leaf.files is not None or language != BUILD_SCRIPT)
                    )
                    or (applies and isinstance(leaf, CODE_LEAVES))
                )
            plan = self._plans[language] = FilePlan(file_leaves)
        return plan

    def add_file(self, view: FileView, lines: LineLookup) -> None:
        """Evaluate every rule on one file; ``lines`` gives snippet text for any file's line."""
        with_code = replace(view, code_applies=True)
        without_code = replace(view, code_applies=False)
        hits = self._plan(view.language).scan(with_code)
        candidates = set(self._always)
        for leaf_id in hits:
            candidates.update(self._rules_of_leaf[leaf_id])
        if not self._app_done:
            candidates.update(self._app_only)
            self._app_done = True
        for index in sorted(candidates):
            compiled = self._rules[index]
            scoped = with_code if view.language in compiled.languages else without_code
            sites = resolve(compiled.matcher, hits, scoped, self._app)
            if not sites:
                continue
            for path, line in sites:
                key = (compiled.rule.id, path, line)
                if key not in self._sites:
                    self._sites[key] = make_snippet(lines(path, line))

    def findings(self) -> tuple[Finding, ...]:
        """The findings so far, sorted by file, line and rule, with ``paths_not`` and caps applied."""
        compiled_by_id = {c.rule.id: c for c in self._rules}
        per_file: Counter[tuple[str, str]] = Counter()
        per_app: Counter[str] = Counter()
        out: list[Finding] = []
        for rule_id, path, line in sorted(self._sites, key=lambda k: (k[1], k[2], k[0])):
            compiled = compiled_by_id[rule_id]
            if not compiled.reports_in(path):
                continue
            rule = compiled.rule
            if rule.max_per_file is not None and per_file[(rule_id, path)] >= rule.max_per_file:
                continue
            if rule.max_per_app is not None and per_app[rule_id] >= rule.max_per_app:
                continue
            per_file[(rule_id, path)] += 1
            per_app[rule_id] += 1
            out.append(_finding(rule, path, line, self._sites[(rule_id, path, line)]))
        return tuple(out)
