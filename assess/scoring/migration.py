"""``recommend_migration()``: the rubric's decision table applied to one app (pure)."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from typing import Any

from assess.model import Dimension, DimensionScore, Finding, Migration, Severity, Stack
from assess.scoring.plans import Conditions, DecisionRule, FindingCount, metadata_key, metadata_value
from assess.scoring.rubric import Rubric


def _whole(value: float) -> str:
    """A score as a whole number (never ``-0``)."""
    return f"{round(value) + 0:d}"


class _Facts:
    """What the decision conditions look at, gathered once per app."""

    def __init__(
        self,
        scores: Sequence[DimensionScore],
        findings: Sequence[Finding],
        stack: Stack,
        metadata: Sequence[tuple[str, str]],
    ) -> None:
        self.scores = {s.dimension: s for s in scores}
        self.findings = findings
        self.blockers = sum(1 for f in findings if f.severity is Severity.BLOCKER)
        self.runtime = stack.runtime.value if stack.runtime else None
        self.runtime_version = stack.runtime_version.value if stack.runtime_version else None
        self.metadata = {metadata_key(k): v.strip() for k, v in metadata if v.strip()}

    def band(self, dimension: Dimension) -> str | None:
        found = self.scores.get(dimension)
        return found.band if found else None

    def score(self, dimension: Dimension) -> float | None:
        found = self.scores.get(dimension)
        return found.score if found else None

    def count(self, spec: FindingCount) -> int:
        rule = re.compile(spec.rule) if spec.rule else None
        category = re.compile(spec.category) if spec.category else None
        severities = set(spec.severity) if spec.severity else None
        return sum(
            1
            for f in self.findings
            if (rule is None or rule.fullmatch(f.rule_id))
            and (category is None or category.fullmatch(f.category))
            and (severities is None or f.severity in severities)
        )

    def values(self, when: Conditions) -> dict[str, Any]:
        """The facts a reason text may name."""
        values: dict[str, Any] = dict(self.metadata)
        for dimension in Dimension:
            values[f"{dimension.value}_band"] = self.band(dimension) or "unscored"
            score = self.score(dimension)
            values[f"{dimension.value}_score"] = _whole(score) if score is not None else "unscored"
        values["blockers"] = self.blockers
        values["runtime"] = self.runtime or "unknown"
        values["runtime_version"] = self.runtime_version or ""
        values["findings"] = self.count(when.findings) if when.findings else len(self.findings)
        return values


def _holds(when: Conditions, facts: _Facts) -> bool:
    for dimension, bands, bounds in (
        (Dimension.CONTAINERIZATION, when.containerization_band, when.containerization_score),
        (Dimension.DECOMPOSITION, when.decomposition_band, when.decomposition_score),
    ):
        if bands is not None and facts.band(dimension) not in bands:
            return False
        if bounds is not None:
            score = facts.score(dimension)
            if score is None or not bounds.holds(score):
                return False
    if when.blockers is not None and not when.blockers.holds(facts.blockers):
        return False
    if when.runtime is not None and facts.runtime not in when.runtime:
        return False
    if when.findings is not None:
        count = facts.count(when.findings)
        if count < when.findings.min or (when.findings.max is not None and count > when.findings.max):
            return False
    for key, allowed in (when.metadata or {}).items():
        value = facts.metadata.get(metadata_key(key))
        if value is None or metadata_value(value) not in {metadata_value(a) for a in allowed}:
            return False
    return True


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _reason(rule: DecisionRule, facts: _Facts) -> str:
    values = _Blank(facts.values(rule.when))
    try:
        return string.Formatter().vformat(rule.reason, (), values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return rule.reason


def _evidence(rule: DecisionRule, facts: _Facts) -> list[str]:
    """The facts behind the choice, one line each."""
    lines = []
    for dimension in Dimension:
        band, score = facts.band(dimension), facts.score(dimension)
        if band is not None and score is not None:
            lines.append(f"{dimension.value}: {band} ({_whole(score)})")
    if facts.blockers:
        names = sorted({f.rule_id for f in facts.findings if f.severity is Severity.BLOCKER})
        lines.append(f"blockers: {facts.blockers} ({', '.join(names)})")
    if facts.runtime:
        version = f" {facts.runtime_version}" if facts.runtime_version else ""
        lines.append(f"runtime: {facts.runtime}{version}")
    for key in sorted(metadata_key(k) for k in rule.when.metadata or {}):
        if key in facts.metadata:
            lines.append(f"{key}: {facts.metadata[key]}")
    return lines


def recommend_migration(
    rubric: Rubric,
    scores: Sequence[DimensionScore],
    findings: Sequence[Finding],
    stack: Stack,
    metadata: Sequence[tuple[str, str]] | Mapping[str, str] = (),
) -> Migration:
    """The path chosen by the first enabled decision rule whose conditions hold, with the
    rule's reason first and the facts behind it after."""
    pairs = list(metadata.items()) if isinstance(metadata, Mapping) else list(metadata)
    facts = _Facts(scores, findings, stack, pairs)
    for rule in rubric.migration.rules:
        if rule.enabled and _holds(rule.when, facts):
            return Migration(rule.path, rule.id, (_reason(rule, facts), *_evidence(rule, facts)))
    raise AssertionError("the rubric's last decision rule is a catch-all")  # pragma: no cover
