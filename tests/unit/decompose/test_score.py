"""The decomposition score: every point explained, and score == base + Σ contributions."""

from __future__ import annotations

import pytest

from assess.decompose.score import decomposition_contributions
from assess.decompose.settings import DecompositionScoring
from assess.model import CandidateService, Decomposition, DecompositionMetrics, Dimension, Stack
from assess.scoring.migration import recommend_migration
from assess.scoring.rubric import load_rubric
from assess.scoring.score import score, score_dimension


def cut(**metrics: object) -> Decomposition:
    services = (
        CandidateService(
            "orders", ("o1",), ("o1.java",), 3000, shared_tables=("orders",), distributed=("o1.place",)
        ),
        CandidateService("billing", ("b1",), ("b1.java",), 3000, shared_tables=("orders", "invoices")),
    )
    values: dict[str, object] = {"services": 2, "units": 2, **metrics}
    return Decomposition(services, DecompositionMetrics(**values))  # type: ignore[arg-type]


def by_source(decomposition: Decomposition, rules: DecompositionScoring | None = None) -> dict[str, float]:
    return {
        c.source: c.points
        for c in decomposition_contributions(decomposition, rules or DecompositionScoring())
    }


def test_each_measure_by_hand() -> None:
    got = by_source(
        cut(
            modularity=0.5,
            icp=0.2,
            distributed_transactions=2,
            shared_tables=2,
            cycles=(("billing", "orders"),),
        )
    )
    assert got == {
        "decomposition-modularity": pytest.approx((0.5 - 0.3) * 40),  # +8.0
        "decomposition-coupling": pytest.approx((0.3 - 0.2) * 20),  # +2.0
        "decomposition-transactions": -8.0,  # 2 × 4
        "decomposition-shared-tables": -6.0,  # 2 × 3
        "decomposition-cycles": -10.0,  # 2 services × 5
    }


def test_caps_and_weak_seams() -> None:
    got = by_source(cut(modularity=0.0, icp=0.9, distributed_transactions=9, shared_tables=9))
    assert got == {
        "decomposition-modularity": -12.0,  # (0 − 0.3) × 40
        "decomposition-coupling": -8.0,  # (0.3 − 0.9) × 20 = −12, capped at 8
        "decomposition-transactions": -20.0,  # 36, capped at 20
        "decomposition-shared-tables": -15.0,  # 27, capped at 15
    }
    assert by_source(cut(modularity=0.9, icp=0.3))["decomposition-modularity"] == 15.0  # +24 capped


def test_one_block_has_no_seam() -> None:
    one = Decomposition((), DecompositionMetrics(services=1, units=12, modularity=0.0))
    contributions = decomposition_contributions(one, DecompositionScoring())
    assert [(c.source, c.points) for c in contributions] == [("decomposition-no-seam", -15.0)]
    assert "no seam" in contributions[0].reason


def test_reasons_name_the_evidence() -> None:
    reasons = {
        c.source: c.reason
        for c in decomposition_contributions(
            cut(
                modularity=0.5,
                icp=0.2,
                distributed_transactions=1,
                shared_tables=2,
                cycles=(("billing", "orders"),),
            ),
            DecompositionScoring(),
        )
    }
    assert (
        "0.50" in reasons["decomposition-modularity"]
        and "orders, billing" in reasons["decomposition-modularity"]
    )
    assert "o1.place" in reasons["decomposition-transactions"]
    assert "invoices, orders" in reasons["decomposition-shared-tables"]
    assert "billing, orders" in reasons["decomposition-cycles"]


def test_the_score_adds_up_and_size_still_counts() -> None:
    rubric = load_rubric()
    decomposition = cut(modularity=0.5, icp=0.2, distributed_transactions=2, shared_tables=2)
    result = score_dimension(rubric, Dimension.DECOMPOSITION, [], 1000, decomposition)
    sources = {c.source for c in result.contributions}
    assert {"size", "decomposition-modularity", "decomposition-transactions"} <= sources
    assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))
    assert result.score == pytest.approx(60 + 8 + 2 - 8 - 6 - 25)
    assert all(c.reason for c in result.contributions)


def test_bounds_keep_the_invariant() -> None:
    rubric = load_rubric()
    awful = cut(
        modularity=0.0,
        icp=1.0,
        distributed_transactions=20,
        shared_tables=20,
        cycles=(("billing", "orders"),),
    )
    result = score_dimension(rubric, Dimension.DECOMPOSITION, [], 500, awful)
    assert result.score == 0
    assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))
    assert result.band == "poor candidate"


def test_without_a_decomposition_the_old_scoring_stands() -> None:
    rubric = load_rubric()
    scores = {s.dimension: s for s in score(rubric, [], 1000)}
    assert [c.source for c in scores[Dimension.DECOMPOSITION].contributions] == ["size"]
    with_cut = {s.dimension: s for s in score(rubric, [], 1000, cut(modularity=0.5))}
    assert with_cut[Dimension.CONTAINERIZATION] == scores[Dimension.CONTAINERIZATION]
    assert with_cut[Dimension.DECOMPOSITION] != scores[Dimension.DECOMPOSITION]


def test_the_cut_decides_whether_a_valuable_app_is_refactored() -> None:
    rubric = load_rubric()
    value = {"business_value": "high"}
    # a large app (+10 for size) with clear seams: 60 + 10 + 8 + 2 = 80, a good candidate
    clean = score(rubric, [], 30_000, cut(modularity=0.5, icp=0.2))
    assert {s.dimension: s for s in clean}[Dimension.DECOMPOSITION].band == "good candidate"
    chosen = recommend_migration(rubric, clean, [], Stack(), value)
    assert (chosen.path, chosen.rule) == ("refactor", "refactor-valuable-decomposable")
    assert "decomposition 80" in chosen.reasons[0]
    # the same app whose best cut splits transactions and tables and has a cycle: not refactored
    tangled = cut(
        modularity=0.5, icp=0.2, distributed_transactions=3, shared_tables=2, cycles=(("billing", "orders"),)
    )
    scores = score(rubric, [], 30_000, tangled)
    assert {s.dimension: s for s in scores}[Dimension.DECOMPOSITION].score == pytest.approx(80 - 12 - 6 - 10)
    assert recommend_migration(rubric, scores, [], Stack(), value).path != "refactor"
