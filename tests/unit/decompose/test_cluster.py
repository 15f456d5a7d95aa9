"""Combining the graphs and cutting them into communities: deterministic, automatic or forced K."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest

from assess.decompose.cluster import cluster, combine, membership, normalise
from assess.decompose.settings import ClusteringSettings, GraphWeights


def cliques(*groups: list[str], bridge: float = 0.1, weight: float = 1.0) -> nx.Graph:
    graph = nx.Graph()
    for group in groups:
        graph.add_weighted_edges_from((a, b, weight) for i, a in enumerate(group) for b in group[i + 1 :])
    for left, right in itertools.pairwise(groups):
        graph.add_edge(left[0], right[0], weight=bridge)
    return graph


A = ["a1", "a2", "a3", "a4"]
B = ["b1", "b2", "b3", "b4"]
C = ["c1", "c2", "c3", "c4"]


def test_normalise_scales() -> None:
    graph = nx.DiGraph()
    graph.add_weighted_edges_from([("x", "y", 3), ("y", "x", 1), ("y", "z", 1)])
    assert normalise(graph, scale="none") == {("x", "y"): 4, ("y", "z"): 1}
    assert normalise(graph, scale="max") == {("x", "y"): 1.0, ("y", "z"): 0.25}
    got = normalise(graph, scale="log")
    assert got[("x", "y")] == 1.0
    assert got[("y", "z")] == pytest.approx(math.log(2) / math.log(5))


def test_combine_weighs_the_three_graphs() -> None:
    static = nx.DiGraph([("x", "y")])
    static["x"]["y"]["weight"] = 2.0
    change = nx.Graph()
    change.add_edge("y", "x", weight=0.6)
    change.add_edge("y", "z", weight=0.3)
    data = nx.Graph()
    data.add_edge("x", "z", weight=4.0)
    data.add_edge("x", "y", weight=2.0)
    combined = combine(
        ["x", "y", "z", "lone"], static, change, data, GraphWeights(static=0.5, change=0.25, data=0.25)
    )
    assert combined["x"]["y"]["weight"] == pytest.approx(0.5 * 1.0 + 0.25 * 0.6 + 0.25 * 0.5)
    assert combined["y"]["z"]["weight"] == pytest.approx(0.25 * 0.3)
    assert combined["x"]["z"]["weight"] == pytest.approx(0.25 * 1.0)
    assert combined["x"]["y"]["change"] == pytest.approx(0.6)
    assert "lone" in combined and combined.degree("lone") == 0


def test_two_cliques_make_two_services_and_loners_stay_unplaced() -> None:
    graph = cliques(A, B)
    graph.add_node("main")
    result = cluster(graph, ClusteringSettings())
    assert result.communities == (tuple(A), tuple(B))
    assert result.unplaced == ("main",)
    assert result.modularity == pytest.approx(nx.community.modularity(cliques(A, B), [set(A), set(B)]))


def test_same_input_same_seed_same_result_whatever_the_insertion_order() -> None:
    graph = cliques(A, B, C, bridge=0.5)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(graph, reverse=True))
    shuffled.add_edges_from(sorted(graph.edges(data=True), reverse=True))
    first = cluster(graph, ClusteringSettings(seed=3))
    assert cluster(graph, ClusteringSettings(seed=3)) == first
    assert cluster(shuffled, ClusteringSettings(seed=3)) == first


def test_forced_count_merges_the_closest_communities() -> None:
    graph = cliques(A, B, C, bridge=0.1)
    graph.add_edge("b2", "c2", weight=0.9)  # B and C are closer to each other than to A
    result = cluster(graph, ClusteringSettings(), services=2)
    assert result.communities == (tuple(sorted(B + C)), tuple(A))


def test_forced_count_splits_the_largest_community() -> None:
    graph = cliques(A + B, weight=1.0)
    for a in A:  # inside A+B the A half is denser
        for b in A:
            if a < b:
                graph[a][b]["weight"] = 5.0
    for a in B:
        for b in B:
            if a < b:
                graph[a][b]["weight"] = 5.0
    assert len(cluster(graph, ClusteringSettings()).communities) == 2
    forced = cluster(graph, ClusteringSettings(), services=3)
    assert len(forced.communities) == 3
    assert sorted(u for c in forced.communities for u in c) == sorted(A + B)
    capped = cluster(graph, ClusteringSettings(), services=50)
    assert len(capped.communities) == 8


def test_small_communities_join_their_closest_neighbour() -> None:
    graph = cliques(A, B, bridge=0.1)
    graph.add_edge("p", "q", weight=10.0)
    graph.add_edge("q", "a1", weight=0.2)
    assert ("p", "q") in cluster(graph, ClusteringSettings(min_service_units=2)).communities
    merged = cluster(graph, ClusteringSettings(min_service_units=3))
    assert tuple(sorted([*A, "p", "q"])) in merged.communities


def test_membership_labels() -> None:
    assert membership([("x", "y"), ("z",)]) == {"x": "0", "y": "0", "z": "1"}
    assert membership([("x",), ("z",)], ["orders", "billing"]) == {"x": "orders", "z": "billing"}
