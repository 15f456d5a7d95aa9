"""Write a run's outputs by streaming its rows from the store.

``OUT/assessments.csv`` and ``OUT/findings.csv`` (business metadata columns after the fixed ones),
the same as ``.parquet``, ``OUT/json/<app>.json`` (the Assessment) and ``OUT/sarif/<app>.sarif``
for every app. Rows are read one at a time and Parquet is written in batches, so memory does not
grow with the portfolio; each table is written to a temporary file and renamed into place, and
files of apps no longer in the portfolio are removed. Post-assessment hooks (a list of callables
given by the caller, e.g. the Dockerfile plan of another command) get every assessed app.

Findings about the portfolio as a whole (``shared-database-schema``: tables several apps declare or
use) need every app first: a streamed pre-pass collects them, and they are written to
``findings.csv``/``.parquet`` with the app's metadata. They are not part of an app's own JSON, SARIF
or score, which describe the app alone.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess.analyzers.data.portfolio import shared_schema_findings
from assess.model import Assessment, Finding, assessment_from_json
from assess.portfolio.exports import ASSESSMENT_COLUMNS, FINDING_COLUMNS, CsvWriter, finding_rows
from assess.portfolio.sarif import sarif_error_log
from assess.portfolio.store import RunRow, Store

log = logging.getLogger(__name__)

AppHook = Callable[[Assessment, Path], None]
"""A post-assessment output hook: called with each assessed app's Assessment and the output folder."""

INT_COLUMNS = frozenset(
    {
        "files",
        "code_lines",
        "findings",
        "blockers",
        "skipped_files",
        "errors",
        "line",
        "effort",
        "candidate_services",
    }
)
FLOAT_COLUMNS = frozenset({"containerization_score", "decomposition_score"})
_BATCH = 500


def file_name(app: str) -> str:
    """A file name for an app id: the id itself when it is file-safe, else a cleaned id plus a hash."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in app).strip("._") or "app"
    if cleaned == app:
        return app
    return f"{cleaned}-{hashlib.sha256(app.encode()).hexdigest()[:8]}"


@dataclass
class ExportResult:
    """What an export wrote."""

    apps: int = 0
    ok: int = 0
    errors: int = 0
    findings: int = 0
    hook_errors: list[str] = field(default_factory=list)
    unchanged: bool = False
    """True when the outputs already showed this run's results and were left as they were."""


def _column_type(name: str, sample: Any) -> str:
    if name in INT_COLUMNS:
        return "int64"
    if name in FLOAT_COLUMNS:
        return "float64"
    if isinstance(sample, bool):
        return "bool"
    if isinstance(sample, int | float):
        return "float64"
    return "string"


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if value == "":
        return None
    try:
        if kind == "int64":
            return int(value)
        if kind == "float64":
            return float(value)
        if kind == "bool":
            return bool(value)
    except (TypeError, ValueError):
        return None
    return None


