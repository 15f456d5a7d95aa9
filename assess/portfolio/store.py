"""The embedded store: every finished app saved at once, so re-runs skip and killed runs resume.

One SQLite file (WAL journal, one transaction per app). ``records`` holds results keyed by
(source, variant, fingerprint, rubric hash, tool version): ``source`` is the item's kind,
location, ref and subfolder, ``variant`` a hash of its id, business metadata and the settings
that change results, ``fingerprint`` the version of its code (a commit, or a stat fingerprint of
a folder or archive). Error results are stored too. ``runs`` and ``run_items`` list what each
run was asked to assess and which record answered each item; outputs are streamed from them.
A run killed at any moment loses at most the apps in flight: the next run finds every stored
result by its key and assesses only the rest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assess.portfolio.assessor import Outcome
from assess.portfolio.inputs import WorkItem, printable
from assess.source.snapshot import SourceError

SCHEMA = 1
KEEP_RUNS = 3

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    source_key TEXT NOT NULL,
    variant TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    rubric_hash TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    app TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    error_kind TEXT NOT NULL DEFAULT '',
    limit_value REAL,
    commit_sha TEXT,
    elapsed REAL,
    created TEXT NOT NULL,
    row TEXT NOT NULL,
    assessment TEXT,
    findings TEXT,
    sarif TEXT,
    UNIQUE (source_key, variant, fingerprint, rubric_hash, tool_version)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    settings TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    assessed INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS run_items (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    app TEXT NOT NULL,
    item TEXT NOT NULL,
    record_id INTEGER REFERENCES records(id),
    outcome TEXT NOT NULL DEFAULT 'pending',
    PRIMARY KEY (run_id, seq),
    UNIQUE (run_id, app)
);
CREATE INDEX IF NOT EXISTS run_items_record ON run_items (record_id);
"""


class StoreError(Exception):
    """The store cannot be used (another schema, a duplicate app id in the input)."""


@dataclass(frozen=True)
class RecordKey:
    """What identifies a stored result."""

    source_key: str
    variant: str
    fingerprint: str
    rubric_hash: str
    tool_version: str


@dataclass(frozen=True)
class StoredRecord:
    """The parts of a stored result that decide whether to reuse it."""

    id: int
    status: str
    error_kind: str
    limit_value: float | None


@dataclass(frozen=True)
class RunRow:
    """One app of a run, as the exporters read it."""

    app: str
    item: WorkItem
    status: str
    row: dict[str, Any]
    assessment: str | None
    findings: list[dict[str, Any]]
    sarif: dict[str, Any] | None


