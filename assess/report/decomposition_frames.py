"""The decomposition of assessed apps as pandas DataFrames and networkx graphs, for notebooks.

    from assess import scan
    from assess.report import decomposition_frames as df
    a = scan("sample_repos/spring-monolith")
    df.services_frame(a)           # one row per candidate service
    df.units_frame(a)              # which service every code unit went to
    df.metrics_frame([a, b, ...])  # one row of metrics per app
    g = df.coupling_graph(a, "static")   # networkx, nodes carry their service

Graphs are rebuilt from the edges stored in the Assessment: the heaviest ones, up to the
rubric's ``max_stored_edges`` per graph (``*_edge_count`` in the decomposition says how many
there were in all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Literal

import networkx as nx
import pandas as pd

from assess.model import Assessment, Decomposition, Dimension

GraphKind = Literal["static", "change", "data", "services"]


def _decomposition(assessment: Assessment) -> Decomposition:
    if assessment.decomposition is None:
        raise ValueError(f"{assessment.app} has no decomposition (no code units)")
    return assessment.decomposition


def services_frame(assessment: Assessment) -> pd.DataFrame:
    """One row per candidate service: size, tables, API, border traffic, distributed transactions."""
    rows = [
        {
            "service": s.name,
            "units": len(s.units),
            "files": len(s.files),
            "code_lines": s.code_lines,
            "owned_tables": ";".join(s.owned_tables),
            "shared_tables": ";".join(s.shared_tables),
            "entities": ";".join(s.entities),
            "api_units": len(s.api),
            "calls_in": sum(w for _, _, w in s.calls_in),
            "calls_out": sum(w for _, _, w in s.calls_out),
            "distributed_transactions": len(s.distributed),
            "name_basis": s.name_basis,
        }
        for s in _decomposition(assessment).services
    ]
    return pd.DataFrame(rows, columns=[
        "service", "units", "files", "code_lines", "owned_tables", "shared_tables", "entities",
        "api_units", "calls_in", "calls_out", "distributed_transactions", "name_basis",
    ])  # fmt: skip


def units_frame(assessment: Assessment) -> pd.DataFrame:
    """unit → service (empty for unplaced units), and whether other services use it (API)."""
    decomposition = _decomposition(assessment)
    rows = [
        {"unit": unit, "service": s.name, "api": unit in s.api}
        for s in decomposition.services
        for unit in s.units
    ]
    rows += [{"unit": unit, "service": "", "api": False} for unit in decomposition.unplaced]
    return pd.DataFrame(rows, columns=["unit", "service", "api"])


def edges_frame(assessment: Assessment, kind: Literal["static", "change", "data"] = "static") -> pd.DataFrame:
    """The stored edges of one graph with the service of each end."""
    decomposition = _decomposition(assessment)
    where = {u: s.name for s in decomposition.services for u in s.units}
    edges = {
        "static": decomposition.static_edges,
        "change": decomposition.change_edges,
        "data": decomposition.data_edges,
    }
    rows = [
        {
            "source": a,
            "target": b,
            "weight": w,
            "source_service": where.get(a, ""),
            "target_service": where.get(b, ""),
            "crossing": where.get(a, "") != where.get(b, ""),
        }
        for a, b, w in edges[kind]
    ]
    return pd.DataFrame(
        rows, columns=["source", "target", "weight", "source_service", "target_service", "crossing"]
    )


def table_entropy_frame(assessment: Assessment) -> pd.DataFrame:
    """Per table, the entropy (bits) of the services using it: 0 means one service owns it."""
    metrics = _decomposition(assessment).metrics
    return pd.DataFrame(list(metrics.table_entropy), columns=["table", "entropy"])


def metrics_frame(assessments: Iterable[Assessment]) -> pd.DataFrame:
    """One row per app: the metrics of its cut and its decomposition score and band."""
    rows = []
    for assessment in assessments:
        if assessment.decomposition is None:
            continue
        metrics = asdict(assessment.decomposition.metrics)
        metrics.pop("table_entropy")
        metrics["cycles"] = len({s for cycle in metrics["cycles"] for s in cycle})
        result = assessment.score(Dimension.DECOMPOSITION)
        rows.append(
            {
                "app": assessment.app,
                **metrics,
                "history_commits": assessment.decomposition.history_commits,
                "decomposition_score": result.score if result else None,
                "decomposition_band": result.band if result else None,
            }
        )
    return pd.DataFrame(rows)


def coupling_graph(assessment: Assessment, kind: GraphKind = "static") -> nx.Graph:
    """A networkx graph of the stored edges; nodes carry ``service``.

    ``static`` is directed (a depends on b); ``change`` and ``data`` are undirected; ``services``
    is the directed graph between candidate services, weighted by the static edges crossing.
    """
    decomposition = _decomposition(assessment)
    where = {u: s.name for s in decomposition.services for u in s.units}
    if kind == "services":
        services = nx.DiGraph()
        for s in decomposition.services:
            services.add_node(s.name, units=len(s.units), code_lines=s.code_lines)
        for a, b, w in decomposition.static_edges:
            x, y = where.get(a), where.get(b)
            if x and y and x != y:
                previous = services.get_edge_data(x, y, default={"weight": 0.0})["weight"]
                services.add_edge(x, y, weight=previous + w)
        return services
    graph: nx.Graph = nx.DiGraph() if kind == "static" else nx.Graph()
    for unit in sorted([*where, *decomposition.unplaced]):
        graph.add_node(unit, service=where.get(unit, ""))
    edges = {
        "static": decomposition.static_edges,
        "change": decomposition.change_edges,
        "data": decomposition.data_edges,
    }
    graph.add_weighted_edges_from(edges[kind])
    return graph
