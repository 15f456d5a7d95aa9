"""What ``assess dockerfile`` and the portfolio's ``OUT/dockerfiles/<app>/`` output do, apart from
argument parsing: scan, plan, render, write (never over an existing Dockerfile unless forced)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assess.dockerfile.build import BuildReport, RunOptions, build_and_run
from assess.dockerfile.images import BaseImageMap, load_image_map, merge_maps, parse_image_option
from assess.dockerfile.inputs import read_app_files
from assess.dockerfile.plan import PlanOptions, plan_dockerfile
from assess.dockerfile.render import Scaffold, image_name, render
from assess.model import Assessment

log = logging.getLogger(__name__)
WHY = "WHY.txt"


class ScaffoldRefused(RuntimeError):
    """The command cannot do what was asked (exit code 2): the message says why."""


@dataclass(frozen=True, slots=True)
class Request:
    """``assess dockerfile`` options (``base_images``: ``FROM=TO`` pairs over the mapping file).
    With ``build`` the scaffold is built and run by a real engine
    (``environment`` is passed to the container, ``timeout`` bounds the wait for an answer)."""

    write: bool = False
    out: Path | None = None
    image_map: Path | None = None
    base_images: tuple[str, ...] = ()
    force: bool = False
    build: bool = False
    environment: dict[str, str] = field(default_factory=dict)
    timeout: float = 90.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What :func:`generate` did: the scaffold, the files written, the build report (with --build)."""

    scaffold: Scaffold
    written: list[Path]
    report: BuildReport | None = None


def scaffold_assessment(assessment: Assessment, image_map: BaseImageMap | None = None) -> Scaffold:
    """The scaffold of one assessed app, reading its manifests from ``assessment.source`` when it is
    still there (else from the assessment alone)."""
    from assess.source import open_snapshot

    files = None
    source = Path(assessment.source) if assessment.source else None
    if source is not None and source.is_dir():
        try:
            snapshot = open_snapshot(str(source))
        except (OSError, ValueError) as exc:
            log.warning("reading %s for its scaffold failed: %s", source, exc)
        else:
            # a folder that moved on since the assessment does not describe it any more
            if not (assessment.commit and snapshot.commit and snapshot.commit != assessment.commit):
                files = read_app_files(snapshot)
    options = PlanOptions(image_map=image_map) if image_map is not None else None
    return render(plan_dockerfile(assessment, files, options))


def parse_env(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` options as a dict; raises :class:`ScaffoldRefused` for anything else."""
    environment: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.replace("_", "a").isalnum() or key[0].isdigit():
            raise ScaffoldRefused(f"--env {pair!r}: expected KEY=VALUE")
        environment[key] = value
    return environment


def why_text(scaffold: Scaffold) -> str:
    plan = scaffold.plan
    return f"{plan.app}: no Linux Dockerfile.\n{plan.reason}\n"


def generate(path: Path, request: Request, on_progress: Callable[[str], None] | None = None) -> Outcome:
    """Scan ``path`` and produce its scaffold; with ``request.write`` write the files, with
    ``request.build`` build and run it (raises :class:`assess.dockerfile.build.DockerUnavailable`
    when no engine answers)."""
    from assess.pipeline import scan

    if not path.is_dir():
        raise ScaffoldRefused(f"{path} is not a folder")
    image_map = None
    if request.image_map is not None:
        try:
            image_map = load_image_map(request.image_map)
        except (OSError, ValueError) as exc:
            raise ScaffoldRefused(f"base-image map {request.image_map}: {exc}") from exc
    if request.base_images:
        try:
            image_map = merge_maps(image_map, parse_image_option(list(request.base_images)))
        except ValueError as exc:
            raise ScaffoldRefused(str(exc)) from exc
    scaffold = scaffold_assessment(scan(path), image_map)
    if request.build and "Dockerfile" not in scaffold.files:
        raise ScaffoldRefused(f"nothing to build: {why_text(scaffold).strip()}")
    written: list[Path] = []
    if request.write:
        written = write(scaffold, request.out or path, force=request.force)
    report = None
    if request.build:
        options = RunOptions(environment=request.environment, timeout=request.timeout)
        report = build_scaffold(scaffold, path, options, on_progress)
    return Outcome(scaffold, written, report)


def build_scaffold(
    scaffold: Scaffold,
    root: Path,
    options: RunOptions | None = None,
    on_progress: Callable[[str], None] | None = None,
    tag: str | None = None,
) -> BuildReport:
    """Build and run the scaffold of the app in ``root`` (its build context is the plan's context
    folder); the image is tagged ``tag`` (default ``assess-scaffold/<app>:latest``) and removed
    afterwards unless ``options.keep_image``."""
    plan = scaffold.plan
    if "Dockerfile" not in scaffold.files or plan.port is None:
        raise ScaffoldRefused(f"nothing to build: {why_text(scaffold).strip()}")
    context = root / plan.context if plan.context else root
    return build_and_run(
        context,
        scaffold.files["Dockerfile"],
        scaffold.files[".dockerignore"],
        tag=tag or f"assess-scaffold/{image_name(plan.app)}:latest",
        port=plan.port,
        health_path=plan.health_path,
        options=options,
        on_progress=on_progress,
    )


def write(scaffold: Scaffold, folder: Path, *, force: bool) -> list[Path]:
    """Write the scaffold's files into ``folder`` (WHY.txt when there is no Dockerfile)."""
    files = dict(scaffold.files)
    if "Dockerfile" not in files:
        files[WHY] = why_text(scaffold)
    target = folder / "Dockerfile"
    if "Dockerfile" in files and target.exists() and not force:
        raise ScaffoldRefused(f"{target} exists: not overwritten (use --force to replace it)")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def folder_name(app: str) -> str:
    """The app's folder under ``OUT/dockerfiles/`` (the name the report's reader looks up)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in app).strip("._")
    return cleaned or "app"


SCAFFOLD_FILES = ("Dockerfile", ".dockerignore", "Dockerfile.windows", WHY)


def portfolio_hook(assessment: Assessment, out: Path) -> None:
    """Portfolio output hook: ``OUT/dockerfiles/<app>/`` (Dockerfile, .dockerignore or WHY.txt);
    files of an earlier run that this one does not write are removed."""
    folder = out / "dockerfiles" / folder_name(assessment.app)
    written = {p.name for p in write(scaffold_assessment(assessment), folder, force=True)}
    for name in SCAFFOLD_FILES:
        if name not in written:
            (folder / name).unlink(missing_ok=True)