@dataclass(frozen=True)
class RunInfo:
    """Counts of a run."""

    id: int
    status: str
    total: int
    assessed: int
    unchanged: int
    failed: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One SQLite store file. Use from one thread; every write is its own transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=60.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            with self._transaction():
                for statement in _SCHEMA_SQL.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                found = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if found is None:
                    self._db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA),))
                elif found[0] != str(SCHEMA):
                    raise StoreError(f"{path} has store schema {found[0]}, this version uses {SCHEMA}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc

    # ----------------------------------------------------------------- plumbing

    class _Tx:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(self, exc_type: object, *rest: object) -> None:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")

    def _transaction(self) -> Store._Tx:
        return Store._Tx(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- runs

    def begin_run(self, settings: dict[str, Any]) -> int:
        """A new run; old runs beyond the last few are forgotten (their records may be reused)."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (started, status, settings) VALUES (?, 'running', ?)",
                (_now(), json.dumps(settings, sort_keys=True, default=str)),
            )
            run_id = cursor.lastrowid
            assert run_id is not None
        return run_id

    def add_items(self, run_id: int, items: Iterable[WorkItem], batch: int = 500) -> int:
        """Record the run's items (streamed, in batches); raise StoreError on a duplicate app id."""
        total = 0
        chunk: list[tuple[int, int, str, str]] = []

        def flush() -> None:
            try:
                with self._transaction() as db:
                    db.executemany(
                        "INSERT INTO run_items (run_id, seq, app, item) VALUES (?, ?, ?, ?)", chunk
                    )
            except sqlite3.IntegrityError:
                raise StoreError(self._duplicate(run_id, chunk)) from None
            chunk.clear()

        for item in items:
            total += 1
            chunk.append((run_id, total, item.app, json.dumps(item.to_dict())))
            if len(chunk) >= batch:
                flush()
        if chunk:
            flush()
        with self._transaction() as db:
            db.execute("UPDATE runs SET total = ? WHERE id = ?", (total, run_id))
        return total

    def _duplicate(self, run_id: int, chunk: list[tuple[int, int, str, str]]) -> str:
        seen: dict[str, str] = {}
        for _run, _seq, app, item in chunk:
            source = json.loads(item)["source"]
            found = self._db.execute(
                "SELECT item FROM run_items WHERE run_id = ? AND app = ?", (run_id, app)
            ).fetchone()
            first = seen.get(app) or (json.loads(found[0])["source"] if found else None)
            if first is not None:
                return printable(
                    f"app id {app!r} is used twice ({first} and {source}): give every app its own id"
                )
            seen[app] = source
        return "duplicate app ids in the input"

    def pending_items(self, run_id: int, page: int = 256) -> Iterator[tuple[int, WorkItem]]:
        """The run's items not yet answered, in input order, read a page at a time."""
        last = 0
        while True:
            rows = self._db.execute(
                "SELECT seq, item FROM run_items WHERE run_id = ? AND seq > ? AND outcome = 'pending' "
                "ORDER BY seq LIMIT ?",
                (run_id, last, page),
            ).fetchall()
            if not rows:
                return
            for seq, item in rows:
                last = seq
                yield seq, WorkItem.from_dict(json.loads(item))

    def finish_run(self, run_id: int, status: str = "finished") -> RunInfo:
        """Close a run with its counts and drop what no recent run refers to."""
        with self._transaction() as db:
            counts = dict(
                db.execute(
                    "SELECT outcome, COUNT(*) FROM run_items WHERE run_id = ? GROUP BY outcome", (run_id,)
                ).fetchall()
            )
            db.execute(
                "UPDATE runs SET finished = ?, status = ?, assessed = ?, unchanged = ?, failed = ? WHERE id = ?",
                (
                    _now(),
                    status,
                    counts.get("assessed", 0),
                    counts.get("unchanged", 0),
                    counts.get("failed", 0),
                    run_id,
                ),
            )
            if status == "finished":
                self._collect(db)
        info = self.run_info(run_id)
        assert info is not None
        return info

    def _collect(self, db: sqlite3.Connection) -> None:
        keep = [r[0] for r in db.execute("SELECT id FROM runs ORDER BY id DESC LIMIT ?", (KEEP_RUNS,))]
        marks = ",".join("?" * len(keep))
        db.execute(f"DELETE FROM run_items WHERE run_id NOT IN ({marks})", keep)
        db.execute(f"DELETE FROM runs WHERE id NOT IN ({marks})", keep)
        db.execute(
            "DELETE FROM records WHERE id NOT IN (SELECT record_id FROM run_items WHERE record_id IS NOT NULL)"
        )

    def outcome_counts(self, run_id: int) -> dict[str, int]:
        """How many of a run's items are pending, assessed, unchanged or failed so far."""
        rows = self._db.execute(
            "SELECT outcome, COUNT(*) FROM run_items WHERE run_id = ? GROUP BY outcome", (run_id,)
        ).fetchall()
        return {str(outcome): int(count) for outcome, count in rows}

    def answers(self, run_id: int) -> Iterator[tuple[str, int | None, str]]:
        """(app, record id, item JSON) of every item of a run, in input order, streamed."""
        cursor = self._db.execute(
            "SELECT app, record_id, item FROM run_items WHERE run_id = ? ORDER BY seq", (run_id,)
        )
        for app, record_id, item in cursor:
            yield str(app), record_id, str(item)

    def run_info(self, run_id: int) -> RunInfo | None:
        row = self._db.execute(
            "SELECT id, status, total, assessed, unchanged, failed FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        return RunInfo(*row) if row else None

    def latest_run(self) -> int | None:
        """The newest finished run, else the newest run."""
        row = self._db.execute(
            "SELECT id FROM runs ORDER BY status = 'finished' DESC, id DESC LIMIT 1"
        ).fetchone()
        return int(row[0]) if row else None

    # ----------------------------------------------------------------- records

    def find(self, key: RecordKey) -> StoredRecord | None:
        """The stored result for ``key``, if any."""
        row = self._db.execute(
            "SELECT id, status, error_kind, limit_value FROM records WHERE source_key = ? AND variant = ? "
            "AND fingerprint = ? AND rubric_hash = ? AND tool_version = ?",
            (key.source_key, key.variant, key.fingerprint, key.rubric_hash, key.tool_version),
        ).fetchone()
        return StoredRecord(*row) if row else None

    def reuse(self, run_id: int, seq: int, record_id: int) -> None:
        """Answer an item with an existing record (unchanged app)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE run_items SET record_id = ?, outcome = 'unchanged' WHERE run_id = ? AND seq = ?",
                (record_id, run_id, seq),
            )

    def save(
        self,
        run_id: int,
        seq: int,
        key: RecordKey,
        app: str,
        outcome: Outcome,
        row: dict[str, Any],
        *,
        limit_value: float | None = None,
    ) -> int:
        """Store a fresh result and answer the item with it, in one transaction."""
        values = {
            "app": app,
            "status": outcome.status,
            "error": outcome.error,
            "error_kind": outcome.error_kind,
            "limit_value": limit_value,
            "commit_sha": outcome.commit,
            "elapsed": outcome.elapsed,
            "created": _now(),
            "row": json.dumps(row, default=str),
            "assessment": outcome.assessment,
            "findings": json.dumps(outcome.findings, default=str) if outcome.findings is not None else None,
            "sarif": json.dumps(outcome.sarif) if outcome.sarif is not None else None,
        }
        columns = ", ".join(values)
        updates = ", ".join(f"{name} = excluded.{name}" for name in values)
        with self._transaction() as db:
            cursor = db.execute(
                f"INSERT INTO records (source_key, variant, fingerprint, rubric_hash, tool_version, {columns}) "
                f"VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(values))}) "
                "ON CONFLICT (source_key, variant, fingerprint, rubric_hash, tool_version) "
                f"DO UPDATE SET {updates} RETURNING id",
                (
                    key.source_key,
                    key.variant,
                    key.fingerprint,
                    key.rubric_hash,
                    key.tool_version,
                    *values.values(),
                ),
            )
            record_id = int(cursor.fetchone()[0])
            db.execute(
                "UPDATE run_items SET record_id = ?, outcome = ? WHERE run_id = ? AND seq = ?",
                (record_id, "assessed" if outcome.status == "ok" else "failed", run_id, seq),
            )
        return record_id

    def count_records(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    # ----------------------------------------------------------------- reading a run

    def metadata_columns(self, run_id: int) -> list[str]:
        """Business metadata column names of a run's items, in order of first appearance."""
        seen: dict[str, None] = {}
        for (item,) in self._db.execute(
            "SELECT item FROM run_items WHERE run_id = ? ORDER BY seq", (run_id,)
        ):
            for name, _value in json.loads(item).get("metadata") or []:
                seen.setdefault(name, None)
        return list(seen)

    def samples(self, run_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        """An assessments row and a findings row of the run's first assessed apps ({} when none)."""
        query = (
            "SELECT r.row, r.findings FROM run_items ri JOIN records r ON r.id = ri.record_id "
            "WHERE ri.run_id = ? AND r.status = 'ok' {extra} ORDER BY ri.app LIMIT 1"
        )
        found = self._db.execute(query.format(extra=""), (run_id,)).fetchone()
        with_findings = self._db.execute(
            query.format(extra="AND r.findings IS NOT NULL AND r.findings != '[]'"), (run_id,)
        ).fetchone()
        row = json.loads(found[0]) if found else {}
        finding = json.loads(with_findings[1])[0] if with_findings else {}
        return row, finding

    def rows(self, run_id: int, *, details: bool = True) -> Iterator[RunRow]:
        """The run's answered apps ordered by id, streamed; ``details=False`` skips the big columns."""
        big = "r.assessment, r.findings, r.sarif" if details else "NULL, NULL, NULL"
        cursor = self._db.execute(
            f"SELECT ri.app, ri.item, r.status, r.row, {big} FROM run_items ri "
            "JOIN records r ON r.id = ri.record_id WHERE ri.run_id = ? ORDER BY ri.app",
            (run_id,),
        )
        for app, item, status, row, assessment, findings, sarif in cursor:
            yield RunRow(
                app=app,
                item=WorkItem.from_dict(json.loads(item)),
                status=status,
                row=json.loads(row),
                assessment=assessment,
                findings=json.loads(findings) if findings else [],
                sarif=json.loads(sarif) if sarif else None,
            )


def open_store(path: Path) -> Store:
    """Open (or create) the store at ``path``; SourceError-free errors become :class:`StoreError`."""
    try:
        return Store(path)
    except (OSError, SourceError) as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from exc
