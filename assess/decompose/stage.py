"""The decomposition stage of a scan: read the history (the only I/O), then decompose."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import git

from assess.decompose.analysis import DecompositionResult, decompose
from assess.decompose.graph import code_units
from assess.decompose.history import ChangeLog, read_change_log
from assess.decompose.settings import DecompositionSettings
from assess.model import DataModel, FileFacts


def decompose_snapshot(
    root: Path | None,
    facts: Mapping[str, FileFacts],
    data: DataModel,
    settings: DecompositionSettings,
    services: int | None = None,
) -> DecompositionResult | None:
    """Decompose an app; ``root`` is the top of its git work tree (None: no history to read)."""
    change_log: ChangeLog | None = None
    if root is not None:
        wanted = code_units(facts, exclude_tests=settings.static.exclude_tests)
        try:
            change_log = read_change_log(root, settings.history, keep=wanted.__contains__)
        except (git.GitError, OSError) as exc:
            change_log = ChangeLog(
                note=f"git history could not be read ({type(exc).__name__}): no change coupling"
            )
    return decompose(facts, data, change_log, settings, services)
