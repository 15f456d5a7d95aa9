"""Decomposition metrics, each from its published definition. Pure functions.

A *partition* maps each unit to the label of its service; units it does not name (unplaced code)
and edges touching them are left out of every metric.

* **SM** — structural modularity (Jin et al., *Service candidate identification from monolithic
  systems based on execution traces*, TSE 2019):
  ``SM = (1/K) Σ_i μ_i / m_i² − (1/(K(K−1)/2)) Σ_{i<j} σ_ij / (2 m_i m_j)`` with ``m_i`` units
  in service ``i``, ``μ_i`` dependency edges inside it and ``σ_ij`` edges between ``i`` and ``j``
  (either direction). The first term is the **cohesion**, the second the **coupling** (0 when
  K = 1). Higher SM is better.
* **ICP** — inter-partition call percentage (Kalia et al., *Mono2Micro*, FSE 2021): the share of
  the edge weight (call and dependency counts) that crosses services. Lower is better.
* **IFN** — interface number (Jin et al.): the mean over services of the number of their units
  used from another service (the would-be published interface). Lower is better.
* **NED** — non-extreme distribution (Kalia et al.): ``1 − (units in services whose size lies
  in [low, high]) / (all units)``; 0 when every service is neither tiny nor huge. Lower is better.
* **Transactional purity** — per table, the Shannon entropy (bits) of the services that access
  it: ``H(t) = −Σ_s p_s log2 p_s``, ``p_s`` the share of the table's accesses from service ``s``;
  0 when one service alone uses the table.
* **Distributed transactions** — transactions whose tables belong to two or more services.
* **ARI** — the adjusted Rand index (Hubert & Arabie 1985) of two partitions of the same units.
* **MoJoFM** — Wen & Tzerpos (2004): ``(1 − mno(A, B) / max mno(∀A, B)) × 100`` where
  ``mno`` is the minimum number of Move and Join operations turning A into B.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from math import comb

import networkx as nx


def _groups(partition: Mapping[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for unit, label in partition.items():
        groups[label].append(unit)
    return dict(groups)


def _edges(graph: nx.Graph, partition: Mapping[str, str]) -> list[tuple[str, str, float]]:
    """Edges between partitioned units, self-loops dropped (an undirected graph as stored)."""
    return [
        (a, b, float(w))
        for a, b, w in graph.edges(data="weight", default=1.0)
        if a != b and a in partition and b in partition
    ]


def cohesion(graph: nx.Graph, partition: Mapping[str, str]) -> float:
    """SM's cohesion term: ``(1/K) Σ_i μ_i / m_i²`` (edges counted, not weighted)."""
    groups = _groups(partition)
    if not groups:
        return 0.0
    inside: Counter[str] = Counter()
    for a, b, _ in _edges(graph, partition):
        if partition[a] == partition[b]:
            inside[partition[a]] += 1
    return sum(inside[label] / len(units) ** 2 for label, units in groups.items()) / len(groups)


def coupling(graph: nx.Graph, partition: Mapping[str, str]) -> float:
    """SM's coupling term: ``(1/(K(K−1)/2)) Σ_{i<j} σ_ij / (2 m_i m_j)``; 0 for one service."""
    groups = _groups(partition)
    k = len(groups)
    if k < 2:
        return 0.0
    between: Counter[tuple[str, str]] = Counter()
    for a, b, _ in _edges(graph, partition):
        i, j = partition[a], partition[b]
        if i != j:
            between[(i, j) if i < j else (j, i)] += 1
    total = sum(sigma / (2 * len(groups[i]) * len(groups[j])) for (i, j), sigma in between.items())
    return total / (k * (k - 1) / 2)


def structural_modularity(graph: nx.Graph, partition: Mapping[str, str]) -> float:
    """SM = cohesion − coupling."""
    return cohesion(graph, partition) - coupling(graph, partition)


def icp(graph: nx.Graph, partition: Mapping[str, str]) -> float:
    """Inter-partition call percentage (0–1): crossing edge weight / all edge weight."""
    edges = _edges(graph, partition)
    total = sum(w for _, _, w in edges)
    if total <= 0:
        return 0.0
    return sum(w for a, b, w in edges if partition[a] != partition[b]) / total


def interfaces(graph: nx.DiGraph, partition: Mapping[str, str]) -> dict[str, set[str]]:
    """service → its units that another service depends on (edge from outside into them)."""
    found: dict[str, set[str]] = {label: set() for label in set(partition.values())}
    for a, b, _ in _edges(graph, partition):
        if partition[a] != partition[b]:
            found[partition[b]].add(b)
    return found


def ifn(graph: nx.DiGraph, partition: Mapping[str, str]) -> float:
    """Interface number: mean over services of how many of their units are used from outside."""
    found = interfaces(graph, partition)
    return sum(len(units) for units in found.values()) / len(found) if found else 0.0


def ned(partition: Mapping[str, str], low: int = 5, high: int = 20) -> float:
    """Non-extreme distribution: share of units in services smaller than ``low`` or larger
    than ``high`` units (0 best, 1 worst)."""
    groups = _groups(partition)
    total = sum(len(units) for units in groups.values())
    if total == 0:
        return 0.0
    moderate = sum(len(units) for units in groups.values() if low <= len(units) <= high)
    return 1 - moderate / total


