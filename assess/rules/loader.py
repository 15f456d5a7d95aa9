"""Load and validate rule files, reporting every error of every file at once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assess.rules.schema import Rule


@dataclass(frozen=True)
class RuleFileError:
    """One problem in one rule file, with the line it points at (0 when unknown)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class RuleLoadError(Exception):
    """Raised with every :class:`RuleFileError` found when loading a rules folder."""

    def __init__(self, errors: Sequence[RuleFileError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule and the file it came from."""

    rule: Rule
    path: Path


def default_rubrics_dir() -> Path:
    """``$ASSESS_RUBRICS_DIR``, else the ``rubrics/`` folder of this checkout."""
    env = os.environ.get("ASSESS_RUBRICS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "rubrics"


def default_rules_dir() -> Path:
    """The folder holding the bundled rules."""
    return default_rubrics_dir() / "rules"


def rule_files(rules_dir: Path) -> list[Path]:
    """Every rule YAML below ``rules_dir``, fixtures (``tests/`` folders) excluded, sorted."""
    found = [
        path
        for path in rules_dir.rglob("*.y*ml")
        if path.suffix in {".yaml", ".yml"} and "tests" not in path.relative_to(rules_dir).parts
    ]
    return sorted(found)


def _line_of(node: yaml.Node | None, loc: Iterable[int | str]) -> int:
    """The 1-based line of the YAML node at a pydantic error location."""
    best = node
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            continue
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 if best is not None else 0


def _format_loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top)"


def parse_rule_text(text: str, path: Path) -> tuple[Rule | None, list[RuleFileError]]:
    """Validate one rule file's text; return the rule or the errors found in it."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        return None, [RuleFileError(path, line, f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(data, dict):
        return None, [RuleFileError(path, 1, "a rule file must hold a mapping")]
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        errors = [
            RuleFileError(path, _line_of(node, err["loc"]), f"{_format_loc(err['loc'])}: {err['msg']}")
            for err in exc.errors()
        ]
        return None, errors
    if rule.id != path.stem:
        line = _line_of(node, ("id",))
        return None, [
            RuleFileError(path, line, f"rule id {rule.id!r} must equal the file name {path.stem!r}")
        ]
    return rule, []


def load_rules(rules_dirs: Sequence[Path] | Path | None = None) -> list[LoadedRule]:
    """Load every rule below the given folders (default: the bundled rules).

    Raises :class:`RuleLoadError` listing every error in every file when any is invalid.
    """
    if rules_dirs is None:
        dirs: Sequence[Path] = [default_rules_dir()]
    elif isinstance(rules_dirs, Path):
        dirs = [rules_dirs]
    else:
        dirs = rules_dirs
    loaded: list[LoadedRule] = []
    errors: list[RuleFileError] = []
    seen: dict[str, Path] = {}
    for directory in dirs:
        if not directory.is_dir():
            errors.append(RuleFileError(directory, 0, "rules folder not found"))
            continue
        for path in rule_files(directory):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(RuleFileError(path, 0, f"cannot read: {exc}"))
                continue
            rule, problems = parse_rule_text(text, path)
            errors.extend(problems)
            if rule is None:
                continue
            if rule.id in seen:
                errors.append(
                    RuleFileError(path, 1, f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})")
                )
                continue
            seen[rule.id] = path
            loaded.append(LoadedRule(rule, path))
    if errors:
        raise RuleLoadError(errors)
    return loaded
