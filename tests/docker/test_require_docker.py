"""Without an engine the docker tests skip on a developer machine, and fail in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(("required", "outcome"), [("1", "1 error"), ("", "1 skipped")])
def test_a_dead_engine_fails_when_docker_is_required(required: str, outcome: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        # an engine named explicitly is never replaced by a private one the tests start
        "DOCKER_HOST": f"unix://{tmp_path / 'no-engine.sock'}",
        "ASSESS_REQUIRE_DOCKER": required,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "tests/docker/test_builds.py::test_a_container_that_cannot_start_is_reported_not_ready",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outcome in result.stdout, result.stdout + result.stderr
    assert "no Docker engine answers" in result.stdout
    assert "none can be started here: DOCKER_HOST names another engine" in result.stdout
    if required:
        assert result.returncode != 0
        assert "ASSESS_REQUIRE_DOCKER is set but no Docker engine answers" in result.stdout
    else:
        assert result.returncode == 0
