"""What ``assess rules validate`` checks besides the rule files and the rubric's schema: the
container-check catalogue, and rule ids that a rubric's overrides name but no rule has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assess.analyzers.container_checks import CatalogLoadError, load_catalog
from assess.scoring.rubric import RubricError, load_rubric


@dataclass
class ExtraValidation:
    """Errors (fail the command), warnings (printed) and how many container checks are valid."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    container_checks: int = 0


def _eol_ids() -> set[str]:
    try:
        from assess.analyzers.eol import EOL_FRAMEWORK, EOL_RUNTIME
    except ImportError:  # pragma: no cover - the analyzer is optional
        return set()
    return {EOL_RUNTIME, EOL_FRAMEWORK}


def _analyzer_ids() -> set[str]:
    """Ids of the findings analyzers report themselves (manifests, data, portfolio-wide tables)."""
    from assess.analyzers.analyzer_rules import analyzer_rules
    from assess.analyzers.data import domains, portfolio

    return set(analyzer_rules()) | {domains.RULE.id, portfolio.RULE.id}


def validate_extras(rubric_path: Path | None, rule_ids: Iterable[str]) -> ExtraValidation:
    """Validate the container catalogue; warn about overrides of unknown rule ids."""
    result = ExtraValidation()
    known = set(rule_ids) | _eol_ids() | _analyzer_ids()
    try:
        catalog = load_catalog()
    except CatalogLoadError as exc:
        result.problems.extend(str(e) for e in exc.errors)
    else:
        result.container_checks = len(catalog.checks)
        known |= set(catalog.checks)
    try:
        rubric = load_rubric(rubric_path)
    except RubricError:
        return result  # the caller reports the rubric's own errors
    where = str(rubric_path) if rubric_path else "the default rubric"
    for section, keys in (
        ("rule_weights", rubric.rule_weights),
        ("rule_caps", rubric.rule_caps),
        ("effort.rule_effort", rubric.effort.rule_effort),
    ):
        for key in sorted(set(keys) - known):
            result.warnings.append(f"{where}: {section}.{key}: no rule or check has this id (a typo?)")
    return result
