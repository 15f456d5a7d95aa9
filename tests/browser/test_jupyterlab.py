"""02-portfolio-triage.ipynb in a real JupyterLab, started by the test on loopback: run all cells,
change a filter of the dashboard, click an app in the quadrant, see that app's drill-down."""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assess.report.frames import apps_frame, load_portfolio

from .conftest import require_module
from .servers import POINTS, click_app, free_port, jupyter_env, notebook_workspace, serve, wait_for_points

NOTEBOOK = "02-portfolio-triage.ipynb"


@pytest.fixture
def jupyterlab(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A JupyterLab server on 127.0.0.1 serving a copy of notebooks/ next to the samples."""
    require_module("jupyterlab")
    work = notebook_workspace(tmp_path)
    env = jupyter_env(tmp_path)
    labconfig = Path(env["JUPYTER_CONFIG_DIR"]) / "labconfig"
    labconfig.mkdir(parents=True)
    # no "would you like to receive news?" prompt over the notebook
    (labconfig / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    port, token = free_port(), secrets.token_hex(16)
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    base = f"http://127.0.0.1:{port}"
    with serve("JupyterLab", argv, env, f"{base}/api/status?token={token}", tmp_path / "jupyterlab.log"):
        yield f"{base}/lab/tree/notebooks/{NOTEBOOK}?token={token}", work / "notebooks"


def test_triage_notebook_dashboard_in_jupyterlab(
    jupyterlab: tuple[str, Path], page: Any, shots: Path
) -> None:
    try:
        _triage(jupyterlab, page, shots)
    finally:
        page.screenshot(path=str(shots / "jupyterlab-last.png"), full_page=False)


def _triage(jupyterlab: tuple[str, Path], page: Any, shots: Path) -> None:
    url, workspace = jupyterlab
    page.set_default_timeout(60_000)
    page.set_viewport_size({"width": 1400, "height": 1300})
    page.goto(url)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

    dashboard = page.locator(".assess-dashboard")
    dashboard.wait_for(timeout=180_000)
    points = page.locator(POINTS)
    apps = apps_frame(load_portfolio(workspace / "assess-out"))
    wait_for_points(page, len(apps))
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=180_000)

    # change a filter: keep one band only
    band_counts = apps["containerization_band"].value_counts()
    band = str(band_counts.index[0])
    in_band = sorted(apps.loc[apps["containerization_band"] == band, "app"])
    select = dashboard.locator(".widget-select-multiple", has_text="band").locator("select").first
    select.select_option([band])
    wait_for_points(page, len(in_band))
    assert points.count() == len(in_band)
    dashboard.locator(".widget-html", has_text=f"{len(in_band)} of {len(apps)} apps shown").wait_for()

    # click an app's bubble: its drill-down opens
    app = click_app(page, in_band)
    title = dashboard.locator(".assess-drill-title")
    title.wait_for()
    assert title.text_content() == app
    findings = int(apps.set_index("app").loc[app, "findings"])
    dashboard.get_by_role("tab", name=f"Findings ({findings})").wait_for()
    assert dashboard.locator("tr.assess-finding").count() == findings

    # pictures for people: the dashboard with the drill-down below it (README: docs/images)
    page.mouse.move(2, 300)
    page.keyboard.press("Control+b")  # hide the file browser
    dashboard.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "dashboard.png"))
    title.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "dashboard-drilldown.png"))
    assert page.problems == [] or all("favicon" in p for p in page.problems), page.problems
