"""Notebook hooks: rich display of an Assessment and the ``%assess`` line magic.

``%load_ext assess`` calls :func:`load_extension` (through ``assess.load_ipython_extension``),
which registers the HTML formatter for :class:`~assess.model.Assessment` and the magic:

- ``%assess PATH`` assesses the app at PATH (folder, git repository or git URL) and returns the
  Assessment, which displays as a card (scores, stack, explanation, top findings);
- ``%assess OUT`` on a portfolio output folder (``assessments.csv`` or ``json/``) returns the
  dashboard of that portfolio.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assess.model import Assessment

ScanFunction = Callable[[str], Assessment]


def assessment_mimebundle(assessment: Assessment) -> dict[str, str]:
    """``text/html`` (the card) and a short ``text/plain`` summary of one assessment."""
    from assess.report.html import assessment_html

    scores = ", ".join(f"{s.dimension.value} {round(s.score)} ({s.band})" for s in assessment.scores)
    plain = f"<Assessment {assessment.app}: {scores}; {len(assessment.findings)} findings>"
    return {"text/html": assessment_html(assessment), "text/plain": plain}


def is_portfolio_folder(path: Path) -> bool:
    """Whether ``path`` looks like the output of ``assess portfolio``."""
    return path.is_dir() and ((path / "assessments.csv").is_file() or (path / "json").is_dir())


def assess_magic(line: str, scan: ScanFunction) -> Any:
    """What ``%assess LINE`` returns: an Assessment, or a dashboard for a portfolio folder."""
    args = shlex.split(line)
    if len(args) != 1:
        raise ValueError(
            "usage: %assess PATH (an app folder, git repository or URL, or a portfolio output folder)"
        )
    target = args[0]
    if is_portfolio_folder(Path(target).expanduser()):
        from assess.report.widgets import dashboard

        return dashboard(Path(target).expanduser())
    return scan(target)


def load_extension(ipython: Any, scan: ScanFunction) -> None:
    """Register the Assessment HTML formatter and the ``%assess`` line magic on ``ipython``."""
    from assess.report.html import assessment_html

    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(Assessment, assessment_html)

    def assess(line: str) -> Any:
        """%assess PATH: assess one app (or open the dashboard of a portfolio output folder)."""
        return assess_magic(line, scan)

    ipython.register_magic_function(assess, magic_kind="line", magic_name="assess")
