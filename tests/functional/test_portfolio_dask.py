"""The Dask executor on a real cluster (scheduler and workers on 127.0.0.1) gives the local results."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from tests.conftest import git
from tests.functional.portfolio_support import (
    GO_APP,
    JAVA_APP,
    JS_APP,
    PY_APP,
    assert_same_outputs,
    make_portfolio,
    make_repo,
    python_app,
    rows_by_app,
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as running:
        yield running


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "assess.cli", "portfolio", *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_dask_cluster_gives_the_same_outputs_as_local_workers(
    cluster: LocalCluster, tmp_path: Path
) -> None:
    apps = {"py": dict(PY_APP), "go": dict(GO_APP), "js": dict(JS_APP), "java": dict(JAVA_APP)}
    apps.update({f"gen{i}": python_app(5, seed=i) for i in range(4)})
    portfolio = make_portfolio(tmp_path / "portfolio", apps)
    origin = make_repo(tmp_path / "origin", GO_APP)
    manifest = tmp_path / "remote.csv"
    manifest.write_text(f"id,source,business_unit\nremote,file://{origin},Core\n", encoding="utf-8")
    (portfolio / "broken.zip").write_bytes(b"not a zip")

    local, remote = tmp_path / "local", tmp_path / "dask"
    _cli(str(portfolio), "-m", str(manifest), "-o", str(local), "-w", "2")
    done = _cli(
        str(portfolio),
        "-m",
        str(manifest),
        "-o",
        str(remote),
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert "10 apps: 9 assessed, 0 unchanged, 1 failed" in done.stderr
    assert_same_outputs(local, remote)
    rows = rows_by_app(remote)
    assert rows["remote"]["commit"] == git(origin, "rev-parse", "HEAD").strip()
    assert rows["remote"]["business_unit"] == "Core"
    assert rows["broken"]["status"] == "error"

    # the cluster serves a second run (a new worker plugin) just as well
    forced = tmp_path / "forced"
    _cli(
        str(portfolio),
        "-m",
        str(manifest),
        "-o",
        str(forced),
        "--force",
        "--executor",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
    )
    assert_same_outputs(local, forced)


def test_dask_without_an_address_starts_a_local_cluster(tmp_path: Path) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"py": PY_APP, "go": GO_APP, "js": JS_APP})
    local, remote = tmp_path / "local", tmp_path / "dask"
    _cli(str(portfolio), "-o", str(local), "-w", "1")
    done = _cli(str(portfolio), "-o", str(remote), "--executor", "dask", "-w", "2")
    assert "3 apps: 3 assessed" in done.stderr
    assert_same_outputs(local, remote)
