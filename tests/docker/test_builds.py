"""Real builds: the generated scaffolds of the Python, Node and Go samples are built by a real
Docker engine (the SDK's classic builder), started, and must answer HTTP on their health endpoint
through the published port (so the app binds 0.0.0.0), run as a numeric non-root user, and pass
their own HEALTHCHECK. Image size and build time are reported.

Each sample is copied to a temporary folder first: the build context is made from the copy, and
nothing is ever written into sample_repos/.
"""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest

from assess.cli import main
from assess.dockerfile.build import BuildReport, RunOptions
from assess.dockerfile.command import build_scaffold, scaffold_assessment
from assess.dockerfile.images import load_image_map
from assess.dockerfile.render import Scaffold
from assess.pipeline import scan

from .conftest import SAMPLES, STANDIN_MAP

# the samples need a database URL to start (their pools connect lazily, their liveness
# endpoints do not touch the database); nothing listens at db.invalid
DATABASE = {"DATABASE_URL": "postgresql://app:app@db.invalid:5432/app"}
BUILDS = [
    pytest.param("flask-12factor", "python/pip", "/health", DATABASE, id="python-flask"),
    pytest.param("express-stateful", "node/npm/express", "/healthz", {}, id="node-express"),
    pytest.param("go-service", "go", "/healthz", {}, id="go"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copied(name: str, tmp_path: Path) -> Path:
    app = tmp_path / name
    shutil.copytree(SAMPLES / name, app)
    return app


def scaffold(app: Path) -> Scaffold:
    return scaffold_assessment(scan(app), load_image_map(STANDIN_MAP))


def reported(report: BuildReport, record_property: Any) -> None:
    """Show what was built (visible with -rP / -s) and record it in the JUnit properties."""
    print(report.summary())
    record_property("build_seconds", round(report.build_seconds, 1))
    record_property("image_bytes", report.image_bytes)
    record_property("ready_seconds", report.ready_seconds)


def failure(report: BuildReport) -> str:
    return report.summary() + "\n" + "\n".join(report.log_tail)


@pytest.mark.parametrize(("name", "stack", "health", "environment"), BUILDS)
def test_sample_scaffold_builds_runs_and_answers(
    engine: Any,
    run_network: str,
    name: str,
    stack: str,
    health: str,
    environment: dict[str, str],
    tmp_path: Path,
    record_property: Any,
) -> None:
    app = copied(name, tmp_path)
    made = scaffold(app)
    assert made.plan.stack == stack
    assert made.plan.health_path == health
    text = made.files["Dockerfile"]
    assert all(
        line.startswith("FROM assess-standin/") for line in text.splitlines() if line.startswith("FROM ")
    )
    options = RunOptions(environment=environment, timeout=90, run_network=run_network)
    report = build_scaffold(made, app, options, tag=f"assess-test/{name}:built")
    reported(report, record_property)
    assert report.ok, failure(report)
    # on the default bridge it answered through the published port: the app listens on 0.0.0.0
    assert report.answered == f"GET {health} → 200"
    assert report.image_bytes and report.image_bytes > 10_000_000
    assert report.build_seconds > 0 and report.ready_seconds is not None
    uid, _, gid = report.user.partition(":")
    assert uid.isdigit() and int(uid) > 0 and gid.isdigit(), report.user
    if "\nHEALTHCHECK " in text:
        assert report.health is not None and report.health.startswith("exit 0"), report.health
    else:  # distroless (Go) has no shell or HTTP client to probe with
        assert report.health is None and "no HEALTHCHECK: distroless" in text


@pytest.mark.parametrize(
    ("name", "environment"),
    [
        pytest.param("flask-12factor", DATABASE, id="python-gunicorn-conf"),
        pytest.param("go-service", {}, id="go"),
    ],
)
def test_the_app_listens_on_the_port_the_platform_sets(
    engine: Any, name: str, environment: dict[str, str], tmp_path: Path
) -> None:
    """On the host network with PORT set to a free port, the app answers on that port."""
    app = copied(name, tmp_path)
    made = scaffold(app)
    port = free_port()
    assert port != made.plan.port
    options = RunOptions(environment={**environment, "PORT": str(port)}, timeout=90, run_network="host")
    report = build_scaffold(made, app, options, tag=f"assess-test/{name}:port")
    assert report.ok, failure(report)
    assert report.host_port == port
    assert report.answered.startswith("GET ") and report.answered.endswith("→ 200")


def test_a_container_that_cannot_start_is_reported_not_ready(
    engine: Any, run_network: str, tmp_path: Path
) -> None:
    """The Flask sample refuses to start without DATABASE_URL: the report says so, with its log."""
    app = copied("flask-12factor", tmp_path)
    options = RunOptions(timeout=45, run_network=run_network)
    report = build_scaffold(scaffold(app), app, options, tag="assess-test/flask:no-database")
    assert not report.ok
    assert report.stage == "wait" and report.message == "container exited", report.summary()
    assert any("DATABASE_URL" in line for line in report.log_tail), report.log_tail


def test_assess_dockerfile_build_command(
    engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = copied("go-service", tmp_path)
    code = main(["dockerfile", str(app), "--build", "--base-image-map", str(STANDIN_MAP)])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err
    summary = re.search(
        r"assess-scaffold/go-service:latest: built in [\d.]+ s, \d+ MB; ready in [\d.]+ s \(GET /healthz → 200\)",
        captured.out,
    )
    assert summary, captured.out
    # the generated files travel in the build context only: the app folder is left as it was
    assert sorted(p.name for p in app.iterdir()) == sorted(p.name for p in (SAMPLES / "go-service").iterdir())
    assert (app / "Dockerfile").read_bytes() == (SAMPLES / "go-service" / "Dockerfile").read_bytes()


def test_the_go_sample_needs_no_module_proxy() -> None:
    """The Go module proxy is unreachable from CI: the built Go sample must use the standard
    library only (no ``require`` in go.mod, no go.sum, no vendor/)."""
    go_mod = (SAMPLES / "go-service" / "go.mod").read_text(encoding="utf-8")
    assert not re.search(r"^\s*require\b", go_mod, re.MULTILINE)
    assert not (SAMPLES / "go-service" / "go.sum").exists()
    assert not (SAMPLES / "go-service" / "vendor").exists()
