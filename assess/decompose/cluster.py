"""Combine the three coupling graphs and cut the result into candidate services.

The combined graph is undirected. Each source graph is first brought to 0–1 so the rubric's
weights mean what they say: static weights (dependency counts) by ``log(1 + w) / log(1 + max)``,
data affinity by ``w / max``; change coupling is already a degree in 0–1. An edge's weight is
``w_static × static + w_change × change + w_data × data``.

Communities come from networkx's Louvain method under a fixed seed (deterministic: nodes and
edges are inserted in sorted order). The number of services is the one Louvain's modularity
optimum gives, after communities smaller than ``min_service_units`` are merged into the community
they are most coupled with. A requested number ``K`` is reached by merging the pair of
communities whose merge costs least modularity, or by bisecting the largest community
(Kernighan–Lin). Units with no coupling at all (a ``main`` class, settings, scripts) are not
forced into any service: they are reported as unplaced.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from assess.decompose.settings import ClusteringSettings, GraphWeights


def _undirected_sum(graph: nx.Graph) -> dict[tuple[str, str], float]:
    sums: dict[tuple[str, str], float] = {}
    for a, b, data in graph.edges(data=True):
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        sums[key] = sums.get(key, 0.0) + float(data.get("weight", 1.0))
    return sums


def normalise(graph: nx.Graph, *, scale: str) -> dict[tuple[str, str], float]:
    """Edge weights of ``graph`` (directions summed) brought to 0–1.

    ``scale`` is ``log`` (``log1p(w) / log1p(max)``), ``max`` (``w / max``) or ``none``.
    """
    sums = _undirected_sum(graph)
    if not sums or scale == "none":
        return sums
    top = max(sums.values())
    if top <= 0:
        return {}
    if scale == "log":
        denominator = math.log1p(top)
        return {k: math.log1p(v) / denominator for k, v in sums.items()}
    return {k: v / top for k, v in sums.items()}


def combine(
    nodes: Iterable[str], static: nx.Graph, change: nx.Graph, data: nx.Graph, weights: GraphWeights
) -> nx.Graph:
    """The combined undirected graph; each edge keeps its ``static``, ``change`` and ``data`` parts."""
    parts = {
        "static": normalise(static, scale="log"),
        "change": normalise(change, scale="none"),
        "data": normalise(data, scale="max"),
    }
    factor = {"static": weights.static, "change": weights.change, "data": weights.data}
    combined = nx.Graph()
    combined.add_nodes_from(sorted(set(nodes)))
    keys = sorted({key for part in parts.values() for key in part})
    for a, b in keys:
        if a not in combined or b not in combined:
            continue
        values = {kind: parts[kind].get((a, b), 0.0) for kind in parts}
        weight = sum(factor[kind] * values[kind] for kind in values)
        if weight > 0:
            combined.add_edge(a, b, weight=weight, **values)
    return combined


@dataclass(frozen=True)
class Clustering:
    """Communities (each sorted; largest first), the unplaced units, and the modularity."""

    communities: tuple[tuple[str, ...], ...]
    unplaced: tuple[str, ...]
    modularity: float


def _ordered(communities: Iterable[Iterable[str]]) -> list[frozenset[str]]:
    sets = [frozenset(c) for c in communities if c]
    return sorted(sets, key=lambda c: (-len(c), min(c)))


def _links(graph: nx.Graph, communities: list[frozenset[str]]) -> dict[tuple[int, int], float]:
    where = {node: i for i, community in enumerate(communities) for node in community}
    links: dict[tuple[int, int], float] = {}
    for a, b, weight in graph.edges(data="weight", default=1.0):
        i, j = where[a], where[b]
        if i != j:
            key = (i, j) if i < j else (j, i)
            links[key] = links.get(key, 0.0) + weight
    return links


def _merge_small(graph: nx.Graph, communities: list[frozenset[str]], minimum: int) -> list[frozenset[str]]:
    """Merge communities below ``minimum`` units into the community they are most coupled with."""
    while True:
        communities = _ordered(communities)
        small = [i for i, c in enumerate(communities) if len(c) < minimum]
        if not small or len(communities) == 1:
            return communities
        links = _links(graph, communities)
        merged = False
        for i in reversed(small):
            partners = [(w, j if k == i else k) for (k, j), w in links.items() if i in (k, j)]
            if not partners:
                continue
            _, j = max(partners, key=lambda item: (item[0], -item[1]))
            communities[j] = communities[j] | communities[i]
            communities[i] = frozenset()
            merged = True
            break
        if not merged:
            return _ordered(communities)


def _merge_to(graph: nx.Graph, communities: list[frozenset[str]], k: int) -> list[frozenset[str]]:
    """Merge pairs, each time the one whose merge gains most (or loses least) modularity."""
    total = graph.size(weight="weight") or 1.0
    while len(communities) > k:
        degree = [sum(d for _, d in graph.degree(c, weight="weight")) for c in communities]
        links = _links(graph, communities)
        best: tuple[float, int, int] | None = None
        for i in range(len(communities)):
            for j in range(i + 1, len(communities)):
                gain = links.get((i, j), 0.0) / total - degree[i] * degree[j] / (2 * total * total)
                if best is None or gain > best[0]:
                    best = (gain, i, j)
        assert best is not None
        _, i, j = best
        communities[i] = communities[i] | communities[j]
        del communities[j]
        communities = _ordered(communities)
    return communities


def _split_to(graph: nx.Graph, communities: list[frozenset[str]], k: int, seed: int) -> list[frozenset[str]]:
    """Bisect the largest splittable community (Kernighan–Lin) until there are ``k``."""
    while len(communities) < k:
        candidates = [c for c in communities if len(c) > 1]
        if not candidates:
            return communities
        largest = candidates[0]
        left, right = nx.community.kernighan_lin_bisection(graph.subgraph(sorted(largest)), seed=seed)
        communities = _ordered([c for c in communities if c is not largest] + [left, right])
    return communities


def cluster(graph: nx.Graph, settings: ClusteringSettings, services: int | None = None) -> Clustering:
    """Cut ``graph`` into communities; ``services`` (else ``settings.services``) forces how many."""
    wanted = services or settings.services
    placed = sorted(n for n in graph if graph.degree(n, weight="weight") > 0)
    placed_set = set(placed)
    unplaced = tuple(sorted(n for n in graph if n not in placed_set))
    if not placed:
        return Clustering((), unplaced, 0.0)
    sub = nx.Graph()
    sub.add_nodes_from(placed)
    sub.add_weighted_edges_from(sorted((a, b, w) for a, b, w in graph.subgraph(placed).edges(data="weight")))
    found = nx.community.louvain_communities(
        sub, weight="weight", resolution=settings.resolution, seed=settings.seed
    )
    communities = _merge_small(sub, _ordered(found), settings.min_service_units)
    if wanted:
        wanted = min(wanted, len(placed))
        if len(communities) > wanted:
            communities = _merge_to(sub, communities, wanted)
        elif len(communities) < wanted:
            communities = _split_to(sub, communities, wanted, settings.seed)
    modularity = nx.community.modularity(sub, communities, weight="weight") if len(placed) > 1 else 0.0
    ordered = tuple(tuple(sorted(c)) for c in _ordered(communities))
    return Clustering(ordered, unplaced, float(modularity))


def membership(communities: Iterable[Iterable[str]], labels: Iterable[str] | None = None) -> dict[str, str]:
    """unit → label of its community (labels default to ``"0"``, ``"1"``, …)."""
    names = list(labels) if labels is not None else None
    found: dict[str, str] = {}
    for index, community in enumerate(communities):
        label = names[index] if names is not None else str(index)
        for unit in community:
            found[unit] = label
    return found


def relabel(partition: Mapping[str, str], names: Mapping[str, str]) -> dict[str, str]:
    """The same partition with its labels renamed."""
    return {unit: names.get(label, label) for unit, label in partition.items()}
