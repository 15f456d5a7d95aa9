"""One app's decomposition: three coupling graphs → clusters → candidates → metrics. Pure.

The only I/O of the decomposition (reading git history) happens before, in
:func:`assess.decompose.history.read_change_log`; this module gets its counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from assess.decompose.affinity import build_data_graph, table_accessors, table_key
from assess.decompose.candidates import build_candidates, transaction_name
from assess.decompose.cluster import Clustering, cluster, combine, membership
from assess.decompose.graph import build_static_graph, code_units
from assess.decompose.history import ChangeLog, CoupledPair, coupled_pairs
from assess.decompose.metrics import (
    cohesion,
    coupling,
    distributed_transactions,
    icp,
    ifn,
    ned,
    service_cycles,
    structural_modularity,
    table_entropy,
    table_owners,
)
from assess.decompose.settings import DecompositionSettings
from assess.model import DataModel, Decomposition, DecompositionMetrics, Edge, FileFacts


@dataclass(frozen=True)
class DecompositionResult:
    """The decomposition value stored in the Assessment, plus the full graphs for notebooks."""

    decomposition: Decomposition
    static: nx.DiGraph
    change: nx.Graph
    data: nx.Graph
    combined: nx.Graph
    partition: dict[str, str]
    file_pairs: list[CoupledPair] = field(default_factory=list)


def change_graph(pairs: list[CoupledPair], file_units: Mapping[str, tuple[str, ...]]) -> nx.Graph:
    """Unit-level change coupling: the strongest file-pair degree (0–1) between two units."""
    graph = nx.Graph()
    for pair in pairs:
        degree = pair.degree / 100
        for a in file_units.get(pair.a, ()):
            for b in file_units.get(pair.b, ()):
                if a == b:
                    continue
                if not graph.has_edge(a, b) or graph[a][b]["weight"] < degree:
                    graph.add_edge(a, b, weight=degree, shared=pair.shared, files=f"{pair.a} ~ {pair.b}")
    return graph


def _top_edges(graph: nx.Graph, limit: int) -> tuple[Edge, ...]:
    edges = [(str(a), str(b), round(float(w), 4)) for a, b, w in graph.edges(data="weight", default=1.0)]
    if not graph.is_directed():
        edges = [(a, b, w) if a <= b else (b, a, w) for a, b, w in edges]
    edges.sort(key=lambda e: (-e[2], e[0], e[1]))
    return tuple(edges[:limit])


def _metrics(
    clustering: Clustering,
    partition: dict[str, str],
    static: nx.DiGraph,
    data: DataModel,
    accessors: Mapping[str, Mapping[str, float]],
    settings: DecompositionSettings,
) -> DecompositionMetrics:
    entropies = table_entropy(accessors, partition)
    owners = table_owners(accessors, partition)
    transactions = [
        (transaction_name(t.unit, t.name), [table_key(x) for x in t.tables]) for t in data.transactions
    ]
    services_per_table = {
        table: {partition[u] for u in by_unit if u in partition} for table, by_unit in accessors.items()
    }
    return DecompositionMetrics(
        services=len(clustering.communities),
        units=len(partition),
        modularity=round(clustering.modularity, 4),
        structural_modularity=round(structural_modularity(static, partition), 4),
        cohesion=round(cohesion(static, partition), 4),
        coupling=round(coupling(static, partition), 4),
        icp=round(icp(static, partition), 4),
        ifn=round(ifn(static, partition), 4),
        ned=round(ned(partition, settings.metrics.ned_min, settings.metrics.ned_max), 4),
        transactional_purity=round(sum(entropies.values()) / len(entropies), 4) if entropies else 0.0,
        table_entropy=tuple(sorted((t, round(h, 4)) for t, h in entropies.items())),
        distributed_transactions=len(distributed_transactions(transactions, owners)),
        shared_tables=sum(1 for services in services_per_table.values() if len(services) > 1),
        cycles=tuple(service_cycles(static, partition)),
    )


def decompose(
    facts: Mapping[str, FileFacts],
    data: DataModel,
    change_log: ChangeLog | None,
    settings: DecompositionSettings,
    services: int | None = None,
) -> DecompositionResult | None:
    """Propose candidate services for one app; None when it has no code units to split."""
    static_graph = build_static_graph(facts, settings.static)
    static = static_graph.graph
    if static.number_of_nodes() == 0:
        return None
    units = set(static.nodes)
    notes: list[str] = []
    pairs: list[CoupledPair] = []
    if change_log is None:
        notes.append("no git history at the scan root: no change coupling")
    else:
        if change_log.note:
            notes.append(change_log.note)
        pairs = coupled_pairs(change_log, settings.history)
    change = change_graph(pairs, code_units(facts, exclude_tests=settings.static.exclude_tests))
    change.remove_nodes_from([n for n in list(change) if n not in units])
    if not (data.entities or data.accesses):
        notes.append("no table access found: no data affinity")
    affinity = build_data_graph(data, units, settings.data)
    combined = combine(sorted(units), static, change, affinity, settings.weights)
    clustering = cluster(combined, settings.clustering, services)
    accessors = table_accessors(data, units)
    candidates = build_candidates(clustering.communities, static, data, accessors)
    partition = membership(clustering.communities, [c.name for c in candidates])
    metrics = _metrics(clustering, partition, static, data, accessors, settings)
    limit = settings.clustering.max_stored_edges
    decomposition = Decomposition(
        services=candidates,
        metrics=metrics,
        unplaced=clustering.unplaced,
        requested_services=services or settings.clustering.services,
        seed=settings.clustering.seed,
        static_edges=_top_edges(static, limit),
        change_edges=_top_edges(change, limit),
        data_edges=_top_edges(affinity, limit),
        static_edge_count=static.number_of_edges(),
        change_edge_count=change.number_of_edges(),
        data_edge_count=affinity.number_of_edges(),
        history_commits=change_log.commits if change_log is not None else 0,
        notes=tuple(notes),
    )
    return DecompositionResult(decomposition, static, change, affinity, combined, partition, pairs)
