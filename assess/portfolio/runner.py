"""Run a portfolio: items → store → executor → store (at once) → outputs, with progress.

1. The items are streamed into the run's list in the store (duplicate ids are refused).
2. Each pending item's code version is resolved (threads; no code is read) and looked up in the
   store by (source, variant, fingerprint, rubric hash, tool version). Stored results are reused
   unless ``force``; stored errors are reused too, except when the per-app limit that stopped the
   app (time, memory, files, size) has since been raised, or with ``retry_errors``.
3. The rest go to the executor; each finished app is stored in its own transaction as soon as it
   arrives, so a run killed at any moment resumes where it stopped.
4. The outputs are written by streaming the run's rows from the store, unless the run assessed
   nothing afresh and the outputs already show exactly its results
   (:mod:`assess.portfolio.freshness`): then they are left as they are.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from assess import __version__
from assess.config import ScanConfig
from assess.pipeline import Toolkit, load_toolkit
from assess.portfolio.assessor import ErrorKind, Outcome, WorkerSettings
from assess.portfolio.executors import Executor, Task, make_executor
from assess.portfolio.exports import error_row
from assess.portfolio.freshness import (
    OutputsMarker,
    file_stats,
    outputs_digest,
    still_current,
    take_marker,
    write_marker,
)
from assess.portfolio.inputs import WorkItem, folder_items, printable
from assess.portfolio.outputs import AppHook, ExportResult, export_run
from assess.portfolio.progress import RunProgress, SilentProgress
from assess.portfolio.sources import SourceState, resolve
from assess.portfolio.store import RecordKey, Store, StoredRecord, StoreError
from assess.source import SourceError

__all__ = ["PortfolioResult", "RunOptions", "WorkItem", "folder_items", "run_portfolio"]

STORE_NAME = "store.sqlite"


@dataclass(frozen=True)
class RunOptions:
    """How to run: ``workers`` slots on the ``executor`` (``local`` or ``dask``, with an optional
    ``scheduler`` address); ``force`` re-assesses everything, ``retry_errors`` every stored error;
    ``store`` defaults to ``OUT/store.sqlite``; ``parquet`` writes the Parquet tables too."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    executor: str = "local"
    scheduler: str | None = None
    force: bool = False
    retry_errors: bool = False
    store: Path | None = None
    parquet: bool = True
    resolve_threads: int = 8


@dataclass
class PortfolioResult:
    """What a portfolio run did."""

    out_dir: Path
    store: Path
    run_id: int = 0
    total: int = 0
    assessed: int = 0
    unchanged: int = 0
    failed: int = 0
    export: ExportResult = field(default_factory=ExportResult)


class _Lock:
    """An exclusive lock on the store, released by the kernel even when the run is killed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def __enter__(self) -> _Lock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StoreError(f"another portfolio run is using the store next to {self.path}") from None
        self._handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()


def variant(item: WorkItem, settings: WorkerSettings) -> str:
    """Hash of what besides the code decides an item's result: id, metadata, result settings."""
    text = json.dumps([item.app, list(item.metadata), settings.result_digest()])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def reusable(record: StoredRecord, settings: WorkerSettings, options: RunOptions) -> bool:
    """Whether a stored result answers this run too."""
    if options.force:
        return False
    if record.status == "ok":
        return True
    if options.retry_errors:
        return False
    limits = settings.limits
    if record.error_kind == ErrorKind.TIMEOUT:
        return 0 < limits.timeout <= (record.limit_value or 0)
    if record.error_kind == ErrorKind.MEMORY:
        return 0 < limits.max_memory_mb <= (record.limit_value or 0)
    if record.error_kind == ErrorKind.FILES:
        return settings.config.max_files <= (record.limit_value or 0)
    if record.error_kind == ErrorKind.SIZE:
        return 0 < limits.max_app_mb <= (record.limit_value or 0)
    return True


