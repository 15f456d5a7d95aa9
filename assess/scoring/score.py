"""``score()``: a pure function from findings and facts to explained 0–100 scores."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from assess.decompose.score import decomposition_contributions
from assess.model import Contribution, Decomposition, Dimension, DimensionScore, Finding, Severity
from assess.scoring.rubric import DimensionRubric, Rubric


def rule_points(rubric: Rubric, finding: Finding, hits: int) -> float:
    """Signed points that ``hits`` sites of the rule behind ``finding`` move its dimension."""
    weight = rubric.rule_weights.get(finding.rule_id, rubric.severity_weights[finding.severity])
    per_site = weight * rubric.confidence_factors[finding.confidence] * rubric.effort_factors[finding.effort]
    saturated = per_site * (1 + math.log2(hits))
    cap = rubric.rule_caps.get(finding.rule_id, per_site * rubric.cap_multiplier)
    points = min(saturated, cap)
    return points if finding.severity is Severity.BOOSTER else -points


def _tenths(value: float) -> float:
    """``value`` rounded to 0.1, with no negative zero (an info finding moves nothing, not -0.0)."""
    return round(value, 1) + 0.0


def _reason(finding: Finding, hits: int, points: float) -> str:
    where = f"{finding.file}:{finding.line}" + (f" and {hits - 1} more" if hits > 1 else "")
    return f"{finding.severity.value} {finding.rule_id} ({finding.title}) at {where}: {points:+.1f}"


def _size_contribution(rule: DimensionRubric, code_lines: int) -> Contribution | None:
    size = rule.size
    if size is None:
        return None
    if code_lines < size.small_below_lines:
        return Contribution(
            "size",
            -size.small_penalty,
            1,
            f"{code_lines} lines of code: too small to be worth splitting into services",
        )
    if code_lines > size.large_above_lines:
        return Contribution(
            "size", size.large_bonus, 1, f"{code_lines} lines of code: large enough to gain from a split"
        )
    return None


def score_dimension(
    rubric: Rubric,
    dimension: Dimension,
    findings: Sequence[Finding],
    code_lines: int,
    decomposition: Decomposition | None = None,
) -> DimensionScore:
    """Score one dimension from its findings (grouped per rule) and the app's size; the
    decomposition dimension also from the metrics of the best cut (see
    :mod:`assess.decompose.score`) when ``decomposition`` is given.

    The score always equals ``base`` plus the sum of its contributions: limits (booster
    limit, 0–100 bounds, gates) appear as contributions of their own.
    """
    rule = rubric.dimensions[dimension]
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.dimension is dimension:
            by_rule[finding.rule_id].append(finding)
    contributions: list[Contribution] = []
    for rule_id in sorted(by_rule):
        group = by_rule[rule_id]
        points = _tenths(rule_points(rubric, group[0], len(group)))
        contributions.append(Contribution(rule_id, points, len(group), _reason(group[0], len(group), points)))
    if dimension is Dimension.DECOMPOSITION and decomposition is not None:
        contributions.extend(decomposition_contributions(decomposition, rubric.decomposition.scoring))
    size = _size_contribution(rule, code_lines)
    if size is not None:
        contributions.append(size)
    raw_boost = sum(c.points for c in contributions if c.points > 0)
    if raw_boost > rule.max_boost:
        contributions.append(
            Contribution(
                "boost-limit",
                _tenths(rule.max_boost - raw_boost),
                0,
                f"good signs add at most {rule.max_boost:g} points together",
            )
        )
    value = rule.base + sum(c.points for c in contributions)
    if not 0 <= value <= 100:
        bounded = max(0.0, min(100.0, value))
        contributions.append(Contribution("bounds", _tenths(bounded - value), 0, "scores stay within 0–100"))
        value = bounded
    band = rule.band_for(value)
    gate_reason = None
    severities = {f.severity for group in by_rule.values() for f in group}
    names = [b.name for b in rule.bands]
    for gate in rule.gates:
        if gate.severity in severities and names.index(band) < names.index(gate.max_band):
            band = gate.max_band
            gate_reason = f"a {gate.severity.value} finding caps the band at '{band}'"
            ceiling = rule.band_ceiling(band)
            if value > ceiling:
                contributions.append(Contribution("gate", _tenths(ceiling - value), 0, gate_reason))
                value = ceiling
    contributions.sort(key=lambda c: (c.points, c.source))
    total = _tenths(rule.base + sum(c.points for c in contributions))
    return DimensionScore(dimension, total, band, rule.base, tuple(contributions), gate_reason)


def score(
    rubric: Rubric,
    findings: Sequence[Finding],
    code_lines: int,
    decomposition: Decomposition | None = None,
) -> tuple[DimensionScore, ...]:
    """Scores for every dimension of the rubric, each explained by its contributions."""
    return tuple(score_dimension(rubric, d, findings, code_lines, decomposition) for d in Dimension)
