"""Plotly figures: the data they draw, not the pixels."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import pytest

from assess.model import Dimension, Severity
from assess.pipeline import scan
from assess.report import charts
from assess.report.frames import Portfolio, apps_frame

_COSTLY = {Severity.BLOCKER, Severity.MANDATORY, Severity.OPTIONAL, Severity.POTENTIAL}


def test_quadrant_has_every_app_at_its_scores_coloured_by_migration_path(portfolio: Portfolio) -> None:
    fig = charts.quadrant(portfolio)
    assert isinstance(fig, go.Figure)
    points = {
        cd[0]: (x, y, trace.name)
        for trace in fig.data
        for x, y, cd in zip(trace.x, trace.y, trace.customdata, strict=True)
    }
    assert set(points) == set(portfolio.apps)
    for assessment in portfolio.assessments:
        cont = assessment.score(Dimension.CONTAINERIZATION)
        deco = assessment.score(Dimension.DECOMPOSITION)
        assert cont is not None and deco is not None and assessment.migration is not None
        assert points[assessment.app] == (cont.score, deco.score, assessment.migration.path)
    assert fig.layout.legend.title.text == "migration path"


def test_quadrant_bubbles_grow_with_code_size_and_hover_names_the_top_blockers(portfolio: Portfolio) -> None:
    fig = charts.quadrant(portfolio)
    sizes = {}
    hovers = {}
    for trace in fig.data:
        for cd, size, hover in zip(trace.customdata, trace.marker.size, trace.hovertext, strict=True):
            sizes[cd[0]] = size
            hovers[cd[0]] = hover
    by_lines = sorted(portfolio.assessments, key=lambda a: a.code_lines)
    ordered = [sizes[a.app] for a in by_lines]
    assert ordered == sorted(ordered)
    assert max(ordered) == pytest.approx(60.0)
    spring = portfolio.get("spring-monolith")
    titles = {f.rule_id: f.title for f in spring.findings}
    worst = apps_frame(spring).loc[0, "top_blockers"].split(";")[0]
    assert titles[worst] in hovers["spring-monolith"]


def test_without_migration_paths_the_quadrant_is_coloured_by_band(portfolio: Portfolio) -> None:
    bare = [dataclasses.replace(a, migration=None) for a in portfolio.assessments]
    fig = charts.quadrant(bare)
    bands = {a.app: a.score(Dimension.CONTAINERIZATION).band for a in bare}  # type: ignore[union-attr]
    for trace in fig.data:
        assert {bands[cd[0]] for cd in trace.customdata} == {trace.name}
        assert trace.marker.color == charts.CONTAINERIZATION_BANDS[trace.name]
    assert fig.layout.legend.title.text == "containerization band"


def test_heatmap_counts_the_points_each_category_costs_each_app(portfolio: Portfolio) -> None:
    fig = charts.blockers_heatmap(portfolio)
    heat = fig.data[0]
    cells = {
        (x, y): z for y, row in zip(heat.y, heat.z, strict=True) for x, z in zip(heat.x, row, strict=True)
    }
    for assessment in portfolio.assessments:
        category = {f.rule_id: f.category for f in assessment.findings if f.severity in _COSTLY}
        score = assessment.score(Dimension.CONTAINERIZATION)
        assert score is not None
        expected: dict[str, float] = {}
        for c in score.contributions:
            if c.points < 0 and c.source in category:
                expected[category[c.source]] = expected.get(category[c.source], 0) - c.points
        for cat, lost in expected.items():
            assert cells[(assessment.app, cat)] == pytest.approx(lost, abs=0.05)
        drawn = sum(z for (app, _), z in cells.items() if app == assessment.app)
        assert drawn == pytest.approx(sum(expected.values()), abs=0.05 * max(len(expected), 1))


def test_treemap_nests_apps_under_business_units_coloured_by_band(make_app: Callable[..., Path]) -> None:
    a = scan(
        make_app({"app.py": "open('x.txt', 'w').write('1')\n"}, name="a"),
        metadata=[("business_unit", "Retail")],
    )
    b = scan(
        make_app({"main.go": "package main\nfunc main() {}\n"}, name="b"),
        metadata=[("business_unit", "Retail")],
    )
    c = scan(make_app({"app.js": "console.log(1)\n"}, name="c"), metadata=[("business_unit", "Finance")])
    tree = charts.treemap([a, b, c]).data[0]
    parent_label = dict(zip(tree.ids, tree.labels, strict=True))
    parents = {
        label: parent_label.get(parent, "") for label, parent in zip(tree.labels, tree.parents, strict=True)
    }
    assert parents == {"Finance": "", "Retail": "", "a": "Retail", "b": "Retail", "c": "Finance"}
    colours = dict(zip(tree.labels, tree.marker.colors, strict=True))
    for assessment in (a, b, c):
        band = assessment.score(Dimension.CONTAINERIZATION).band  # type: ignore[union-attr]
        assert colours[assessment.app] == charts.CONTAINERIZATION_BANDS[band]
    values = dict(zip(tree.labels, tree.values, strict=True))
    assert values["Retail"] == values["a"] + values["b"]


def test_effort_by_path_adds_up_the_estimates(portfolio: Portfolio) -> None:
    fig = charts.effort_by_path(portfolio)
    low, spread = fig.data
    assert list(low.x) == list(spread.x)
    by_path: dict[str, list[float]] = {}
    for a in portfolio.assessments:
        assert a.migration is not None and a.effort is not None
        by_path.setdefault(a.migration.path, [0.0, 0.0])
        by_path[a.migration.path][0] += a.effort.days_low
        by_path[a.migration.path][1] += a.effort.days_high
    for path, lo, extra in zip(low.x, low.y, spread.y, strict=True):
        assert lo == pytest.approx(by_path[path][0], abs=0.1)
        assert lo + extra == pytest.approx(by_path[path][1], abs=0.1)


def test_without_estimates_effort_is_story_points_of_findings(portfolio: Portfolio) -> None:
    bare = [dataclasses.replace(a, effort=None, migration=None) for a in portfolio.assessments]
    fig = charts.effort_by_path(bare)
    total = sum(sum(trace.y) for trace in fig.data)
    expected = sum(
        f.effort
        for a in bare
        for f in a.findings
        if f.dimension is Dimension.CONTAINERIZATION and f.severity in _COSTLY
    )
    assert total == expected
    assert "story points" in fig.layout.yaxis.title.text


def test_waterfall_walks_from_base_to_score(portfolio: Portfolio) -> None:
    spring = portfolio.get("spring-monolith")
    for score in spring.scores:
        trace = charts.score_waterfall(spring, score.dimension).data[0]
        assert trace.measure[0] == "absolute" and trace.measure[-1] == "total"
        assert trace.y[0] == score.base
        assert list(trace.x[1:-1]) == [c.source for c in score.contributions]
        assert math.isclose(trace.y[0] + sum(trace.y[1:-1]), score.score, abs_tol=0.06 * len(trace.y))
        assert trace.y[-1] == score.score


def test_findings_by_category_counts_each_finding_once(portfolio: Portfolio) -> None:
    app = portfolio.get("django-monolith")
    fig = charts.findings_by_category(app)
    assert sum(sum(t.x) for t in fig.data) == len(app.findings)
    assert {t.name for t in fig.data} == {f.severity.value for f in app.findings}


def test_dependency_graph_colours_units_by_candidate_service(portfolio: Portfolio) -> None:
    spring = portfolio.get("spring-monolith")
    assert spring.decomposition is not None
    fig = charts.dependency_graph(spring)
    groups = {t.name: {cd[0] for cd in t.customdata} for t in fig.data[1:]}
    for service in spring.decomposition.services:
        assert set(service.units) <= groups[service.name]
    cuts = charts.candidate_costs(spring)
    assert list(cuts.data[0].x) == [s.name for s in spring.decomposition.services]


def test_repository_text_is_escaped_in_chart_labels(make_app: Callable[..., Path]) -> None:
    evil = "<img src=x onerror=alert(1)>"
    assessment = scan(make_app({"app.py": "open('x', 'w')\n"}, name="evil"), name=evil)
    fig = charts.quadrant(assessment)
    trace = fig.data[0]
    assert trace.customdata[0][0] == evil  # raw, for click handlers
    assert trace.text[0] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<img" not in trace.hovertext[0]
    for figure in (charts.treemap(assessment), charts.score_waterfall(assessment)):
        assert "<img" not in figure.to_json()


def test_empty_portfolio_draws_empty_figures() -> None:
    empty = Portfolio(())
    for name, fig in charts.portfolio_figures(empty).items():
        assert isinstance(fig, go.Figure), name
