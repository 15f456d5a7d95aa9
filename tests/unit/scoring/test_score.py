"""Scores: saturation, boosters, gates, bands, explanations and user rubrics."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assess.model import Confidence, Dimension, Finding, Severity
from assess.scoring.rubric import RubricError, load_rubric
from assess.scoring.score import score

RUBRIC = load_rubric()


def finding(
    rule_id: str,
    severity: Severity,
    line: int = 1,
    *,
    effort: int = 3,
    confidence: Confidence = Confidence.HIGH,
    dimension: Dimension = Dimension.CONTAINERIZATION,
) -> Finding:
    return Finding(
        rule_id, rule_id, dimension, "cat", severity, confidence, effort, "a.py", line, "x", "m", "r"
    )


def cont(findings: list[Finding], code_lines: int = 5000) -> tuple[float, str, dict[str, float]]:
    s = next(s for s in score(RUBRIC, findings, code_lines) if s.dimension is Dimension.CONTAINERIZATION)
    return s.score, s.band, {c.source: c.points for c in s.contributions}


def test_clean_app_is_ready() -> None:
    value, band, moved = cont([])
    assert (value, band, moved) == (100.0, "ready", {})


def test_one_mandatory_finding_costs_its_weight() -> None:
    value, _, moved = cont([finding("w", Severity.MANDATORY)])
    weight = RUBRIC.severity_weights[Severity.MANDATORY]
    assert moved == {"w": -weight}
    assert value == 100 - weight


def test_repeated_hits_saturate() -> None:
    weight = RUBRIC.severity_weights[Severity.MANDATORY]
    _, _, two = cont([finding("w", Severity.MANDATORY, n) for n in (1, 2)])
    assert two["w"] == pytest.approx(-weight * (1 + math.log2(2)))
    _, _, many = cont([finding("w", Severity.MANDATORY, n) for n in range(1, 200)])
    assert many["w"] == pytest.approx(-weight * RUBRIC.cap_multiplier)


def test_confidence_and_effort_scale_points() -> None:
    weight = RUBRIC.severity_weights[Severity.OPTIONAL]
    _, _, moved = cont([finding("low", Severity.OPTIONAL, confidence=Confidence.LOW, effort=13)])
    expected = weight * RUBRIC.confidence_factors[Confidence.LOW] * RUBRIC.effort_factors[13]
    assert moved["low"] == pytest.approx(-expected, abs=0.01)


def test_boosters_raise_the_score_up_to_the_limit() -> None:
    findings = [finding("w", Severity.MANDATORY)] + [finding(f"b{i}", Severity.BOOSTER) for i in range(10)]
    value, _, moved = cont(findings)
    assert all(moved[f"b{i}"] > 0 for i in range(10))
    assert moved["boost-limit"] < 0
    max_boost = RUBRIC.dimensions[Dimension.CONTAINERIZATION].max_boost
    assert value == pytest.approx(min(100, 100 - RUBRIC.severity_weights[Severity.MANDATORY] + max_boost))


def test_one_blocker_caps_the_band() -> None:
    value, band, _ = cont([finding("sysweb", Severity.BLOCKER, effort=0, confidence=Confidence.LOW)])
    dim = RUBRIC.dimensions[Dimension.CONTAINERIZATION]
    assert band == "major work"
    assert value <= dim.band_ceiling("major work")
    result = score(RUBRIC, [finding("sysweb", Severity.BLOCKER)], 5000)[0]
    assert result.gate == "a blocker finding caps the band at 'major work'"
    assert {c.source: c.points for c in result.contributions}["gate"] < 0
    assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))


def test_every_band_is_reached_and_starts_at_its_minimum() -> None:
    dim = RUBRIC.dimensions[Dimension.CONTAINERIZATION]
    names = [b.name for b in dim.bands]
    assert names == ["ready", "minor work", "moderate work", "major work", "not a fit"]
    for upper, lower in zip(dim.bands, dim.bands[1:], strict=False):
        assert dim.band_for(upper.min) == upper.name
        assert dim.band_for(upper.min - 0.01) == lower.name
    # more and more distinct mandatory rules walk a real score down through every band in order
    reached = []
    for count in range(0, 12):
        value, band, _ = cont([finding(f"rule{n}", Severity.MANDATORY) for n in range(count)])
        assert band == dim.band_for(value)
        if band not in reached:
            reached.append(band)
    assert reached == names


def test_contributions_explain_the_score_exactly() -> None:
    findings = [
        finding("w", Severity.MANDATORY),
        finding("o", Severity.OPTIONAL, 2),
        finding("b", Severity.BOOSTER),
    ]
    result = score(RUBRIC, findings, 5000)[0]
    assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))
    assert [c.source for c in result.contributions] == ["w", "o", "b"]  # worst first
    assert "a.py:1" in result.contributions[0].reason


def test_small_apps_are_poor_split_candidates() -> None:
    small = next(s for s in score(RUBRIC, [], 300) if s.dimension is Dimension.DECOMPOSITION)
    large = next(s for s in score(RUBRIC, [], 50_000) if s.dimension is Dimension.DECOMPOSITION)
    assert small.score < large.score
    assert "too small" in small.contributions[0].reason


def test_user_rubric_extends_the_default(tmp_path: Path) -> None:
    custom = tmp_path / "strict.yaml"
    custom.write_text("extends: default\nseverity_weights: {mandatory: 20}\nrule_caps: {w: 5}\n")
    rubric = load_rubric(custom)
    assert rubric.severity_weights[Severity.MANDATORY] == 20
    assert rubric.severity_weights[Severity.BLOCKER] == RUBRIC.severity_weights[Severity.BLOCKER]
    moved = {
        c.source: c.points for c in score(rubric, [finding("w", Severity.MANDATORY)], 5000)[0].contributions
    }
    assert moved == {"w": -5}
    assert rubric.digest() != RUBRIC.digest()


def test_invalid_user_rubric_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "extends: default\ncap_multiplier: -1\ndimensions:\n  containerization:\n"
        "    bands: [{name: a, min: 10}, {name: b, min: 50}]\n"
    )
    with pytest.raises(RubricError) as caught:
        load_rubric(bad)
    text = str(caught.value)
    assert "cap_multiplier" in text
    assert "bands must be listed from the highest" in text


def test_a_finding_that_moves_nothing_shows_zero_not_minus_zero() -> None:
    # info findings weigh nothing: their line in the explanation reads 0.0 (and +0.0), never -0.0
    value, _, moved = cont([finding("note", Severity.INFO)])
    assert value == 100.0
    assert math.copysign(1.0, moved["note"]) == 1.0
    s = next(s for s in score(RUBRIC, [finding("note", Severity.INFO)], 5000))
    assert "-0.0" not in " ".join(c.reason for c in s.contributions)