def _resolve(item: WorkItem) -> SourceState | SourceError:
    try:
        return resolve(item)
    except SourceError as exc:
        return exc
    except OSError as exc:
        return SourceError(f"cannot read {item.source}: {exc.strerror or exc}")


def _resolved(
    pending: Iterator[tuple[int, WorkItem]], threads: int
) -> Iterator[tuple[int, WorkItem, SourceState | SourceError]]:
    """Resolve items on a few threads, in order, with a bounded look-ahead."""
    window: deque[tuple[int, WorkItem, Future[SourceState | SourceError]]] = deque()
    with ThreadPoolExecutor(max(1, threads), thread_name_prefix="assess-resolve") as pool:
        for seq, item in pending:
            window.append((seq, item, pool.submit(_resolve, item)))
            if len(window) >= threads * 4:
                seq0, item0, future = window.popleft()
                yield seq0, item0, future.result()
        while window:
            seq0, item0, future = window.popleft()
            yield seq0, item0, future.result()


class _Run:
    def __init__(
        self,
        store: Store,
        run_id: int,
        toolkit: Toolkit,
        settings: WorkerSettings,
        options: RunOptions,
        progress: RunProgress,
        on_done: Callable[[WorkItem, str], None] | None,
    ) -> None:
        self.store = store
        self.run_id = run_id
        self.toolkit = toolkit
        self.settings = settings
        self.options = options
        self.progress = progress
        self.on_done = on_done
        self.keys: dict[int, RecordKey] = {}

    def key(self, item: WorkItem, fingerprint: str) -> RecordKey:
        return RecordKey(
            source_key=item.source_key,
            variant=variant(item, self.settings),
            fingerprint=fingerprint,
            rubric_hash=self.toolkit.rubric_hash,
            tool_version=__version__,
        )

    def _report(self, item: WorkItem, status: str, detail: str = "") -> None:
        self.progress.advance(item.app, status, detail)
        if self.on_done:
            self.on_done(item, status)

    def tasks(self) -> Iterator[Task]:
        """Pending items that need assessing; the others are answered from the store on the way."""
        pending = self.store.pending_items(self.run_id)
        for seq, item, state in _resolved(pending, self.options.resolve_threads):
            if isinstance(state, SourceError):
                outcome = Outcome.failure(ErrorKind.SOURCE, str(state))
                self.save(Task(seq, item), outcome, self.key(item, ""))
                continue
            key = self.key(item, state.fingerprint)
            record = self.store.find(key)
            if record is not None and reusable(record, self.settings, self.options):
                self.store.reuse(self.run_id, seq, record.id)
                if record.status == "ok":
                    self._report(item, "unchanged")
                else:
                    self._report(item, "error", "unchanged since the last run, still failing")
                continue
            self.keys[seq] = key
            yield Task(seq, item, state.commit)

    def save(self, task: Task, outcome: Outcome, key: RecordKey | None = None) -> None:
        item = task.item
        outcome = dataclasses.replace(outcome, error=printable(outcome.error))
        key = key or self.keys.pop(task.seq)
        if outcome.status == "ok" and outcome.commit and key.fingerprint.startswith("git:"):
            key = dataclasses.replace(key, fingerprint=f"git:{outcome.commit}")
        if outcome.status == "ok" and outcome.row is not None:
            row = outcome.row
        else:
            row = error_row(item.app, item.display_source, outcome.error, dict(item.metadata))
            if outcome.commit:
                row["commit"] = outcome.commit
        limits = self.settings.limits
        limit = {
            ErrorKind.TIMEOUT: limits.timeout,
            ErrorKind.MEMORY: float(limits.max_memory_mb),
            ErrorKind.FILES: float(self.settings.config.max_files),
            ErrorKind.SIZE: float(limits.max_app_mb),
        }.get(outcome.error_kind)
        self.store.save(self.run_id, task.seq, key, item.app, outcome, row, limit_value=limit)
        self._report(item, outcome.status, outcome.error if outcome.status != "ok" else "")


