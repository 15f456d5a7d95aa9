"""SQL statements written as string literals in code: the tables each one reads and writes.

Adjacent literals that continue a statement (``"select … " + "where …"``) are joined first.
Bad or partial SQL never raises; it is simply not counted.
"""

from __future__ import annotations

import re

from assess.analyzers.data.records import SqlSite
from assess.analyzers.data.source import SourceText
from assess.analyzers.data.sql import analyze_sql, looks_like_sql
from assess.analyzers.units import unit_at
from assess.model import StringLiteral

_START = re.compile(
    r"(?is)^\s*\(?\s*(select|insert|update|delete|merge|with|create|alter|replace|upsert|call|exec|execute|truncate|drop|\{\s*(\?\s*=\s*)?call)\b"
)
_CONTINUATION = re.compile(
    r"(?i)^\s*(where|and|or|from|join|left|right|inner|outer|cross|full|on|order|group|having|limit|offset|"
    r"set|values|union|returning|for|fetch|into|select|as|not|in|exists|between|like|is|case|when|then|else|end|"
    r"using|,|\)|\()\b|^\s*[,)(=<>]"
)
_TARGET = re.compile(r"(?is)\b(from|into|update|table|merge\s+into|call|exec)\b\s+[\w\[\"`]")
_MAX_PIECES = 40


def _continues(statement: str, piece: str) -> bool:
    if _START.match(piece) and not piece.lstrip().lower().startswith("select"):
        return False
    if _CONTINUATION.match(piece) or statement[-1:].isspace() or piece[:1].isspace():
        return True
    return not _TARGET.search(statement)


def _statements(strings: tuple[StringLiteral, ...]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    ordered = sorted(strings, key=lambda s: s.line)
    i = 0
    while i < len(ordered):
        first = ordered[i]
        if not _START.match(first.value):
            i += 1
            continue
        statement = first.value
        last_line = first.line + first.value.count("\n")
        j = i + 1
        while j < len(ordered) and j - i < _MAX_PIECES:
            piece = ordered[j]
            if piece.line > last_line + 1 or not piece.value or not _continues(statement, piece.value):
                break
            statement += piece.value
            last_line = piece.line + piece.value.count("\n")
            j += 1
        found.append((first.line, statement))
        i = j
    return found


def sql_sites(src: SourceText) -> list[SqlSite]:
    """The SQL statements of one code file's string literals, each with its unit."""
    facts = src.facts
    if facts is None or not facts.strings:
        return []
    sites: list[SqlSite] = []
    for line, statement in _statements(facts.strings):
        if not looks_like_sql(statement):
            continue
        use = analyze_sql(statement)
        if use is not None:
            sites.append(SqlSite(line, use, unit_at(facts, line)))
    return sites
