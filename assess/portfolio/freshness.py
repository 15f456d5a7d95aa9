"""Whether the outputs in OUT already show a run's results, so an unchanged re-run writes nothing.

After every export, ``OUT/.assess-outputs.json`` records a digest of what the outputs were made
of (the store, each app's id, input item and stored record, the columns, the Parquet setting and
the output hooks) and the size and modification time of every table, and of the HTML report once
it is written. A run takes the marker away when it starts, so a run that stops before its export
leaves none and the next one writes everything. A run that assessed nothing afresh, whose digest
matches and whose files are untouched, keeps the outputs as they are: the re-run of an unchanged
portfolio costs the fingerprints of its sources and little else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from assess import __version__
from assess.portfolio.exports import ASSESSMENT_COLUMNS, FINDING_COLUMNS
from assess.portfolio.store import Store

MARKER_NAME = ".assess-outputs.json"
FORMAT = 1
"""Bump when the exporters change what they write from the same records."""


@dataclass(frozen=True)
class OutputsMarker:
    """What the outputs in OUT were made of, the counts of that export, and the files' stats."""

    digest: str
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, list[int]] = field(default_factory=dict)
    report: str | None = None


def _stat(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def file_stats(out_dir: Path, names: Sequence[str]) -> dict[str, list[int]]:
    """Size and mtime of each named file in ``out_dir`` (missing files are left out)."""
    stats = {name: _stat(out_dir / name) for name in names}
    return {name: value for name, value in stats.items() if value is not None}


def outputs_digest(store: Store, run_id: int, *, parquet: bool, hooks: Sequence[object]) -> str:
    """Digest of everything a run's outputs are made of (streamed from the store)."""
    digest = hashlib.sha256()
    head = {
        "format": FORMAT,
        "tool": __version__,
        "store": str(store.path.resolve()),
        "columns": [ASSESSMENT_COLUMNS, FINDING_COLUMNS],
        "parquet": parquet,
        "hooks": [
            f"{getattr(h, '__module__', '')}.{getattr(h, '__qualname__', type(h).__name__)}" for h in hooks
        ],
    }
    digest.update(json.dumps(head, sort_keys=True).encode())
    for app, record_id, item in store.answers(run_id):
        digest.update(json.dumps([app, record_id, item]).encode() + b"\n")
    return digest.hexdigest()


def take_marker(out_dir: Path) -> OutputsMarker | None:
    """Read and remove the marker (a run that stops before its export must leave none)."""
    path = out_dir / MARKER_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    with contextlib.suppress(OSError):
        path.unlink()
    if not isinstance(data, dict) or not isinstance(data.get("digest"), str):
        return None
    try:
        return OutputsMarker(
            digest=data["digest"],
            counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
            files={str(k): [int(x) for x in v] for k, v in (data.get("files") or {}).items()},
            report=str(data["report"]) if data.get("report") else None,
        )
    except (TypeError, ValueError, AttributeError):
        return None


def write_marker(out_dir: Path, marker: OutputsMarker) -> None:
    """Write the marker atomically."""
    path = out_dir / MARKER_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(marker), sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def still_current(marker: OutputsMarker | None, digest: str, out_dir: Path) -> bool:
    """The marker names this digest and every file it lists is as it was written."""
    if marker is None or marker.digest != digest or not marker.files:
        return False
    if not (out_dir / "json").is_dir() or not (out_dir / "sarif").is_dir():
        return False
    tables = {name: stat for name, stat in marker.files.items() if name != marker.report}
    return file_stats(out_dir, list(tables)) == tables


def current_report(out_dir: Path) -> Path | None:
    """The report the marker says was written from the current outputs, if it is untouched."""
    path = out_dir / MARKER_NAME
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("report") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name:
        return None
    report = out_dir / name
    files = data.get("files")
    return report if isinstance(files, dict) and files.get(name) == _stat(report) else None


def mark_report(out_dir: Path, report: Path) -> None:
    """Record in the marker that ``report`` now shows the current outputs."""
    marker = take_marker(out_dir)
    name = _relative(out_dir, report)
    if marker is None or not name:
        return
    stat = _stat(report)
    if stat is None:
        return
    write_marker(out_dir, replace(marker, report=name, files={**marker.files, name: stat}))


def _relative(out_dir: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(out_dir.resolve()).as_posix()
    except (ValueError, OSError):
        return ""
