"""Helpers for the data-analysis tests: run the real analysis on a small app written to disk."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from assess.analyzers.data import DataResult, analyze_data
from assess.parse import parse_code
from assess.source import open_snapshot
from assess.source.languages import CODE_LANGUAGES

MakeApp = Callable[..., Path]


def analyze(make_app: MakeApp, files: Mapping[str, str]) -> DataResult:
    """Parse every code file of the app and run the data analysis over the snapshot."""
    snapshot = open_snapshot(make_app(files))
    facts = {
        f.path: parse_code(f.path, f.language, snapshot.read_bytes(f.path))
        for f in snapshot.files
        if f.language in CODE_LANGUAGES
    }
    return analyze_data(snapshot, facts)


def tables(result: DataResult) -> list[str]:
    return [t.name for t in result.model.tables]


def keys(result: DataResult) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(k.table, k.ref_table, k.columns) for k in result.model.foreign_keys}


def accesses(result: DataResult) -> set[tuple[str, str, str]]:
    return {(a.unit, a.table, a.mode) for a in result.model.accesses}


def transactions(result: DataResult) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(t.name, t.kind, t.tables) for t in result.model.transactions}


def findings(result: DataResult) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.file, f.line) for f in result.findings}
