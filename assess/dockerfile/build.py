"""Build a generated scaffold with a real Docker engine, start it, wait until it answers, report.

Uses the ``docker`` SDK (its builder is the classic one, so scaffolds must not need BuildKit).
The build context is sent as a tar made here from the app folder, filtered by the *generated*
``.dockerignore`` and carrying the generated Dockerfile, so nothing is written into the repository.
Builds use host networking (package registries are reached from ``RUN`` steps); the container
runs on the default bridge with its port published on a free loopback port, so an app that only
listens on 127.0.0.1 inside its container fails the check as it would in production. On the host
network (``run_network="host"``, or an engine without the default bridge) the app answers on
``PORT`` from ``environment`` when given, else on its own port.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import tarfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DOCKERFILE_NAME = "Dockerfile.assess"
LOG_TAIL = 40


class DockerUnavailable(RuntimeError):
    """No engine answers (the SDK is missing, or DOCKER_HOST / the default socket is dead)."""


@dataclass(frozen=True)
class BuildReport:
    """What happened: ``ok`` when the image built, the container started and answered.

    ``stage`` is where it stopped (``build``, ``run``, ``wait``, ``health``, or ``ready``);
    ``build_seconds`` and ``ready_seconds`` time the build and the start until the first good answer;
    ``image_bytes`` is the image size; ``answered`` what answered (``GET /health → 200`` or
    ``port 8000 open``); ``health`` how the image's own ``HEALTHCHECK`` command ended when run
    once in the ready container (``exit 0``), None when the image has none; ``user`` the image's
    ``USER``.
    """

    image: str
    ok: bool
    stage: str
    message: str = ""
    build_seconds: float = 0.0
    ready_seconds: float | None = None
    image_bytes: int | None = None
    host_port: int | None = None
    answered: str = ""
    health: str | None = None
    log_tail: tuple[str, ...] = ()
    user: str = ""

    def summary(self) -> str:
        size = f"{self.image_bytes / 1e6:.0f} MB" if self.image_bytes else "?"
        if self.ok:
            checked = f"; HEALTHCHECK {self.health}" if self.health else ""
            return (
                f"{self.image}: built in {self.build_seconds:.1f} s, {size}; "
                f"ready in {self.ready_seconds or 0:.1f} s ({self.answered}){checked}"
            )
        return f"{self.image}: failed at {self.stage}: {self.message}"


@dataclass(frozen=True)
class RunOptions:
    """How to run the built image: extra environment, how long to wait, and cleanup."""

    environment: Mapping[str, str] = field(default_factory=dict)
    timeout: float = 90.0
    build_timeout: float = 900.0
    keep_image: bool = False
    build_network: str = "host"
    run_network: str = "bridge"


def docker_client(timeout: int = 900) -> Any:
    """A connected SDK client (``DOCKER_HOST`` or the default socket); raises DockerUnavailable."""
    try:
        import docker
    except ImportError as exc:  # pragma: no cover - the SDK is a dependency
        raise DockerUnavailable("the docker SDK is not installed (pip install docker)") from exc
    try:
        client = docker.from_env(timeout=timeout)
        client.ping()
    except Exception as exc:  # the SDK raises DockerException, requests errors, socket errors
        where = os.environ.get("DOCKER_HOST") or "the default socket"
        raise DockerUnavailable(f"no Docker engine answers on {where}: {exc}") from exc
    return client


def _ignore_patterns(dockerignore: str) -> list[str]:
    return [
        line.strip()
        for line in dockerignore.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def context_tar(root: Path, dockerfile: str, dockerignore: str) -> io.BytesIO:
    """The build context of ``root`` filtered by ``dockerignore``, with the generated files added."""
    from docker.utils.build import exclude_paths

    patterns = [*_ignore_patterns(dockerignore), DOCKERFILE_NAME]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for rel in sorted(exclude_paths(str(root), patterns, dockerfile=DOCKERFILE_NAME)):
            path = root / rel
            info = archive.gettarinfo(str(path), arcname=rel)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if info.isreg():
                with path.open("rb") as handle:
                    archive.addfile(info, handle)
            elif info.isdir() or info.issym():
                archive.addfile(info)
        for name, text in ((DOCKERFILE_NAME, dockerfile), (".dockerignore", dockerignore)):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = int(time.time())
            archive.addfile(info, io.BytesIO(data))
    buffer.seek(0)
    return buffer


def _probe(port: int, path: str | None) -> str | None:
    """What answers on ``port`` (an HTTP status below 500 on ``path``, or an open port), or None."""
    if path:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except (OSError, ValueError):
            return None
        return f"GET {path} → {status}" if status < 500 else None
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return f"port {port} open"
    except OSError:
        return None


def _build(client: Any, context: io.BytesIO, tag: str, options: RunOptions, log: list[str]) -> str | None:
    """Build; returns an error message or None. Build output lines go to ``log``."""
    for chunk in client.api.build(
        fileobj=context,
        custom_context=True,
        dockerfile=DOCKERFILE_NAME,
        tag=tag,
        rm=True,
        forcerm=True,
        network_mode=options.build_network,
        decode=True,
        timeout=int(options.build_timeout),
    ):
        if "stream" in chunk:
            log.extend(line for line in str(chunk["stream"]).splitlines() if line.strip())
        if "error" in chunk:
            return str(chunk.get("error")).strip()
    return None


def build_and_run(
    root: Path,
    dockerfile: str,
    dockerignore: str,
    *,
    tag: str,
    port: int,
    health_path: str | None,
    options: RunOptions | None = None,
    client: Any = None,
    on_progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build ``dockerfile`` with ``root`` as context, run it, wait for ``health_path`` (or the port),
    then run the image's own ``HEALTHCHECK`` command once inside the container.

    Never raises for a failed build or start: the report says where it stopped and shows the tail
    of the build log or container log. Raises :class:`DockerUnavailable` when no engine answers.
    """
    options = options or RunOptions()
    client = client or docker_client(int(options.build_timeout))
    progress = on_progress or (lambda _msg: None)
    log: list[str] = []
    progress(f"building {tag}")
    started = time.monotonic()
    try:
        error = _build(client, context_tar(root, dockerfile, dockerignore), tag, options, log)
    except Exception as exc:  # API errors, timeouts
        error = f"{type(exc).__name__}: {exc}"
    build_seconds = time.monotonic() - started
    if error:
        return BuildReport(tag, False, "build", error, build_seconds, log_tail=tuple(log[-LOG_TAIL:]))
    image = client.images.get(tag)
    image_bytes = int(image.attrs.get("Size") or 0) or None
    user = str((image.attrs.get("Config") or {}).get("User") or "")
    failed = BuildReport(tag, False, "run", "", build_seconds, image_bytes=image_bytes, user=user)
    container = None
    try:
        progress(f"starting {tag}")
        run_started = time.monotonic()
        container, host_port = _start(client, tag, port, options)
        if host_port is None:
            report = replace(failed, message=f"port {port} was not published")
            return _finish(client, container, tag, options, report)
        answered = _wait(container, host_port, health_path, run_started + options.timeout)
        ready = time.monotonic() - run_started
        logs = tuple(container.logs(tail=LOG_TAIL).decode("utf-8", "replace").splitlines())
        failed = replace(failed, stage="wait", host_port=host_port, log_tail=logs)
        if not answered:
            state = container.status
            message = (
                f"container {state}"
                if state in ("exited", "dead")
                else f"no answer within {options.timeout:.0f} s"
            )
            return _finish(client, container, tag, options, replace(failed, message=message))
        progress(f"{tag} answers ({answered}); running its HEALTHCHECK")
        health = _healthcheck(container, image.attrs.get("Config") or {})
        if health is not None and not health.startswith("exit 0"):
            report = replace(failed, stage="health", message=f"HEALTHCHECK failed: {health}")
            return _finish(client, container, tag, options, report)
        report = replace(
            failed, ok=True, stage="ready", ready_seconds=ready, answered=answered, health=health, log_tail=()
        )
        return _finish(client, container, tag, options, report)
    except Exception as exc:
        report = replace(failed, message=f"{type(exc).__name__}: {exc}")
        return _finish(client, container, tag, options, report)


