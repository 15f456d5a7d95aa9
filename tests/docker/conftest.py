"""A real Docker engine for the build tests, and the stand-in base images it needs.

The engine is the one ``DOCKER_HOST`` names (``.ci/run`` sources ``.ci/docker-setup.sh``, which
starts a private ``dockerd`` and exports it). Without ``DOCKER_HOST``, the private engine of that
script is used when it answers, else the default socket; when neither answers and this is root
with ``dockerd`` and ``debootstrap`` installed, the script is run to start one (and the engine is
stopped again, by its PID, when the last test process using it ends). The tests never install
packages themselves.

No public registry is reachable here, so every base image is mapped (``standin-images.yaml``) to
an image the script made from Debian packages. Where no engine can be had the tests skip, saying
why; with ``ASSESS_REQUIRE_DOCKER=1`` (set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

from assess.dockerfile.build import DockerUnavailable, docker_client

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_repos"
SETUP = ROOT / ".ci" / "docker-setup.sh"
STANDIN_MAP = Path(__file__).with_name("standin-images.yaml")
PRIVATE_ROOT = Path(os.environ.get("ASSESS_DOCKER_ROOT", "/var/lib/assess-ci-docker"))
PRIVATE_HOST = f"unix://{PRIVATE_ROOT / 'docker.sock'}"
REQUIRED = os.environ.get("ASSESS_REQUIRE_DOCKER", "") not in ("", "0")
"""In CI (``ASSESS_REQUIRE_DOCKER=1``, set by .ci/run) a missing engine fails the tests."""
AUTOSTART = os.environ.get("ASSESS_DOCKER_AUTOSTART", "1") not in ("", "0")


def unavailable(reason: str) -> NoReturn:
    """Skip for lack of ``reason`` on a developer machine; fail when the engine is required."""
    if REQUIRED:
        pytest.fail(f"ASSESS_REQUIRE_DOCKER is set but {reason}", pytrace=False)
    pytest.skip(reason)


def standin_images() -> list[str]:
    data = yaml.safe_load(STANDIN_MAP.read_text(encoding="utf-8"))
    return sorted(set(data["images"].values()))


def _connect() -> tuple[Any, str]:
    """(client, "") for the first engine that answers, else (None, why not)."""
    given = os.environ.get("DOCKER_HOST")
    candidates = [given] if given else [PRIVATE_HOST, None]
    reasons = []
    for host in candidates:
        if host is not None:
            os.environ["DOCKER_HOST"] = host
        else:
            os.environ.pop("DOCKER_HOST", None)
        try:
            return docker_client(timeout=900), ""
        except DockerUnavailable as exc:
            reasons.append(str(exc))
    if given:
        os.environ["DOCKER_HOST"] = given
    else:
        os.environ.pop("DOCKER_HOST", None)
    return None, "; ".join(reasons)


def _can_start() -> str:
    """Why this process cannot start the private engine ("" when it can)."""
    if not AUTOSTART:
        return "ASSESS_DOCKER_AUTOSTART=0"
    if os.environ.get("DOCKER_HOST") not in (None, "", PRIVATE_HOST):
        return "DOCKER_HOST names another engine"
    if os.geteuid() != 0:
        return "starting dockerd needs root"
    missing = [tool for tool in ("dockerd", "debootstrap") if shutil.which(tool) is None]
    if missing:
        return f"{' and '.join(missing)} not installed (bash .ci/docker-setup.sh installs them, as root)"
    return ""


@contextlib.contextmanager
def _locked(name: str, mode: int) -> Iterator[None]:
    PRIVATE_ROOT.mkdir(parents=True, exist_ok=True)
    with (PRIVATE_ROOT / name).open("a") as handle:
        fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _start_private_engine() -> str:
    """Run the setup script (engine + stand-in images); returns its output tail on failure."""
    env = {k: v for k, v in os.environ.items() if k != "DOCKER_HOST"}
    env["ASSESS_DOCKER_ROOT"] = str(PRIVATE_ROOT)
    done = subprocess.run(
        ["bash", str(SETUP)], env=env, capture_output=True, text=True, timeout=1200, check=False
    )
    return "" if done.returncode == 0 else (done.stdout + done.stderr)[-1500:]


def _stop_private_engine() -> None:
    """Stop the dockerd this test run started (by the PID in its pidfile)."""
    pidfile = PRIVATE_ROOT / "docker.pid"
    with contextlib.suppress(OSError, ValueError):
        pid = int(pidfile.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            os.kill(pid, 0)
            time.sleep(0.2)


@pytest.fixture(scope="session")
def engine() -> Iterator[Any]:
    """A connected docker SDK client with the stand-in base images present."""
    client, reason = _connect()
    started = False
    if client is None:
        why_not = _can_start()
        if why_not:
            unavailable(f"no Docker engine answers ({reason}) and none can be started here: {why_not}")
        with _locked("start.lock", fcntl.LOCK_EX):  # one test process starts it, the others wait
            client, reason = _connect()
            if client is None:
                failure = _start_private_engine()
                os.environ["DOCKER_HOST"] = PRIVATE_HOST
                client, reason = _connect()
                if client is None:
                    unavailable(f"starting a private engine with {SETUP.name} failed: {failure or reason}")
                started = True
    missing = []
    for image in standin_images():
        try:
            client.images.get(image)
        except Exception:  # docker.errors.ImageNotFound, API errors
            missing.append(image)
    if missing:
        unavailable(
            f"the engine on {os.environ.get('DOCKER_HOST') or 'the default socket'} lacks the stand-in base"
            f" images {', '.join(missing)} (bash .ci/docker-setup.sh makes them)"
        )
    # every test process using the private engine holds a shared lock; whoever started it stops
    # it once it can take the lock exclusively (when no other test process uses it any more)
    with _locked("users.lock", fcntl.LOCK_SH):
        yield client
    client.close()
    if started:
        with _locked("users.lock", fcntl.LOCK_EX):
            _stop_private_engine()


@pytest.fixture(scope="session")
def run_network(engine: Any) -> str:
    """``bridge`` (containers get their own network; the app's port is published on loopback, so
    only an app listening on 0.0.0.0 answers), or ``host`` when the engine runs without the default
    bridge (``--bridge=none``, when another daemon owns it)."""
    return "bridge" if engine.networks.list(names=["bridge"]) else "host"
