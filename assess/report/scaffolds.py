"""The container files an app page shows: from a portfolio folder, or generated on demand.

A portfolio run writes each app's scaffold under ``OUT/dockerfiles/<app>/``; those files are
shown as they are. Otherwise the Dockerfile generator (:mod:`assess.dockerfile`) is asked for
one, with the app's file list when its source is a local folder. The generator is optional for a
report: when it cannot be imported, fails, or offers no scaffold for the stack, the page says
"no scaffold" and why, and the report is written all the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess.model import Assessment

FROM_FOLDER = "written by the portfolio run"
GENERATED = "generated from the assessment and the app's files"
GENERATED_BLIND = "generated from the assessment alone (the app's files were not at hand)"


@dataclass(frozen=True)
class Scaffold:
    """The files to show (name → text, the Dockerfile first) and where they came from, or why
    there are none (``files`` empty, ``note`` starting with "no scaffold")."""

    files: Mapping[str, str] = field(default_factory=dict)
    note: str = ""


def _ordered(files: Mapping[str, str]) -> dict[str, str]:
    return dict(sorted(files.items(), key=lambda kv: (not kv[0].startswith("Dockerfile"), kv[0])))


def _app_files(assessment: Assessment, inputs: Any) -> tuple[Any, bool]:
    """The generator's view of the app's files, read from its source folder when that is a
    local folder at the assessed commit; an empty file list otherwise."""
    from assess.source import open_snapshot
    from assess.source.git import is_git_url

    source = assessment.source
    if not source or is_git_url(source) or not Path(source).is_dir():
        return inputs.AppFiles(), False
    snapshot = open_snapshot(source)
    if assessment.commit and snapshot.commit and snapshot.commit != assessment.commit:
        return inputs.AppFiles(), False
    return inputs.read_app_files(snapshot), True


def generate(assessment: Assessment) -> Scaffold:
    """Ask the Dockerfile generator for the app's scaffold; never raises."""
    try:
        from assess.dockerfile import inputs, plan, render
    except Exception as exc:  # optional here: a missing or broken generator must not break reports
        return Scaffold(note=f"no scaffold: the Dockerfile generator is not available ({exc})")
    try:
        files, complete = _app_files(assessment, inputs)
        planned = plan.plan_dockerfile(assessment, files)
        rendered = render.render(planned)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return Scaffold(note=f"no scaffold: the generator failed ({detail})")
    if not rendered.files:
        reason = getattr(planned, "reason", "") or "the generator offers none for this stack"
        return Scaffold(note=f"no scaffold: {reason}")
    return Scaffold(_ordered(rendered.files), GENERATED if complete else GENERATED_BLIND)


def scaffold_for(assessment: Assessment, written: Mapping[str, Mapping[str, str]]) -> Scaffold:
    """The app's files from ``written`` (a portfolio's ``dockerfiles``), else :func:`generate`."""
    files = written.get(assessment.app)
    if files:
        return Scaffold(_ordered(files), FROM_FOLDER)
    return generate(assessment)
