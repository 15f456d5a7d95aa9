"""A portfolio run killed with SIGKILL in the middle resumes without losing or duplicating an app."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.functional.portfolio_support import assert_same_outputs, make_portfolio, python_app, read_rows

APPS = 24


def _records(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5.0)
        try:
            return int(db.execute("SELECT COUNT(*) FROM records").fetchone()[0])
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return 0


def _portfolio(out: Path, portfolio: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "assess.cli", "portfolio", str(portfolio), "-o", str(out), *extra]


def test_sigkill_mid_run_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    portfolio = make_portfolio(
        tmp_path / "portfolio", {f"app{i:02d}": python_app(30, seed=i) for i in range(APPS)}
    )

    reference = tmp_path / "reference"
    done = subprocess.run(
        _portfolio(reference, portfolio, "-w", "1"), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr

    out = tmp_path / "out"
    store = out / "store.sqlite"
    proc = subprocess.Popen(
        _portfolio(out, portfolio, "-w", "1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while _records(store) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    workers = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    stored = _records(store)
    assert 4 <= stored < APPS, f"the kill should land mid-run ({stored} of {APPS} stored)"
    assert workers, "the run had a worker process"
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "worker processes must die with the run"
    assert not (out / "assessments.csv").exists()

    resumed = subprocess.run(
        _portfolio(out, portfolio, "-w", "2"), capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    summary = resumed.stderr
    assert f"{APPS} apps: {APPS - stored} assessed, {stored} unchanged, 0 failed" in summary

    rows = read_rows(out / "assessments.csv")
    assert sorted(r["app"] for r in rows) == [f"app{i:02d}" for i in range(APPS)]
    assert _records(store) == APPS  # nothing stored twice
    assert_same_outputs(reference, out)