def entropy(counts: Iterable[float]) -> float:
    """Shannon entropy in bits of a distribution given by counts."""
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total <= 0:
        return 0.0
    return max(0.0, -sum(c / total * math.log2(c / total) for c in values))


def table_entropy(
    accessors: Mapping[str, Mapping[str, float]], partition: Mapping[str, str]
) -> dict[str, float]:
    """table → entropy (bits) of the services its accesses come from (0: one service only).

    ``accessors`` maps table → unit → number of accesses. Accesses from unplaced units count
    under the label ``""`` so shared use by leftover code still shows.
    """
    result: dict[str, float] = {}
    for table, by_unit in accessors.items():
        per_service: dict[str, float] = defaultdict(float)
        for unit, count in by_unit.items():
            per_service[partition.get(unit, "")] += count
        result[table] = entropy(per_service.values())
    return result


def table_owners(
    accessors: Mapping[str, Mapping[str, float]], partition: Mapping[str, str]
) -> dict[str, str]:
    """table → the service with most accesses to it (ties: the first label in sort order)."""
    owners: dict[str, str] = {}
    for table, by_unit in accessors.items():
        per_service: dict[str, float] = defaultdict(float)
        for unit, count in by_unit.items():
            if unit in partition:
                per_service[partition[unit]] += count
        if per_service:
            owners[table] = min(per_service, key=lambda label: (-per_service[label], label))
    return owners


def distributed_transactions(
    transactions: Iterable[tuple[str, Sequence[str]]], owners: Mapping[str, str]
) -> list[str]:
    """Names of the transactions (``(name, tables)``) whose tables belong to 2+ services."""
    found = []
    for name, tables in transactions:
        services = {owners[t] for t in tables if t in owners}
        if len(services) > 1:
            found.append(name)
    return found


def service_cycles(graph: nx.DiGraph, partition: Mapping[str, str]) -> list[tuple[str, ...]]:
    """Groups of services that depend on each other in a cycle (strongly connected, 2+)."""
    services = nx.DiGraph()
    services.add_nodes_from(sorted(set(partition.values())))
    for a, b, _ in _edges(graph, partition):
        if partition[a] != partition[b]:
            services.add_edge(partition[a], partition[b])
    cycles = [tuple(sorted(c)) for c in nx.strongly_connected_components(services) if len(c) > 1]
    return sorted(cycles)


def _common(a: Mapping[str, str], b: Mapping[str, str]) -> list[str]:
    return sorted(set(a) & set(b))


def adjusted_rand_index(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    """ARI of two partitions over the units both name (1: identical, ~0: chance)."""
    units = _common(a, b)
    n = len(units)
    if n < 2:
        return 1.0
    pairs = Counter((a[u], b[u]) for u in units)
    rows = Counter(a[u] for u in units)
    cols = Counter(b[u] for u in units)
    index = sum(comb(c, 2) for c in pairs.values())
    sum_rows = sum(comb(c, 2) for c in rows.values())
    sum_cols = sum(comb(c, 2) for c in cols.values())
    expected = sum_rows * sum_cols / comb(n, 2)
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def _max_matching(edges: Mapping[int, Sequence[int]]) -> int:
    """Size of a maximum bipartite matching (augmenting paths; left → right lists)."""
    match_right: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in match_right or augment(match_right[right], seen):
                match_right[right] = left
                return True
        return False

    return sum(1 for left in sorted(edges) if augment(left, set()))


def mno(a: Mapping[str, str], b: Mapping[str, str]) -> int:
    """Minimum Move and Join operations turning partition ``a`` into ``b`` (Wen & Tzerpos).

    Every cluster of A is tagged with the B clusters holding most of its objects; a maximum
    bipartite matching between A clusters and those tags gives the ``g`` groups that survive;
    ``mno = Σ_i (|A_i| − max_j |A_i ∩ B_j|) + (l − g)`` with ``l`` clusters in A.
    """
    units = _common(a, b)
    clusters: dict[str, Counter[str]] = defaultdict(Counter)
    for unit in units:
        clusters[a[unit]][b[unit]] += 1
    labels_b = {label: i for i, label in enumerate(sorted({b[u] for u in units}))}
    moves = 0
    edges: dict[int, list[int]] = {}
    for i, label in enumerate(sorted(clusters)):
        counts = clusters[label]
        top = max(counts.values())
        moves += sum(counts.values()) - top
        edges[i] = sorted(labels_b[tag] for tag, count in counts.items() if count == top)
    groups = _max_matching(edges)
    return moves + len(clusters) - groups


def max_mno(b: Mapping[str, str], units: Iterable[str] | None = None) -> int:
    """``max mno(∀A, B) = n − g`` where ``g`` counts up through B's sizes in ascending order."""
    chosen = list(units) if units is not None else list(b)
    sizes = sorted(Counter(b[u] for u in chosen).values())
    g = 0
    for size in sizes:
        if g < size:
            g += 1
    return len(chosen) - g


def mojofm(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    """MoJoFM of proposal ``a`` against reference ``b`` in percent (100: identical)."""
    units = _common(a, b)
    distance = mno(a, b)
    if distance == 0:
        return 100.0
    worst = max_mno(b, units)
    return (1 - distance / worst) * 100 if worst > 0 else 0.0
