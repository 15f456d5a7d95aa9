"""02-portfolio-triage.ipynb in a real JupyterLab, started by the test on loopback: run all cells,
change a filter of the dashboard, click an app in the quadrant, see that app's drill-down."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assess.report.frames import apps_frame, load_portfolio

from .conftest import ROOT

NOTEBOOK = "02-portfolio-triage.ipynb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def jupyterlab(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A JupyterLab server on 127.0.0.1 serving a copy of notebooks/ next to the samples."""
    pytest.importorskip("jupyterlab")
    work = tmp_path / "work"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    (work / "sample_repos").symlink_to(ROOT / "sample_repos", target_is_directory=True)
    config = tmp_path / "jupyter-config"
    (config / "labconfig").mkdir(parents=True)
    # no "would you like to receive news?" prompt over the notebook
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
        "ASSESS_CACHE_DIR": str(tmp_path / "assess-cache"),
    }
    port, token = _free_port(), secrets.token_hex(16)
    log = (tmp_path / "jupyterlab.log").open("wb")
    server = subprocess.Popen(
        [
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
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text())
            time.sleep(0.3)
        yield f"{base}/lab/tree/notebooks/{NOTEBOOK}?token={token}", work / "notebooks"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


_POINT_OF = """([name, others]) => {
  // Each drawn marker carries plotly's calcdata (d3's __data__): its trace and point index give
  // the app in customdata. Return the centre of `name`'s marker (or of one of `others`) whose
  // centre lies inside no other marker, so the click can only mean that app.
  const circles = [];
  document.querySelectorAll('.assess-dashboard .js-plotly-plot .scatterlayer .trace').forEach(el => {
    const trace = el.__data__ && el.__data__[0] && el.__data__[0].trace;
    el.querySelectorAll('path.point').forEach(point => {
      const cd = trace && trace.customdata && trace.customdata[point.__data__.i];
      if (!cd) { return; }
      const r = point.getBoundingClientRect();
      circles.push({app: cd[0], x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2});
    });
  });
  const alone = c => circles.every(o => o === c || Math.hypot(o.x - c.x, o.y - c.y) > o.r + 2);
  const wanted = circles.filter(c => (name ? c.app === name : others.includes(c.app)) && alone(c));
  return wanted.length ? wanted[0] : {app: null, circles: circles};
}"""


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
    dashboard.wait_for()
    points = dashboard.locator(".js-plotly-plot .scatterlayer path.point")
    apps = apps_frame(load_portfolio(workspace / "assess-out"))
    page.wait_for_function(
        f"document.querySelectorAll('.assess-dashboard .js-plotly-plot .scatterlayer path.point').length === {len(apps)}"
    )
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()

    # change a filter: keep one band only
    band_counts = apps["containerization_band"].value_counts()
    band = str(band_counts.index[0])
    in_band = sorted(apps.loc[apps["containerization_band"] == band, "app"])
    select = dashboard.locator(".widget-select-multiple", has_text="band").locator("select").first
    select.select_option([band])
    page.wait_for_function(
        f"document.querySelectorAll('.assess-dashboard .js-plotly-plot .scatterlayer path.point').length === {len(in_band)}"
    )
    assert points.count() == len(in_band)
    dashboard.locator(".widget-html", has_text=f"{len(in_band)} of {len(apps)} apps shown").wait_for()

    # click an app's bubble: its drill-down opens
    dashboard.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    target = page.evaluate(_POINT_OF, [None, in_band])
    assert target["app"] is not None, f"every bubble of the band overlaps another: {target}"
    page.mouse.move(target["x"], target["y"])
    page.mouse.click(target["x"], target["y"])
    title = dashboard.locator(".assess-drill-title")
    title.wait_for()
    assert title.text_content() == target["app"]
    findings = int(apps.set_index("app").loc[target["app"], "findings"])
    tab = dashboard.get_by_role("tab", name=f"Findings ({findings})")
    tab.wait_for()
    # pictures for people: the dashboard with the drill-down below it
    page.mouse.move(2, 300)
    page.keyboard.press("Control+b")  # hide the file browser
    dashboard.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "dashboard.png"))
    title.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "dashboard-drilldown.png"))
    assert page.problems == [] or all("favicon" in p for p in page.problems), page.problems
