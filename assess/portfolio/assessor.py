"""Assess one work item inside a worker, and everything the outputs need from it.

:func:`assess_item` never raises: a source that cannot be opened, an unsafe archive, a bug or an
exhausted memory limit all come back as an error :class:`Outcome` with the reason. An ``ok``
outcome carries the Assessment as JSON and the rows, finding rows and SARIF log made from it, so
exporting a portfolio only copies stored text.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import pickle
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assess.config import ScanConfig
from assess.model import assessment_to_json
from assess.pipeline import Toolkit, assess_snapshot
from assess.portfolio.archives import ArchiveLimits
from assess.portfolio.exports import assessment_row, finding_rows
from assess.portfolio.inputs import WorkItem
from assess.portfolio.sarif import sarif_log
from assess.portfolio.sources import materialize
from assess.source import RepoSnapshot, SourceError, open_snapshot

DEFAULT_TIMEOUT = 600.0
DEFAULT_MAX_MEMORY_MB = 4096
DEFAULT_MAX_APP_MB = 1024


class ErrorKind:
    """Why an app has no assessment (the ``error_kind`` of an error outcome)."""

    SOURCE = "source"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    CRASH = "crash"
    INTERNAL = "internal"
    FILES = "files"
    SIZE = "size"


@dataclass(frozen=True)
class AppLimits:
    """Per-app limits: wall-clock ``timeout`` (s), worker address space ``max_memory_mb`` (0: none),
    ``max_app_mb`` of files to read per app (0: none) and the archive limits. An app over a limit
    is an error row saying which limit and by how much (the file-count limit is the scan config's
    ``max_files``); a partial assessment of a truncated app would mislead."""

    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    max_app_mb: int = DEFAULT_MAX_APP_MB
    archive: ArchiveLimits = field(default_factory=ArchiveLimits)


@dataclass(frozen=True)
class WorkerSettings:
    """Everything a worker needs besides the items: the scan config and the limits."""

    config: ScanConfig = field(default_factory=ScanConfig)
    limits: AppLimits = field(default_factory=AppLimits)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (for logs and the store's run records)."""
        config = {f.name: getattr(self.config, f.name) for f in dataclasses.fields(self.config)}
        data = {"config": config, "limits": dataclasses.asdict(self.limits)}
        return json.loads(json.dumps(data, default=str))  # type: ignore[no-any-return]

    def encode(self) -> str:
        """The settings as text for a worker process (same version of assess, trusted channel)."""
        return base64.b64encode(pickle.dumps(self)).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> WorkerSettings:
        """Inverse of :meth:`encode`."""
        value = pickle.loads(base64.b64decode(text))
        if not isinstance(value, cls):
            raise TypeError("not worker settings")
        return value

    def result_digest(self, today: date | None = None) -> str:
        """Hash of the settings that change an assessment: every scan setting but the cache folder
        (rubric and rules are hashed separately) and the file-count limit, the archive limits, and,
        when no ``as_of`` day is set, the current month (end-of-life judgments depend on the date).

        The per-app limits (time, memory, files, size) only decide whether an app is assessed at
        all: the runner keeps their errors until a limit is raised past the stored one."""
        config = {
            f.name: getattr(self.config, f.name)
            for f in dataclasses.fields(self.config)
            if f.name not in ("cache_dir", "rubric_path", "rules_dir", "max_files")
        }
        if getattr(self.config, "as_of", None) is None:
            config["month"] = (today or date.today()).strftime("%Y-%m")
        relevant = {"config": config, "archive": dataclasses.asdict(self.limits.archive)}
        return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass
class Outcome:
    """What a worker reports for one item."""

    status: str
    error: str = ""
    error_kind: str = ""
    commit: str | None = None
    elapsed: float = 0.0
    assessment: str | None = None
    row: dict[str, Any] | None = None
    findings: list[dict[str, Any]] | None = None
    sarif: dict[str, Any] | None = None
    restart: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Outcome:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def failure(cls, kind: str, message: str, elapsed: float = 0.0, *, restart: bool = False) -> Outcome:
        return cls(status="error", error=message, error_kind=kind, elapsed=elapsed, restart=restart)


class AppTooLarge(SourceError):
    """An app over the per-app size or file-count limit; ``kind`` is :attr:`ErrorKind.FILES` or
    :attr:`ErrorKind.SIZE`."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def check_size(snapshot: RepoSnapshot, max_files: int, max_bytes: int) -> None:
    """Raise :class:`AppTooLarge` when the inventory hit ``max_files`` or the files to read
    exceed ``max_bytes`` (0: no size limit)."""
    over_count = sum(1 for s in snapshot.skipped if s.reason.startswith("file limit of "))
    if over_count:
        found = len(snapshot.files) + over_count
        raise AppTooLarge(
            f"too large: {found} files to read, over the limit of {max_files} (--max-files)", ErrorKind.FILES
        )
    total = sum(f.size for f in snapshot.files)
    if 0 < max_bytes < total:
        raise AppTooLarge(
            f"too large: {total / 1024**2:.1f} MiB of files to read, over the limit of "
            f"{max_bytes / 1024**2:g} MiB (--max-app-mb)",
            ErrorKind.SIZE,
        )


def finding_rows_with_metadata(rows: list[dict[str, Any]], metadata: dict[str, str]) -> list[dict[str, Any]]:
    """Finding rows followed by the app's business metadata columns."""
    if not metadata:
        return rows
    return [{**row, **{k: v for k, v in metadata.items() if k not in row}} for row in rows]


def assess_item(
    item: WorkItem, toolkit: Toolkit, settings: WorkerSettings, *, expected_commit: str | None = None
) -> Outcome:
    """Fetch or extract the item's code, assess it and build its output rows. Never raises."""
    start = time.monotonic()
    config = toolkit.config
    try:
        root, commit = materialize(
            item,
            config.cache_dir,
            expected_commit=expected_commit,
            shallow=config.shallow,
            archive_limits=settings.limits.archive,
        )
        snapshot = open_snapshot(root, config, name=item.app)
        snapshot = dataclasses.replace(snapshot, source=item.display_source, commit=commit or snapshot.commit)
        check_size(snapshot, config.max_files, settings.limits.max_app_mb * 1024**2)
        assessment = assess_snapshot(snapshot, toolkit, item.metadata)
        outcome = Outcome(
            status="ok",
            commit=assessment.commit,
            assessment=assessment_to_json(assessment),
            row=assessment_row(assessment),
            findings=finding_rows_with_metadata(finding_rows(assessment), dict(item.metadata)),
            sarif=sarif_log(assessment),
        )
    except AppTooLarge as exc:
        return Outcome.failure(exc.kind, str(exc), time.monotonic() - start)
    except SourceError as exc:
        return Outcome.failure(ErrorKind.SOURCE, str(exc), time.monotonic() - start)
    except MemoryError:
        limit = settings.limits.max_memory_mb
        return Outcome.failure(
            ErrorKind.MEMORY, f"memory limit of {limit} MiB exceeded", time.monotonic() - start, restart=True
        )
    except RecursionError:
        return Outcome.failure(
            ErrorKind.INTERNAL, "internal error: recursion too deep", time.monotonic() - start
        )
    except Exception as exc:  # a bug or an unforeseen input must not stop the portfolio
        message = f"internal error: {type(exc).__name__}: {exc}"
        return Outcome.failure(ErrorKind.INTERNAL, message, time.monotonic() - start)
    outcome.elapsed = time.monotonic() - start
    return outcome
