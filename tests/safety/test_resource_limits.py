"""Promise 5: resource limits hold.

Real pathological apps run through a real portfolio run: one whose scan takes far longer than the
per-app timeout, one whose git remote accepts the connection and then never answers (a fetch that
would hang forever), and one whose scan needs more memory than the worker's guard allows. Each
becomes an error row saying why, its worker (and any git process under it) is killed, and the
other apps of the same run are assessed.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from assess.config import ScanConfig
from assess.portfolio.assessor import AppLimits, WorkerSettings
from assess.portfolio.inputs import WorkItem
from assess.portfolio.runner import RunOptions, run_portfolio
from tests.conftest import write_tree
from tests.functional.portfolio_support import rows_by_app, worker_baseline_mb

FINE_APP = {
    "requirements.txt": "flask==3.0.0\n",
    "app.py": "from flask import Flask\napp = Flask(__name__)\nopen('/var/data/x.txt', 'w')\n",
}


def slow_app(functions: int, per_file: int = 5_000) -> dict[str, str]:
    """Python modules with many functions, each with findings: slow to scan, and big."""
    return {
        f"pkg/mod{start}.py": "".join(
            f"def f{i}(x):\n    open('/var/data/f{i}.txt', 'w').write(str(x) + 'http://localhost:{i}')\n"
            for i in range(start, min(start + per_file, functions))
        )
        for start in range(0, functions, per_file)
    }


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server that accepts connections and never says a word: a git remote that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    server.close()


def _children() -> set[int]:
    try:
        return {child.pid for child in psutil.Process().children(recursive=True)}
    except psutil.Error:
        return set()


WORKER_MODULE = "assess.portfolio.worker"
"""What the portfolio's worker processes run (``python -m assess.portfolio.worker``)."""


def _strays(port: int, before: set[int]) -> list[psutil.Process]:
    """Processes started by this test still running: workers (children running the worker
    module that were not there before the run), and git (found by the remote's port even when
    its parent is gone). Other new children are not counted: a browser or kernel that an earlier
    test in this pytest worker left running may start helper processes at any time."""
    found = []
    for pid in _children() - before:
        try:
            process = psutil.Process(pid)
            if WORKER_MODULE in process.cmdline():
                found.append(process)
        except psutil.Error:
            continue
    for process in psutil.process_iter(["cmdline"]):
        if f"127.0.0.1:{port}" in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def test_runaway_apps_end_at_the_timeout_and_the_run_goes_on(tmp_path: Path, silent_server: int) -> None:
    write_tree(tmp_path / "slow", slow_app(30_000))
    write_tree(tmp_path / "fine", FINE_APP)
    items = [
        WorkItem(app="slow", source=str(tmp_path / "slow")),
        # a commit id as ref: nothing is asked before the worker fetches, so the fetch itself hangs
        WorkItem(app="hangs", source=f"git://127.0.0.1:{silent_server}/app.git", ref="a" * 40),
        WorkItem(app="fine", source=str(tmp_path / "fine")),
    ]
    settings = WorkerSettings(limits=AppLimits(timeout=2.0))
    before = _children()
    started = time.monotonic()
    result = run_portfolio(
        items, tmp_path / "out", settings=settings, options=RunOptions(workers=2, parquet=False)
    )
    elapsed = time.monotonic() - started
    rows = rows_by_app(tmp_path / "out")
    assert rows["slow"]["status"] == "error" and rows["slow"]["error"] == "timed out after 2 s"
    assert rows["hangs"]["status"] == "error" and rows["hangs"]["error"] == "timed out after 2 s"
    assert rows["fine"]["status"] == "ok"
    assert result.failed == 2
    assert elapsed < 60, "the run did not wait for the runaway apps"
    deadline = time.monotonic() + 10
    while _strays(silent_server, before) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _strays(silent_server, before) == [], "no worker or git process outlives the run"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_an_app_over_the_memory_guard_is_an_error_row_and_the_next_app_runs(tmp_path: Path) -> None:
    write_tree(tmp_path / "first", FINE_APP)
    write_tree(tmp_path / "huge", slow_app(60_000, per_file=60_000))
    write_tree(tmp_path / "after", FINE_APP)
    items = [WorkItem(app=name, source=str(tmp_path / name)) for name in ("first", "huge", "after")]
    limit = worker_baseline_mb() + 80
    config = ScanConfig(max_file_bytes=20 * 1024**2)
    settings = WorkerSettings(config=config, limits=AppLimits(timeout=120, max_memory_mb=limit))
    run_portfolio(
        items, tmp_path / "out", config, settings=settings, options=RunOptions(workers=1, parquet=False)
    )
    rows = rows_by_app(tmp_path / "out")
    assert rows["huge"]["status"] == "error"
    assert f"memory limit of {limit} MiB" in rows["huge"]["error"], rows["huge"]["error"]
    assert rows["first"]["status"] == rows["after"]["status"] == "ok"
