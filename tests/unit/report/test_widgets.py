"""The ipywidgets dashboard, driven through its widgets' values and plotly's click dispatch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape
from plotly.callbacks import InputDeviceState, Points

from assess import report
from assess.report.frames import Portfolio, apps_frame
from assess.report.scaffolds import scaffold_for
from assess.report.widgets import Dashboard


def _click(dash: Dashboard, app: str) -> None:
    """Do what plotly does when the browser reports a click on ``app``'s bubble."""
    for index, trace in enumerate(dash.figure.data):
        names = [cd[0] for cd in trace.customdata]
        if app in names:
            i = names.index(app)
            points = Points(
                point_inds=[i], xs=[trace.x[i]], ys=[trace.y[i]], trace_name=trace.name, trace_index=index
            )
            trace._dispatch_on_click(points, InputDeviceState(False, False, False, False, 1, 1))
            return
    raise AssertionError(f"{app} is not in the quadrant")


def _shown(dash: Dashboard) -> set[str]:
    return {cd[0] for trace in dash.figure.data for cd in trace.customdata}


def test_the_dashboard_starts_with_every_app(portfolio_dir: Path, portfolio: Portfolio) -> None:
    dash = report.dashboard(portfolio_dir)
    assert set(dash.filtered["app"]) == set(portfolio.apps)
    assert _shown(dash) == set(portfolio.apps)
    assert f"<b>{len(portfolio.apps)}</b> of {len(portfolio.apps)}" in dash.status.value
    bundle = dash._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_filters_narrow_the_frame_the_quadrant_and_the_table(portfolio: Portfolio) -> None:
    dash = Dashboard(portfolio)
    apps = apps_frame(portfolio)
    band = apps["containerization_band"].iloc[0]
    dash.bands.value = (band,)
    expected = set(apps.loc[apps["containerization_band"] == band, "app"])
    assert set(dash.filtered["app"]) == expected
    assert _shown(dash) == expected
    in_table = {app for app in portfolio.apps if f"<td>{app}</td>" in dash.table.value}
    assert in_table == expected

    dash.reset()
    dash.containerization.value = (60.0, 100.0)
    expected = set(apps.loc[apps["containerization_score"] >= 60, "app"])
    assert set(dash.filtered["app"]) == expected
    assert _shown(dash) == expected

    dash.reset()
    language = "java"
    dash.languages.value = (language,)
    assert set(dash.filtered["app"]) == set(apps.loc[apps["primary_language"] == language, "app"])
    assert dash.paths is not None  # the samples have migration paths
    dash.reset()
    assert set(dash.filtered["app"]) == set(portfolio.apps)


def test_clicking_an_app_opens_its_drill_down(portfolio: Portfolio) -> None:
    dash = Dashboard(portfolio)
    _click(dash, "spring-monolith")
    assert dash.selected == "spring-monolith"
    assert dash.app_picker.value == "spring-monolith"
    assert "spring-monolith" in dash.drill_header.value
    titles = dash.drill_tabs.titles
    spring = portfolio.get("spring-monolith")
    assert titles[0] == f"Findings ({len(spring.findings)})"
    findings_html = dash.drill_tabs.children[0].value
    for finding in spring.findings:
        assert f"{finding.file}:{finding.line}" in findings_html
    candidates_html = dash.drill_tabs.children[2].value
    assert spring.decomposition is not None
    for service in spring.decomposition.services:
        assert service.name in candidates_html
    # the score tab holds a waterfall per dimension
    score_tab = dash.drill_tabs.children[1]
    assert len(score_tab.children) == len(spring.scores) + 1

    dash.app_picker.value = "go-service"
    assert dash.selected == "go-service"
    assert "go-service" in dash.drill_header.value


def test_export_writes_the_filtered_apps(portfolio: Portfolio, tmp_path: Path) -> None:
    dash = Dashboard(portfolio, shortlist_path=tmp_path / "shortlist.csv")
    dash.containerization.value = (80.0, 100.0)
    dash.export_button.click()
    written = pd.read_csv(tmp_path / "shortlist.csv")
    assert set(written["app"]) == set(dash.filtered["app"])
    assert "wrote" in dash.status.value


@pytest.mark.parametrize("name", ["dashboard", "Dashboard"])
def test_the_dashboard_is_reachable_from_assess_report(name: str) -> None:
    assert callable(getattr(report, name))


def test_the_drill_down_shows_the_generated_dockerfile_or_says_there_is_none(portfolio: Portfolio) -> None:
    dash = Dashboard(portfolio)
    tab = dash.drill_tabs
    for app in portfolio.apps:
        dash.select(app)
        assert tab.titles[3] == "Dockerfile"
        shown = tab.children[3].value
        scaffold = scaffold_for(portfolio.get(app), portfolio.dockerfiles)
        if scaffold.files:
            assert '<pre class="assess-file">' in shown
            assert str(escape(next(iter(scaffold.files.values())).splitlines()[0])) in shown
        else:
            assert "no scaffold: " in shown and "<pre" not in shown
    dash.select("flask-12factor")  # a Python web app: the generator has a scaffold for it
    assert "EXPOSE " in tab.children[3].value


def test_business_unit_path_and_decomposition_filters(portfolio: Portfolio) -> None:
    units = ("Claims", "Digital", "Finance")
    owned = Portfolio(
        tuple(
            replace(a, metadata=(("business_unit", units[i % len(units)]),))
            for i, a in enumerate(portfolio.assessments)
        )
    )
    dash = Dashboard(owned)
    apps = apps_frame(owned)
    assert dash.units.options == units
    dash.units.value = ("Digital",)
    expected = set(apps.loc[apps["business_unit"] == "Digital", "app"])
    assert set(dash.filtered["app"]) == expected == _shown(dash)

    dash.reset()
    assert dash.paths is not None
    path = str(apps["migration_path"].iloc[0])
    dash.paths.value = (path,)
    assert set(dash.filtered["app"]) == set(apps.loc[apps["migration_path"] == path, "app"]) == _shown(dash)

    dash.reset()
    dash.decomposition.value = (0.0, 20.0)
    expected = set(apps.loc[apps["decomposition_score"] <= 20, "app"])
    assert set(dash.filtered["app"]) == expected == _shown(dash)
    assert f"<b>{len(expected)}</b> of {len(apps)} apps shown" in dash.status.value
