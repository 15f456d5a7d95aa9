"""Promise 6: nothing is lost.

A portfolio run is killed with SIGKILL at random moments (while starting, resolving, assessing,
storing, exporting or writing the report), again and again, each time resumed by the same
command. After every kill the SQLite store passes ``PRAGMA integrity_check`` in WAL mode, holds
each app at most once, and every output file present is whole. The final outputs equal those of
an uninterrupted run byte for byte (Parquet by value), with no app missing or duplicated.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.functional.portfolio_support import assert_same_outputs, make_portfolio, python_app, read_rows

APPS = 10
KILL_BUDGET_S = 25.0
MIN_KILLS = 8


def _command(portfolio: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "assess.cli", "portfolio", str(portfolio), "-o", str(out), "-w", "2"]


def _store_problems(store: Path) -> list[str]:
    """What is wrong with the store (empty: consistent)."""
    if not store.exists():
        return []
    db = sqlite3.connect(store, timeout=10.0)
    try:
        check = [row[0] for row in db.execute("PRAGMA integrity_check")]
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        duplicates: list[tuple[object, ...]] = []
        if "records" in tables:
            columns = [row[1] for row in db.execute("PRAGMA table_info(records)")]
            key = [
                c
                for c in ("source_key", "variant", "fingerprint", "rubric_hash", "tool_version")
                if c in columns
            ]
            if key:
                listed = ", ".join(key)
                duplicates = db.execute(
                    f"SELECT {listed}, COUNT(*) FROM records GROUP BY {listed} HAVING COUNT(*) > 1"
                ).fetchall()
    finally:
        db.close()
    problems = [] if check == ["ok"] else [f"integrity_check: {check}"]
    if mode != "wal":
        problems.append(f"journal mode {mode}")
    if duplicates:
        problems.append(f"results stored twice: {duplicates}")
    return problems


def _partial_outputs(out: Path) -> list[str]:
    """Output files that are present but not whole."""
    problems = []
    for name in ("assessments.csv", "findings.csv"):
        path = out / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            if not text.startswith("app,") or not text.endswith("\n"):
                problems.append(f"{name} is cut short")
            else:
                list(csv.reader(text.splitlines()))
    for path in sorted((out / "json").glob("*.json")) if (out / "json").is_dir() else []:
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            problems.append(f"{path.name} is not whole JSON")
    report = out / "report.html"
    if report.exists() and not report.read_text(encoding="utf-8").rstrip().endswith("</html>"):
        problems.append("report.html is cut short")
    return problems


def test_repeated_sigkill_at_random_moments_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    portfolio = make_portfolio(
        tmp_path / "portfolio", {f"app{i:02d}": python_app(8, seed=i) for i in range(APPS)}
    )
    reference = tmp_path / "reference"
    started = time.monotonic()
    done = subprocess.run(_command(portfolio, reference), capture_output=True, text=True, timeout=300)
    full_run = time.monotonic() - started
    assert done.returncode == 0, done.stderr

    seed = random.randrange(1 << 30)
    chooser = random.Random(seed)
    out = tmp_path / "out"
    store = out / "store.sqlite"
    kills = 0
    finished = False
    budget_end = time.monotonic() + KILL_BUDGET_S
    attempts = 0
    while (time.monotonic() < budget_end or kills < MIN_KILLS) and attempts < 4 * MIN_KILLS + 20:
        attempts += 1
        proc = subprocess.Popen(
            _command(portfolio, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        delay = chooser.uniform(0.0, 0.8 * full_run)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            try:
                workers = psutil.Process(proc.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                workers = []
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            kills += 1
            _gone, alive = psutil.wait_procs(workers, timeout=10)
            assert not alive, f"workers outlived the killed run (seed {seed})"
        else:
            assert proc.returncode == 0, f"a resumed run failed (seed {seed})"
            finished = True
        assert _store_problems(store) == [], f"after {kills} kills (seed {seed})"
        assert _partial_outputs(out) == [], f"after {kills} kills (seed {seed})"
    assert kills >= MIN_KILLS, f"only {kills} kills landed (seed {seed})"

    resumed = subprocess.run(_command(portfolio, out), capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{APPS} apps:" in resumed.stderr and "0 failed" in resumed.stderr
    rows = read_rows(out / "assessments.csv")
    assert sorted(r["app"] for r in rows) == [f"app{i:02d}" for i in range(APPS)], f"seed {seed}"
    assert _store_problems(store) == []
    db = sqlite3.connect(store)
    try:
        stored = db.execute("SELECT COUNT(*), COUNT(DISTINCT app) FROM records").fetchone()
    finally:
        db.close()
    assert tuple(stored) == (APPS, APPS), "each app stored exactly once"
    assert_same_outputs(reference, out)
    print(
        f"full run {full_run:.1f} s, {kills} kills, {'a run finished between kills' if finished else 'no run finished'}, seed {seed}"
    )
