"""DataFrames and networkx graphs of a decomposition, for notebooks."""

from __future__ import annotations

import textwrap

import networkx as nx
import pytest

from assess import scan
from assess.model import Assessment
from assess.report import decomposition_frames as frames
from tests.conftest import write_tree
from tests.unit.decompose.test_candidates import SOURCES


@pytest.fixture(scope="module")
def assessment(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    root = tmp_path_factory.mktemp("app")
    write_tree(root, {path: textwrap.dedent(code).lstrip("\n") for path, code in SOURCES.items()})
    return scan(root)


def test_services_and_units_frames(assessment: Assessment) -> None:
    d = assessment.decomposition
    assert d is not None
    services = frames.services_frame(assessment)
    assert list(services["service"]) == [s.name for s in d.services]
    assert services["units"].sum() == sum(len(s.units) for s in d.services)
    units = frames.units_frame(assessment)
    assert len(units) == sum(len(s.units) for s in d.services) + len(d.unplaced)
    assert set(units.loc[units["service"] == "", "unit"]) == set(d.unplaced)
    assert units["unit"].is_unique


def test_edges_and_metrics_frames(assessment: Assessment) -> None:
    d = assessment.decomposition
    assert d is not None
    edges = frames.edges_frame(assessment, "static")
    assert len(edges) == len(d.static_edges)
    crossing = edges[edges["crossing"]]
    assert (crossing["source_service"] != crossing["target_service"]).all()
    metrics = frames.metrics_frame([assessment, assessment])
    assert list(metrics["app"]) == [assessment.app] * 2
    assert metrics.loc[0, "services"] == d.metrics.services
    assert metrics.loc[0, "decomposition_score"] == assessment.score("decomposition").score  # type: ignore[union-attr]
    assert list(frames.table_entropy_frame(assessment).columns) == ["table", "entropy"]


def test_graphs(assessment: Assessment) -> None:
    d = assessment.decomposition
    assert d is not None
    static = frames.coupling_graph(assessment, "static")
    assert isinstance(static, nx.DiGraph)
    assert static.number_of_edges() == len(d.static_edges)
    assert {static.nodes[u]["service"] for s in d.services for u in s.units} == {s.name for s in d.services}
    services = frames.coupling_graph(assessment, "services")
    assert set(services) == {s.name for s in d.services}
    for a, b in services.edges:
        assert a != b
    assert isinstance(frames.coupling_graph(assessment, "data"), nx.Graph)
