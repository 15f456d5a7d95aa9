"""The same dashboard served as an app by Voilà: it renders, a business-unit filter narrows the
quadrant, a click opens the app's drill-down with its Dockerfile (or "no scaffold")."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from assess.report.frames import apps_frame, load_portfolio
from assess.report.scaffolds import scaffold_for

from .conftest import require_module
from .servers import POINTS, click_app, free_port, jupyter_env, notebook_workspace, serve, wait_for_points

NOTEBOOK = "02-portfolio-triage.ipynb"


@pytest.fixture
def voila(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Voilà on 127.0.0.1 serving a copy of the triage notebook next to the samples."""
    require_module("voila")
    work = notebook_workspace(tmp_path)
    port, token = free_port(), secrets.token_hex(16)
    argv = [
        sys.executable,
        "-m",
        "voila",
        str(work / "notebooks" / NOTEBOOK),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--port={port}",
        f"--token={token}",
        "--show_tracebacks=True",
    ]
    base = f"http://127.0.0.1:{port}"
    with serve("Voilà", argv, jupyter_env(tmp_path), f"{base}/voila/static/voila.js", tmp_path / "voila.log"):
        yield f"{base}/?token={token}", work / "notebooks"


def test_triage_dashboard_as_a_voila_app(voila: tuple[str, Path], page: Any, shots: Path) -> None:
    url, workspace = voila
    page.set_default_timeout(60_000)
    page.goto(url, timeout=180_000)  # Voilà runs the whole notebook before the page is complete
    page.locator(POINTS).first.wait_for(timeout=180_000)
    portfolio = load_portfolio(workspace / "assess-out")
    apps = apps_frame(portfolio)
    wait_for_points(page, len(apps))

    # keep one business unit (from the notebook's manifest)
    unit = str(apps["business_unit"].value_counts().index[0])
    in_unit = sorted(apps.loc[apps["business_unit"] == unit, "app"])
    assert 1 < len(in_unit) < len(apps)
    dashboard = page.locator(".assess-dashboard")
    select = dashboard.locator(".widget-select-multiple", has_text="business unit").locator("select")
    select.select_option([unit])
    wait_for_points(page, len(in_unit))
    dashboard.locator(".widget-html", has_text=f"{len(in_unit)} of {len(apps)} apps shown").wait_for()

    app = click_app(page, in_unit)
    title = dashboard.locator(".assess-drill-title")
    title.wait_for()
    assert title.text_content() == app
    dashboard.get_by_role("tab", name="Dockerfile").click()
    scaffold = scaffold_for(portfolio.get(app), portfolio.dockerfiles)
    if scaffold.files:
        shown = dashboard.locator("pre.assess-file").first
        shown.wait_for()
        first_line = next(iter(scaffold.files.values())).splitlines()[0]
        assert str(escape(first_line)) in shown.inner_html()
    else:
        dashboard.locator(".assess-no-scaffold").wait_for()
    page.screenshot(path=str(shots / "voila.png"))
    # Voilà fetches Font Awesome from a CDN (offline here), and plotly's renderer logs an error
    # there; neither is ours. Nothing else may fail.
    ours = [p for p in page.problems if "ERR_NAME_NOT_RESOLVED" not in p and "setData" not in p]
    assert ours == []
