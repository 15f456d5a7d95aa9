"""Flat rows of assessments and findings, and the CSV/JSON files made from them.

Column names are part of the public interface (documented in the README): add, never rename.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from assess.model import Assessment, Dimension, Finding, Severity, Sourced

ASSESSMENT_COLUMNS: tuple[str, ...] = (
    "app",
    "source",
    "commit",
    "status",
    "error",
    "primary_language",
    "languages",
    "build_tools",
    "frameworks",
    "runtime",
    "runtime_version",
    "port",
    "start_command",
    "container_artifacts",
    "files",
    "code_lines",
    "containerization_score",
    "containerization_band",
    "decomposition_score",
    "decomposition_band",
    "findings",
    "blockers",
    "top_blockers",
    "skipped_files",
    "errors",
    "tool_version",
    "rubric_hash",
    "effort_points",
    "effort_days_low",
    "effort_days_high",
    "migration_path",
    "migration_reasons",
    "candidate_services",
    "service_names",
)
"""Columns of ``assessments.csv``; business metadata columns follow them."""

FINDING_COLUMNS: tuple[str, ...] = (
    "app",
    "rule_id",
    "title",
    "dimension",
    "category",
    "severity",
    "confidence",
    "effort",
    "file",
    "line",
    "snippet",
    "message",
    "remediation",
    "links",
)
"""Columns of ``findings.csv``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _value(item: Sourced | None) -> str:
    return item.value if item else ""


def _joined(items: Iterable[str]) -> str:
    return ";".join(items)


def top_blockers(assessment: Assessment, limit: int = 3) -> list[str]:
    """The rule ids that cost the containerization score most, worst first."""
    return [c.source for c in assessment.costliest_rules(limit)]


def assessment_row(assessment: Assessment) -> dict[str, Any]:
    """One ``assessments.csv`` row (metadata columns included)."""
    stack = assessment.stack
    cont = assessment.score(Dimension.CONTAINERIZATION)
    deco = assessment.score(Dimension.DECOMPOSITION)
    decomposition = assessment.decomposition
    services = decomposition.services if decomposition else ()
    row: dict[str, Any] = {
        "app": assessment.app,
        "source": assessment.source,
        "commit": assessment.commit or "",
        "status": "ok",
        "error": "; ".join(f"{e.path}: {e.message}" if e.path else e.message for e in assessment.errors[:5]),
        "primary_language": stack.primary_language or "",
        "languages": _joined(share.language for share in stack.languages),
        "build_tools": _joined(t.value for t in stack.build_tools),
        "frameworks": _joined(f.value for f in stack.frameworks),
        "runtime": _value(stack.runtime),
        "runtime_version": _value(stack.runtime_version),
        "port": _value(stack.port),
        "start_command": _value(stack.start_command),
        "container_artifacts": _joined(a.path for a in stack.container_artifacts),
        "files": assessment.files,
        "code_lines": assessment.code_lines,
        "containerization_score": cont.score if cont else "",
        "containerization_band": cont.band if cont else "",
        "decomposition_score": deco.score if deco else "",
        "decomposition_band": deco.band if deco else "",
        "findings": len(assessment.findings),
        "blockers": sum(1 for f in assessment.findings if f.severity is Severity.BLOCKER),
        "top_blockers": _joined(top_blockers(assessment)),
        "skipped_files": len(assessment.skipped),
        "errors": len(assessment.errors),
        "tool_version": assessment.tool_version,
        "rubric_hash": assessment.rubric_hash,
        "effort_points": assessment.effort.points if assessment.effort else "",
        "effort_days_low": assessment.effort.days_low if assessment.effort else "",
        "effort_days_high": assessment.effort.days_high if assessment.effort else "",
        "migration_path": assessment.migration.path if assessment.migration else "",
        "migration_reasons": _joined(assessment.migration.reasons) if assessment.migration else "",
        "candidate_services": len(services) if decomposition else "",
        "service_names": _joined(service.name for service in services),
    }
    row.update(dict(assessment.metadata))
    return row


def error_row(
    app: str, source: str, message: str, metadata: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """An ``assessments.csv`` row for an app that could not be assessed."""
    row: dict[str, Any] = dict.fromkeys(ASSESSMENT_COLUMNS, "")
    row.update({"app": app, "source": source, "status": "error", "error": message})
    row.update(metadata or {})
    return row


def finding_rows(assessment: Assessment, findings: Iterable[Finding] | None = None) -> list[dict[str, Any]]:
    """One ``findings.csv`` row per finding (the app's own, or ``findings`` given for it)."""
    return [
        {
            "app": assessment.app,
            "rule_id": f.rule_id,
            "title": f.title,
            "dimension": f.dimension.value,
            "category": f.category,
            "severity": f.severity.value,
            "confidence": f.confidence.value,
            "effort": f.effort,
            "file": f.file,
            "line": f.line,
            "snippet": f.snippet,
            "message": f.message,
            "remediation": f.remediation,
            "links": _joined(f.links),
        }
        for f in (assessment.findings if findings is None else findings)
    ]


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: text starting with = + - @ gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class CsvWriter:
    """Write rows to a CSV file or stream as they come, under a fixed header."""

    def __init__(self, target: Path | TextIO, columns: Sequence[str]) -> None:
        self.columns = list(columns)
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
            self._handle: TextIO = target.open("w", newline="", encoding="utf-8")
            self._owned = True
        else:
            self._handle = target
            self._owned = False
        self._writer = csv.DictWriter(self._handle, fieldnames=self.columns, extrasaction="ignore")
        self._writer.writeheader()

    def write(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({k: safe_cell(v) for k, v in row.items()})

    def close(self) -> None:
        if self._owned:
            self._handle.close()
        else:
            self._handle.flush()

    def __enter__(self) -> CsvWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_csv(target: Path | TextIO, rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """Write rows with ``columns`` first and any other keys (e.g. metadata) after them."""
    extra: list[str] = []
    for row in rows:
        extra.extend(k for k in row if k not in columns and k not in extra)
    with CsvWriter(target, [*columns, *extra]) as writer:
        for row in rows:
            writer.write(row)