def _start(client: Any, tag: str, port: int, options: RunOptions) -> tuple[Any, int | None]:
    """Start the container; returns it and the host port its ``port`` answers on. An engine
    without the default bridge (``dockerd --bridge=none``) runs it on the host network."""
    environment = dict(options.environment)
    network = options.run_network
    if network == "bridge" and not client.networks.list(names=["bridge"]):
        network = "host"
    if network == "host":
        given = environment.get("PORT", "")
        host_port = int(given) if given.isdigit() else port
        environment["PORT"] = str(host_port)
        container = client.containers.run(tag, detach=True, environment=environment, network_mode="host")
        return container, host_port
    container = client.containers.run(
        tag,
        detach=True,
        environment=environment,
        network_mode=network,
        ports={f"{port}/tcp": ("127.0.0.1", None)},
    )
    container.reload()
    bindings = container.attrs["NetworkSettings"]["Ports"].get(f"{port}/tcp") or []
    return container, (int(bindings[0]["HostPort"]) if bindings else None)


def _wait(container: Any, host_port: int, health_path: str | None, deadline: float) -> str | None:
    """Poll until the app answers (see :func:`_probe`), the container stops, or the deadline."""
    while time.monotonic() < deadline:
        container.reload()
        if container.status in ("exited", "dead"):
            return None
        answered = _probe(host_port, health_path)
        if answered:
            return answered
        time.sleep(0.5)
    container.reload()
    return None


def _healthcheck(container: Any, config: Mapping[str, Any]) -> str | None:
    """Run the image's HEALTHCHECK command once in the container (as its user, with its
    environment): ``exit N`` and the last output line, or None when the image has none."""
    test = list((config.get("Healthcheck") or {}).get("Test") or [])
    if not test or test[0] == "NONE":
        return None
    argv = test[1:] if test[0] == "CMD" else ["/bin/sh", "-c", " ".join(test[1:])]
    result = container.exec_run(argv, demux=False)
    output = (result.output or b"").decode("utf-8", "replace").strip().splitlines()
    return f"exit {result.exit_code}" + (f": {output[-1][:200]}" if output else "")


def _finish(client: Any, container: Any, tag: str, options: RunOptions, report: BuildReport) -> BuildReport:
    if container is not None:
        with contextlib.suppress(Exception):  # already gone
            container.remove(force=True)
    if not options.keep_image:
        with contextlib.suppress(Exception):  # in use or already removed
            client.images.remove(tag, force=True, noprune=False)
    return report
