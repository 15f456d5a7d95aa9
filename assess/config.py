"""Settings that travel explicitly through a scan (no globals)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_MAX_FILE_BYTES = 1024 * 1024


def default_cache_dir() -> Path:
    """Where cloned repositories are cached: ``$ASSESS_CACHE_DIR`` or ``~/.cache/assess``."""
    env = os.environ.get("ASSESS_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assess"


@dataclass(frozen=True)
class ScanConfig:
    """Limits and locations for one scan.

    ``max_file_bytes``: larger files are skipped (recorded with the reason).
    ``max_files``: the inventory stops after this many files (recorded).
    ``shallow``: clone git URLs with depth 1.
    ``rubric_path``: a rubric YAML that extends the default one; None for the default.
    """

    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_files: int = 100_000
    shallow: bool = True
    cache_dir: Path = field(default_factory=default_cache_dir)
    rubric_path: Path | None = None
    rules_dir: Path | None = None
    as_of: date | None = None
    """The day end-of-life dates are judged against (None: the day of the scan)."""
    services: int | None = None
    """Force this many candidate services in the decomposition (None: the rubric decides)."""
