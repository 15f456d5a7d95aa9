"""Effort estimates, migration decisions and user rubrics that override them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assess.model import (
    Confidence,
    ContainerArtifact,
    Dimension,
    Finding,
    Severity,
    Sourced,
    Stack,
)
from assess.scoring.effort import estimate_effort
from assess.scoring.migration import recommend_migration
from assess.scoring.rubric import RubricError, load_rubric
from assess.scoring.score import score

RUBRIC = load_rubric()
PLAIN = Stack()


def finding(
    rule_id: str,
    severity: Severity = Severity.MANDATORY,
    line: int = 1,
    *,
    effort: int = 3,
    category: str = "cat",
    dimension: Dimension = Dimension.CONTAINERIZATION,
) -> Finding:
    return Finding(
        rule_id, rule_id, dimension, category, severity, Confidence.HIGH, effort, "a.py", line, "x", "m", "r"
    )


def user_rubric(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\n" + text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- effort


def test_effort_sums_saturated_points_per_rule_plus_setup() -> None:
    findings = [finding("w", line=n) for n in range(1, 5)] + [finding("s", effort=5)]
    effort = estimate_effort(RUBRIC, findings, PLAIN)
    setup = RUBRIC.effort.setup_points.without_container_artifacts
    items = {i.source: i.points for i in effort.items}
    assert items == {"w": round(3 * (1 + math.log2(4)), 1), "s": 5, "setup": setup}
    assert effort.points == pytest.approx(sum(items.values()))
    per_point = RUBRIC.effort.days_per_point
    assert effort.days_low == math.ceil(effort.points * per_point.low * 2) / 2
    assert effort.days_high == math.ceil(effort.points * per_point.high * 2) / 2
    assert effort.days_low <= effort.days_high


def test_effort_saturates_at_the_multiplier_and_skips_boosters_and_info() -> None:
    many = [finding("w", line=n) for n in range(1, 500)]
    noise = [finding("b", Severity.BOOSTER), finding("i", Severity.INFO), finding("z", effort=0)]
    effort = estimate_effort(RUBRIC, many + noise, PLAIN)
    items = {i.source: i for i in effort.items}
    assert items["w"].points == 3 * RUBRIC.effort.max_multiplier
    assert items["w"].hits == 499
    assert set(items) == {"w", "setup"}


def test_existing_container_artifacts_cost_less_setup() -> None:
    with_docker = Stack(container_artifacts=(ContainerArtifact("dockerfile", "Dockerfile"),))
    assert estimate_effort(RUBRIC, [], with_docker).points < estimate_effort(RUBRIC, [], PLAIN).points


def test_decomposition_findings_do_not_count_by_default() -> None:
    deco = finding("d", dimension=Dimension.DECOMPOSITION)
    assert [i.source for i in estimate_effort(RUBRIC, [deco], PLAIN).items] == ["setup"]


def test_user_rubric_changes_rule_effort_and_conversion(tmp_path: Path) -> None:
    rubric = load_rubric(
        user_rubric(
            tmp_path,
            "effort:\n  rule_effort: {w: 13}\n  days_per_point: {low: 1, high: 2}\n"
            "  setup_points: {without_container_artifacts: 0}\n",
        )
    )
    effort = estimate_effort(rubric, [finding("w")], PLAIN)
    assert (effort.points, effort.days_low, effort.days_high) == (13, 13, 26)
    assert rubric.effort.max_multiplier == RUBRIC.effort.max_multiplier


# --------------------------------------------------------------------------- migration


def decide(
    findings: list[Finding], stack: Stack = PLAIN, metadata: dict[str, str] | None = None, rubric=RUBRIC
):  # type: ignore[no-untyped-def]
    scores = score(rubric, findings, 5000)
    return recommend_migration(rubric, scores, findings, stack, metadata or {})


def test_a_clean_app_is_rehosted_with_reasons() -> None:
    migration = decide([])
    assert (migration.path, migration.rule) == ("rehost", "rehost-ready")
    assert migration.reasons[0].startswith("Containerization ready (100)")
    assert "containerization: ready (100)" in migration.reasons


def test_moderate_work_is_replatformed() -> None:
    findings = [finding("a"), finding("b"), finding("c")]
    assert score(RUBRIC, findings, 5000)[0].band == "moderate work"
    assert decide(findings).path == "replatform"


def test_dotnet_framework_is_replatformed_whatever_the_score() -> None:
    stack = Stack(
        runtime=Sourced("dotnet-framework", "Web.config"), runtime_version=Sourced("4.8", "Web.config")
    )
    migration = decide([finding("sysweb", Severity.BLOCKER)], stack)
    assert (migration.path, migration.rule) == ("replatform", "replatform-legacy-runtime")
    assert "4.8" in migration.reasons[0]
    assert any(r.startswith("blockers: 1 (sysweb)") for r in migration.reasons)


def test_end_of_life_findings_lead_to_replatform() -> None:
    migration = decide([finding("eol-runtime", Severity.OPTIONAL, effort=5)])
    assert (migration.path, migration.rule) == ("replatform", "replatform-end-of-life")
    assert migration.reasons[0].startswith("1 end-of-life finding")


def test_heavy_rework_of_an_app_with_seams_is_a_refactor_and_without_them_a_replatform() -> None:
    blocker = [finding("sysweb", Severity.BLOCKER)]
    with_seams = score(RUBRIC, blocker, 5000)
    assert [s.band for s in with_seams] == ["major work", "possible"]
    migration = recommend_migration(RUBRIC, with_seams, blocker, PLAIN, {})
    assert (migration.path, migration.rule) == ("refactor", "refactor-heavy-rework")
    assert migration.reasons[0].startswith("Containerizing needs major work")
    too_small = score(RUBRIC, blocker, 300)
    assert [s.band for s in too_small] == ["major work", "hard"]
    migration = recommend_migration(RUBRIC, too_small, blocker, PLAIN, {})
    assert (migration.path, migration.rule) == ("replatform", "replatform-changes")


def test_business_metadata_decides_retire_and_retain() -> None:
    low = {"Business Value": "Low", "criticality": "LOW"}
    assert decide([], metadata=low).path == "retire"
    blockers = [finding(f"b{i}", Severity.BLOCKER) for i in range(4)]
    assert score(RUBRIC, blockers, 5000)[0].band == "not a fit"
    assert decide(blockers, metadata={"criticality": "high"}).path == "retain"
    migration = decide(blockers, metadata={"business-value": "low"})
    assert (migration.path, migration.rule) == ("retire", "retire-unfit-low-value")
    assert "business_value: low" in migration.reasons


def test_missing_metadata_never_matches_a_metadata_condition() -> None:
    assert decide([], metadata={"criticality": "low"}).path == "rehost"


# --------------------------------------------------------------------------- user rubrics


def test_user_rubric_changes_one_decision_rule_in_place_and_adds_one_first(tmp_path: Path) -> None:
    rubric = load_rubric(
        user_rubric(
            tmp_path,
            "migration:\n  rules:\n"
            "    - {id: rehost-ready, path: replatform}\n"
            "    - id: retain-regulated\n      path: retain\n      when: {metadata: {regulated: [yes]}}\n"
            "      reason: Regulated apps stay where they are audited.\n",
        )
    )
    ids = [r.id for r in rubric.migration.rules]
    default_ids = [r.id for r in RUBRIC.migration.rules]
    assert ids == ["retain-regulated", *default_ids]
    changed = next(r for r in rubric.migration.rules if r.id == "rehost-ready")
    assert changed.path == "replatform"
    assert changed.reason == next(r.reason for r in RUBRIC.migration.rules if r.id == "rehost-ready")
    assert decide([], rubric=rubric).path == "replatform"
    regulated = decide([], metadata={"Regulated": "YES"}, rubric=rubric)
    assert (regulated.path, regulated.reasons[0]) == ("retain", "Regulated apps stay where they are audited.")


def test_user_rule_can_go_before_another_and_a_rule_can_be_disabled(tmp_path: Path) -> None:
    rubric = load_rubric(
        user_rubric(
            tmp_path,
            "migration:\n  rules:\n"
            "    - {id: replatform-legacy-runtime, enabled: false}\n"
            "    - id: rehost-everything-small\n      path: rehost\n      before: retain-otherwise\n"
            "      when: {containerization_score: {min: 0}}\n      reason: We rehost everything we can.\n",
        )
    )
    ids = [r.id for r in rubric.migration.rules]
    assert ids.index("rehost-everything-small") == ids.index("retain-otherwise") - 1
    stack = Stack(runtime=Sourced("dotnet-framework", "Web.config"))
    assert decide([finding("x", Severity.BLOCKER)], stack, rubric=rubric).rule != "replatform-legacy-runtime"


def test_user_bands_and_weights_override(tmp_path: Path) -> None:
    rubric = load_rubric(
        user_rubric(
            tmp_path,
            "severity_weights: {mandatory: 40}\n"
            "dimensions:\n  containerization:\n    bands:\n"
            "      - {name: ready, min: 90}\n      - {name: minor work, min: 70}\n"
            "      - {name: moderate work, min: 50}\n      - {name: major work, min: 30}\n"
            "      - {name: not a fit, min: 0}\n",
        )
    )
    assert rubric.dimensions[Dimension.CONTAINERIZATION].bands[0].min == 90
    assert score(rubric, [finding("w")], 5000)[0].score == 60


def test_every_error_of_a_user_rubric_is_listed_with_its_line(tmp_path: Path) -> None:
    path = user_rubric(
        tmp_path,
        "cap_multiplier: 0\n"  # line 2
        "effort:\n"
        "  rule_effort: {w: 4}\n"  # line 4
        "  days_per_point: {low: 2, high: 1}\n"  # line 5
        "migration:\n"
        "  rules:\n"
        "    - id: keep-gold\n"  # line 8
        "      path: keep\n"  # line 9
        "      when: {containerization_band: [golden]}\n"  # line 10
        "      reason: Gold apps stay.\n"
        "    - id: odd\n"
        "      path: rehost\n"
        "      before: nowhere\n"
        "      reason: Placed before a rule that does not exist.\n",
    )
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    lines = str(caught.value).splitlines()
    text = "\n".join(lines)
    assert f"{path}:2: cap_multiplier" in text
    assert f"{path}:4: effort.rule_effort" in text and "w: 4" in text
    assert "low 2 is above high 1" in text
    assert f"{path}:9: migration.rules.0.path" in text
    assert "'golden' is not a containerization band" in text
    assert f"{path}:10:" in text
    assert "no decision rule has the id 'nowhere'" in text
    assert len(lines) >= 6


def test_a_table_without_a_catch_all_is_rejected(tmp_path: Path) -> None:
    path = user_rubric(tmp_path, "migration:\n  rules:\n    - {id: retain-otherwise, enabled: false}\n")
    with pytest.raises(RubricError, match="catch-all"):
        load_rubric(path)