class ParquetTable:
    """Rows written to a Parquet file in batches under a schema fixed from a sample row."""

    def __init__(self, path: Path, columns: Sequence[str], sample: dict[str, Any]) -> None:
        pa = importlib.import_module("pyarrow")  # untyped; imported only when Parquet is written
        pq = importlib.import_module("pyarrow.parquet")
        self._pa = pa
        self.path = path
        self.columns = list(columns)
        self.kinds = {name: _column_type(name, sample.get(name)) for name in self.columns}
        self.schema = pa.schema([(name, getattr(pa, self.kinds[name])()) for name in self.columns])
        self._writer = pq.ParquetWriter(str(path), self.schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        arrays = {
            name: [_convert(row.get(name), self.kinds[name]) for row in self._rows] for name in self.columns
        }
        self._writer.write_table(self._pa.Table.from_pydict(arrays, schema=self.schema))
        self._rows.clear()

    def close(self) -> None:
        self.flush()
        self._writer.close()


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _write_text(path: Path, text: str) -> None:
    tmp = _tmp(path)
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def export_run(
    store: Store,
    run_id: int,
    out_dir: Path,
    *,
    hooks: Sequence[AppHook] = (),
    parquet: bool = True,
) -> ExportResult:
    """Write every output of run ``run_id`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_dir, sarif_dir = out_dir / "json", out_dir / "sarif"
    json_dir.mkdir(exist_ok=True)
    sarif_dir.mkdir(exist_ok=True)
    metadata = store.metadata_columns(run_id)
    app_columns = [*ASSESSMENT_COLUMNS, *(m for m in metadata if m not in ASSESSMENT_COLUMNS)]
    finding_columns = [*FINDING_COLUMNS, *(m for m in metadata if m not in FINDING_COLUMNS)]
    targets = {
        "assessments.csv": out_dir / "assessments.csv",
        "findings.csv": out_dir / "findings.csv",
    }
    if parquet:
        targets["assessments.parquet"] = out_dir / "assessments.parquet"
        targets["findings.parquet"] = out_dir / "findings.parquet"
    result = ExportResult()
    written: set[str] = set()
    portfolio_findings = _portfolio_findings(store, run_id)
    with ExitStack() as stack:
        apps_csv = stack.enter_context(CsvWriter(_tmp(targets["assessments.csv"]), app_columns))
        findings_csv = stack.enter_context(CsvWriter(_tmp(targets["findings.csv"]), finding_columns))
        tables: list[ParquetTable] = []
        if parquet:
            sample, finding_sample = store.samples(run_id)
            tables = [
                ParquetTable(_tmp(targets["assessments.parquet"]), app_columns, sample),
                ParquetTable(_tmp(targets["findings.parquet"]), finding_columns, finding_sample),
            ]
            for table in tables:
                stack.callback(table.close)
        for row in store.rows(run_id):
            result.apps += 1
            apps_csv.write(row.row)
            if tables:
                tables[0].write(row.row)
            finding_dicts = row.findings + _rows_of(row, portfolio_findings.get(row.app, ()), metadata)
            for finding in finding_dicts:
                findings_csv.write(finding)
                if tables:
                    tables[1].write(finding)
            result.findings += len(finding_dicts)
            name = file_name(row.app)
            written.add(name)
            _write_app_files(row, name, json_dir, sarif_dir)
            if row.status == "ok":
                result.ok += 1
                if hooks and row.assessment:
                    _run_hooks(hooks, assessment_from_json(row.assessment), out_dir, result)
            else:
                result.errors += 1
    for target in targets.values():
        os.replace(_tmp(target), target)
    _remove_stale(json_dir, ".json", written)
    _remove_stale(sarif_dir, ".sarif", written)
    return result


def _portfolio_findings(store: Store, run_id: int) -> dict[str, tuple[Finding, ...]]:
    """App → findings that only the whole portfolio shows (tables shared with other apps)."""
    assessed = (
        assessment_from_json(row.assessment)
        for row in store.rows(run_id)
        if row.status == "ok" and row.assessment and _touches_tables(row.assessment)
    )
    return shared_schema_findings(assessed)


def _touches_tables(assessment_json: str) -> bool:
    """Whether an app declares or uses any table (a cheap look before the full parse)."""
    data = json.loads(assessment_json).get("data") or {}
    return bool(data.get("tables") or data.get("accesses"))


def _rows_of(row: RunRow, findings: Sequence[Finding], metadata: Sequence[str]) -> list[dict[str, Any]]:
    if not findings or not row.assessment:
        return []
    values = {name: row.row.get(name, "") for name in metadata}
    return [{**values, **r} for r in finding_rows(assessment_from_json(row.assessment), findings)]


def _write_app_files(row: RunRow, name: str, json_dir: Path, sarif_dir: Path) -> None:
    if row.assessment:
        _write_text(json_dir / f"{name}.json", row.assessment.rstrip("\n") + "\n")
    else:
        with suppress(FileNotFoundError):
            (json_dir / f"{name}.json").unlink()
    sarif = row.sarif or sarif_error_log(
        row.app, str(row.row.get("source", "")), str(row.row.get("error", "")), dict(row.item.metadata)
    )
    _write_text(sarif_dir / f"{name}.sarif", json.dumps(sarif, indent=2, ensure_ascii=False) + "\n")


def _run_hooks(hooks: Sequence[AppHook], assessment: Assessment, out_dir: Path, result: ExportResult) -> None:
    for hook in hooks:
        try:
            hook(assessment, out_dir)
        except Exception as exc:  # one hook failing for one app must not stop the export
            name = getattr(hook, "__name__", type(hook).__name__)
            message = f"{assessment.app}: {name}: {type(exc).__name__}: {exc}"
            log.warning("output hook failed: %s", message)
            result.hook_errors.append(message)


def _remove_stale(folder: Path, suffix: str, keep: set[str]) -> None:
    for path in _files(folder, suffix):
        if path.name[: -len(suffix)] not in keep:
            with suppress(OSError):
                path.unlink()


def _files(folder: Path, suffix: str) -> Iterator[Path]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(suffix) and entry.is_file(follow_symlinks=False):
                yield Path(entry.path)
