"""Data access analysis: tables, entities, foreign keys, who reads and writes what, transactions.

Two passes. While the pipeline reads each file, :meth:`DataAnalysis.add` records what that file
says about data (ORM models and relations, DDL, SQL in string literals, transaction boundaries,
XA and stored-procedure sites). :meth:`DataAnalysis.finish` then links the files: models become
tables and foreign keys, calls become the access matrix (unit × table × read/write), and each
transaction is followed through the static call graph to the tables it reaches.

Units are named by :mod:`assess.analyzers.units` so the decomposition analysis joins on them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from assess.analyzers._files import MAX_READ_BYTES, SnapshotLike
from assess.analyzers.analyzer_rules import analyzer_rules
from assess.analyzers.data.link import link
from assess.analyzers.data.records import FileData
from assess.analyzers.data.scan import add_details, scan_file, wanted
from assess.model import DataModel, FileFacts, Finding, ScanError
from assess.rules.engine import make_snippet

STAGE = "data"
MAX_FINDINGS_PER_RULE = 50

LineLookup = Callable[[str, int], str]


@dataclass(frozen=True, slots=True)
class DataResult:
    """The app's data model, the data findings (XA, stored procedures, triggers) and problems met."""

    model: DataModel
    findings: tuple[Finding, ...] = ()
    errors: tuple[ScanError, ...] = ()


class DataAnalysis:
    """Feed files with :meth:`add` as they are read, then call :meth:`finish` once.

    With a ``reader`` (path → text), what only resolving calls needs (variable types, assignments,
    return types) is read in :meth:`finish`, and only for files whose calls can reach a model: most
    code of most apps never does, and this was a fifth of the analysis' time.
    """

    def __init__(self, reader: Callable[[str], str] | None = None) -> None:
        self._files: dict[str, FileData] = {}
        self._errors: list[ScanError] = []
        self._reader = reader

    def add(self, path: str, language: str, text: str, facts: FileFacts | None) -> None:
        """Record what one file says about data (files the analysis does not need are ignored)."""
        if not wanted(path, language) or len(text) > MAX_READ_BYTES:
            return
        try:
            self._files[path] = scan_file(path, language, text, facts, details=self._reader is None)
        except Exception as exc:  # hostile text must not stop the scan; the problem is reported
            self._failed(path, exc)

    def _failed(self, path: str, exc: Exception) -> None:
        self._errors.append(
            ScanError(STAGE, f"{path}: data analysis failed ({type(exc).__name__}: {exc})", path)
        )

    def finish(self, facts: Mapping[str, FileFacts], lines: LineLookup | None = None) -> DataResult:
        """Link the files into the app's data model and findings."""
        linked = link(facts, self._files, lambda path: self._details(path, facts.get(path)))
        rules = analyzer_rules()
        findings: dict[tuple[str, str, int], Finding] = {}
        counts: dict[str, int] = {}
        for path, evidence in sorted(
            linked.evidence, key=lambda item: (item[0], item[1].line, item[1].rule_id)
        ):
            key = (evidence.rule_id, path, evidence.line)
            if key in findings or counts.get(evidence.rule_id, 0) >= MAX_FINDINGS_PER_RULE:
                continue
            counts[evidence.rule_id] = counts.get(evidence.rule_id, 0) + 1
            snippet = make_snippet(lines(path, evidence.line)) if lines else evidence.detail
            findings[key] = rules[evidence.rule_id].finding(path, evidence.line, snippet)
        return DataResult(linked.model, tuple(findings.values()), tuple(self._errors))

    def _details(self, path: str, facts: FileFacts | None) -> None:
        file_data = self._files[path]
        file_data.details_pending = False
        if facts is None or self._reader is None:
            return
        try:
            add_details(file_data, self._reader(path), facts)
        except Exception as exc:  # the file may be gone or changed; hostile text must not stop the scan
            self._failed(path, exc)


def analyze_data(snapshot: SnapshotLike, facts: Mapping[str, FileFacts]) -> DataResult:
    """The data analysis of a whole snapshot whose code files were parsed into ``facts``."""
    analysis = DataAnalysis(reader=snapshot.read_text)
    texts: dict[str, list[str]] = {}
    for file in snapshot.files:
        if not wanted(file.path, file.language) or file.size > MAX_READ_BYTES:
            continue
        try:
            text = snapshot.read_text(file.path)
        except (OSError, ValueError):
            continue
        texts[file.path] = text.split("\n")
        analysis.add(file.path, file.language, text, facts.get(file.path))

    def lines(path: str, line: int) -> str:
        found = texts.get(path, [])
        return found[line - 1] if 0 < line <= len(found) else ""

    return analysis.finish(facts, lines)
