"""Jupyter servers started by the browser tests (on loopback, private config), and clicking an
app's bubble in the dashboard's quadrant the way a user does."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

POINTS = ".assess-dashboard .js-plotly-plot .scatterlayer path.point"
"""The quadrant's bubbles in the dashboard."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def notebook_workspace(tmp_path: Path) -> Path:
    """A copy of notebooks/ next to the samples (so runs write nothing into the checkout)."""
    work = tmp_path / "work"
    shutil.copytree(ROOT / "notebooks", work / "notebooks")
    (work / "sample_repos").symlink_to(ROOT / "sample_repos", target_is_directory=True)
    return work


def jupyter_env(tmp_path: Path) -> dict[str, str]:
    """Private Jupyter and IPython folders and assess cache under ``tmp_path``."""
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
        "ASSESS_CACHE_DIR": str(tmp_path / "assess-cache"),
    }


@contextmanager
def serve(name: str, argv: Sequence[str], env: dict[str, str], ready_url: str, log: Path) -> Iterator[None]:
    """Run the server ``name`` in its own process group until the block ends; wait until ``ready_url``
    answers 200 (fail with the server's log if it exits or takes over a minute)."""
    with log.open("wb") as sink:
        server = subprocess.Popen(
            list(argv), env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(ready_url, timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{name} did not start:\n" + log.read_text(errors="replace"))
                time.sleep(0.3)
            yield
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


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


def wait_for_points(page: Any, count: int, timeout: float = 180_000) -> None:
    """Wait until the dashboard's quadrant draws exactly ``count`` bubbles."""
    page.wait_for_function(
        f"document.querySelectorAll({POINTS!r}).length === {count}", timeout=timeout, polling=250
    )


def click_app(page: Any, candidates: Sequence[str]) -> str:
    """Click, with the mouse, the bubble of one of ``candidates`` that no other bubble covers;
    return that app's name."""
    page.locator(".assess-dashboard .js-plotly-plot").first.scroll_into_view_if_needed()
    target = page.evaluate(_POINT_OF, [None, list(candidates)])
    assert target["app"] is not None, f"every candidate's bubble overlaps another: {target}"
    page.mouse.move(target["x"], target["y"])
    page.mouse.click(target["x"], target["y"])
    return str(target["app"])