def run_portfolio(
    items: Iterable[WorkItem],
    out_dir: Path,
    config: ScanConfig | None = None,
    *,
    toolkit: Toolkit | None = None,
    settings: WorkerSettings | None = None,
    options: RunOptions | None = None,
    hooks: Sequence[AppHook] = (),
    progress: RunProgress | None = None,
    on_done: Callable[[WorkItem, str], None] | None = None,
    executor: Executor | None = None,
) -> PortfolioResult:
    """Assess every item and write the outputs into ``out_dir``; a failing app becomes an error row.

    ``hooks`` are called for every assessed app once its outputs are written (see
    :data:`assess.portfolio.outputs.AppHook`). Raises :class:`StoreError` when the store is busy or
    unusable and :class:`assess.portfolio.executors.ExecutorError` when workers cannot run.
    """
    toolkit = toolkit or load_toolkit(config)
    settings = settings or WorkerSettings(config=toolkit.config)
    if settings.config != toolkit.config:
        settings = dataclasses.replace(settings, config=toolkit.config)
    options = options or RunOptions()
    progress = progress or SilentProgress()
    store_path = options.store or out_dir / STORE_NAME
    result = PortfolioResult(out_dir=out_dir, store=store_path)
    with _Lock(store_path.with_name(f".{store_path.name}.lock")), Store(store_path) as store:
        previous = take_marker(out_dir)
        run_id = store.begin_run(_run_settings(settings, options))
        result.run_id = run_id
        result.total = store.add_items(run_id, items)
        run = _Run(store, run_id, toolkit, settings, options, progress, on_done)
        own_executor = executor is None
        if executor is None:
            executor = make_executor(
                options.executor,
                settings,
                options.workers,
                scheduler=options.scheduler,
                rubric_hash=toolkit.rubric_hash,
            )
        progress.start(result.total)
        try:
            for task, outcome in executor.imap_unordered(run.tasks()):
                run.save(task, outcome)
        except BaseException:
            progress.stop()
            if own_executor:
                executor.close()
            store.finish_run(run_id, "interrupted")
            raise
        progress.stop()
        if own_executor:
            executor.close()
        result.export = _export(store, run_id, out_dir, hooks, options.parquet, previous)
        info = store.finish_run(run_id)
    result.assessed, result.unchanged, result.failed = info.assessed, info.unchanged, info.failed
    return result


def _export(
    store: Store,
    run_id: int,
    out_dir: Path,
    hooks: Sequence[AppHook],
    parquet: bool,
    previous: OutputsMarker | None,
) -> ExportResult:
    """Write the outputs, or keep them when they already show exactly this run's results."""
    digest = outputs_digest(store, run_id, parquet=parquet, hooks=hooks)
    counts = store.outcome_counts(run_id)
    fresh = counts.get("assessed", 0) + counts.get("failed", 0)
    if previous is not None and not fresh and still_current(previous, digest, out_dir):
        write_marker(out_dir, previous)
        kept = previous.counts
        return ExportResult(
            apps=kept.get("apps", 0),
            ok=kept.get("ok", 0),
            errors=kept.get("errors", 0),
            findings=kept.get("findings", 0),
            unchanged=True,
        )
    export = export_run(store, run_id, out_dir, hooks=hooks, parquet=parquet)
    tables = ["assessments.csv", "findings.csv"]
    if parquet:
        tables += ["assessments.parquet", "findings.parquet"]
    counts_written = {
        "apps": export.apps,
        "ok": export.ok,
        "errors": export.errors,
        "findings": export.findings,
    }
    write_marker(out_dir, OutputsMarker(digest, counts_written, file_stats(out_dir, tables)))
    return export


def _run_settings(settings: WorkerSettings, options: RunOptions) -> dict[str, Any]:
    data = settings.to_dict()
    data["options"] = {
        k: (str(v) if isinstance(v, Path) else v) for k, v in dataclasses.asdict(options).items()
    }
    return data
