"""Every decomposition metric on small hand-made graphs, with the expected values worked out here."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from assess.decompose import metrics as m

# Service A = {a1, a2, a3}, service B = {b1, b2}.
#   inside A: a1→a2 (2), a2→a3 (1), a1→a3 (1)     inside B: b1→b2 (3)
#   crossing: a3→b1 (1), b2→a1 (2)
EDGES = [("a1", "a2", 2), ("a2", "a3", 1), ("a1", "a3", 1), ("b1", "b2", 3), ("a3", "b1", 1), ("b2", "a1", 2)]
TWO = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"}


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_weighted_edges_from(EDGES)
    return g


def test_cohesion_is_the_mean_of_inner_edges_over_size_squared() -> None:
    # μ_A = 3 edges over m_A² = 9; μ_B = 1 over 4 → (3/9 + 1/4) / 2
    assert m.cohesion(graph(), TWO) == pytest.approx((3 / 9 + 1 / 4) / 2)


def test_coupling_normalises_crossing_edges_by_pairs_of_services() -> None:
    # σ_AB = 2 edges; 2 / (2 · 3 · 2) = 1/6; one pair of services: K(K−1)/2 = 1
    assert m.coupling(graph(), TWO) == pytest.approx(1 / 6)


def test_structural_modularity_is_cohesion_minus_coupling() -> None:
    assert m.structural_modularity(graph(), TWO) == pytest.approx((3 / 9 + 1 / 4) / 2 - 1 / 6)
    assert m.structural_modularity(graph(), TWO) == pytest.approx(0.125)


def test_structural_modularity_of_one_service_has_no_coupling_term() -> None:
    one = dict.fromkeys(TWO, "all")
    assert m.coupling(graph(), one) == 0
    assert m.structural_modularity(graph(), one) == pytest.approx(6 / 25)


def test_coupling_over_three_services_averages_over_three_pairs() -> None:
    g = nx.DiGraph([("x", "y"), ("y", "z")])
    parts = {"x": "X", "y": "Y", "z": "Z"}
    # (x,y): 1/(2·1·1) = 0.5, (y,z): 0.5, (x,z): 0 → 1.0 / 3 pairs; no inner edges
    assert m.coupling(g, parts) == pytest.approx(1 / 3)
    assert m.structural_modularity(g, parts) == pytest.approx(-1 / 3)


def test_icp_is_the_crossing_share_of_the_edge_weight() -> None:
    # crossing 1 + 2 = 3 of 2 + 1 + 1 + 3 + 1 + 2 = 10
    assert m.icp(graph(), TWO) == pytest.approx(0.3)
    assert m.icp(graph(), dict.fromkeys(TWO, "all")) == 0


def test_ifn_counts_units_used_from_other_services() -> None:
    g = graph()
    assert m.interfaces(g, TWO) == {"A": {"a1"}, "B": {"b1"}}
    assert m.ifn(g, TWO) == pytest.approx(1.0)
    g.add_edge("b1", "a2", weight=1)  # a2 now used from B as well
    assert m.ifn(g, TWO) == pytest.approx((2 + 1) / 2)


def test_ned_is_the_share_of_units_in_extreme_services() -> None:
    assert m.ned(TWO, low=2, high=2) == pytest.approx(1 - 2 / 5)  # only B (2 units) is moderate
    assert m.ned(TWO, low=2, high=3) == 0
    assert m.ned(TWO) == 1  # with the default 5..20 both are too small


def test_units_outside_the_partition_are_left_out() -> None:
    g = graph()
    g.add_edge("a1", "loose", weight=100)
    assert m.icp(g, TWO) == pytest.approx(0.3)
    assert m.cohesion(g, TWO) == pytest.approx((3 / 9 + 1 / 4) / 2)


def test_entropy_of_table_use() -> None:
    accessors = {
        "orders": {"a1": 2, "a2": 1, "b1": 1},  # A 3, B 1
        "lines": {"a3": 4},  # A only
        "audit": {"a1": 1, "b2": 1},  # A 1, B 1
    }
    got = m.table_entropy(accessors, TWO)
    assert got["orders"] == pytest.approx(-(0.75 * math.log2(0.75) + 0.25 * math.log2(0.25)))
    assert got["orders"] == pytest.approx(0.811278, abs=1e-6)
    assert got["lines"] == 0
    assert got["audit"] == pytest.approx(1.0)


def test_table_owners_and_distributed_transactions() -> None:
    accessors = {"t": {"a1": 2, "b1": 1}, "u": {"a2": 1}, "v": {"b2": 3, "a3": 1}}
    owners = m.table_owners(accessors, TWO)
    assert owners == {"t": "A", "u": "A", "v": "B"}
    transactions = [("T1", ["t", "u"]), ("T2", ["u", "v"]), ("T3", ["v", "unknown"])]
    assert m.distributed_transactions(transactions, owners) == ["T2"]


def test_service_cycles() -> None:
    g = nx.DiGraph([("a1", "b1"), ("b2", "a2"), ("c1", "a1")])
    parts = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"}
    assert m.service_cycles(g, parts) == [("A", "B")]
    g.remove_edge("b2", "a2")
    assert m.service_cycles(g, parts) == []


def test_adjusted_rand_index_by_hand() -> None:
    # the example of scikit-learn's documentation: contingency {0: {0: 2}, 1: {1: 1, 2: 1}}
    # index = C(2,2) = 1; rows 1 + 1 = 2; cols 1; expected = 2·1/C(4,2) = 1/3; max = 1.5
    a = {"1": "0", "2": "0", "3": "1", "4": "1"}
    b = {"1": "0", "2": "0", "3": "1", "4": "2"}
    assert m.adjusted_rand_index(a, b) == pytest.approx((1 - 1 / 3) / (1.5 - 1 / 3))
    assert m.adjusted_rand_index(a, b) == pytest.approx(4 / 7)


def test_adjusted_rand_index_of_two_three_way_splits() -> None:
    a = {"1": "x", "2": "x", "3": "x", "4": "y", "5": "y", "6": "y"}
    b = {"1": "p", "2": "p", "3": "q", "4": "q", "5": "r", "6": "r"}
    # index 2, rows 6, cols 3, C(6,2) = 15: expected 1.2, max 4.5
    assert m.adjusted_rand_index(a, b) == pytest.approx((2 - 1.2) / (4.5 - 1.2))


def test_adjusted_rand_index_ignores_labels_and_uses_common_units() -> None:
    a = {"1": "x", "2": "x", "3": "y", "4": "y", "extra": "z"}
    b = {"1": "q", "2": "q", "3": "p", "4": "p"}
    assert m.adjusted_rand_index(a, b) == 1.0


def test_mojo_moves_and_joins_by_hand() -> None:
    # A1 = {1,2,3}, A2 = {4,5}, A3 = {6}; B1 = {1,2}, B2 = {3,4,5,6}
    # move 3 from A1 to A2 (1), join A2 and A3 (1) → 2
    a = {"1": "A1", "2": "A1", "3": "A1", "4": "A2", "5": "A2", "6": "A3"}
    b = {"1": "B1", "2": "B1", "3": "B2", "4": "B2", "5": "B2", "6": "B2"}
    assert m.mno(a, b) == 2
    # B's sizes ascending 2, 4 → g = 2 → max mno = 6 − 2 = 4 → MoJoFM = (1 − 2/4) · 100
    assert m.max_mno(b) == 4
    assert m.mojofm(a, b) == pytest.approx(50.0)


def test_mojofm_extremes() -> None:
    b = {"1": "p", "2": "p", "3": "q", "4": "q"}
    assert m.mojofm({"1": "x", "2": "x", "3": "y", "4": "y"}, b) == 100.0
    everything = dict.fromkeys(b, "all")
    # two moves, one cluster kept: mno 2 = max mno (4 − 2) → 0
    assert m.mno(everything, b) == 2
    assert m.mojofm(everything, b) == 0.0


def test_mojo_matching_prefers_distinct_groups() -> None:
    # A1 = {1, 2} (tags p, q tie), A2 = {3} (tag p): matching A1–q, A2–p keeps two groups
    a = {"1": "A1", "2": "A1", "3": "A2"}
    b = {"1": "p", "2": "q", "3": "p"}
    # moves: A1 keeps one of its two → 1; A2 → 0; l = 2, g = 2 → mno = 1
    assert m.mno(a, b) == 1
