"""SQL text → the tables it reads, writes, creates and links, with a real parser (``sqlglot``).

Every function here takes hostile text and never raises: what cannot be parsed yields ``None``
or an empty result. Placeholders of every driver (``?``, ``:name``, ``@p``, ``$1``, ``%s``,
``%(name)s``, ``#{x}``, ``${x}``) are replaced by literals before parsing. Table names keep the
spelling of the text, without quotes; ``schema.table`` keeps its schema.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel

_LOG = logging.getLogger("sqlglot")

_STATEMENT_START = re.compile(
    r"""(?isx)^\s*\(?\s*(?:
        select\b.+?\bfrom\b
      | insert\s+(?:ignore\s+)?into\b
      | replace\s+into\b
      | upsert\s+into\b
      | update\s+[\w."`\[\]]+(?:\s+(?:as\s+)?\w+)?\s+set\b
      | delete\s+(?:\w+\s+)?from\b
      | merge\s+into\b
      | with\s+(?:recursive\s+)?\w+\s*(?:\([^)]*\))?\s+as\s*\(
      | create\s+(?:or\s+replace\s+)?(?:temporary\s+|temp\s+|unique\s+|global\s+)*(?:table|view|index|procedure|proc|function|trigger)\b
      | alter\s+table\b
      | drop\s+(?:table|view|procedure|function|trigger)\b
      | truncate\s+(?:table\s+)?\w
    )"""
)
_SQL_SIGNAL = re.compile(
    r"[*=?,()<>;]|:\w|@\w|\$\d|%s|%\(|\bwhere\b|\bjoin\b|\bvalues\b|\bset\b|\bby\b", re.I
)
_UPPER_KEYWORDS = re.compile(r"\b(?:SELECT|INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|FROM|INTO|WHERE)\b")
_PLACEHOLDERS = re.compile(
    r"""\#\{[^}]*\}|\$\{[^}]*\}|\{[^{}'"]*\}|%\(\w+\)s|%[sdf]\b|(?<![:\w]):(?!:)[A-Za-z_]\w*|\?\d*|\$\d+|(?<![@\w])@(?!@)[A-Za-z_]\w*"""
)
_LINE_COMMENT = re.compile(r"--[^\n]*")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CREATE_ROUTINE = re.compile(
    r"(?is)^\s*create\s+(?:or\s+(?:replace|alter)\s+)?(?:definer\s*=\s*\S+\s+)?"
    r"(procedure|proc|function|trigger)\s+(?:if\s+not\s+exists\s+)?([\w.\"`\[\]]+)"
)
_CALL_ROUTINE = re.compile(
    r"""(?isx)^\s*(?:\{\s*(?:\?\s*=\s*)?call\s+([\w.\[\]"`]+)
      | call\s+([\w.\[\]"`]+)\s*\(
      | exec(?:ute)?\s+(?!sp_executesql\b|immediate\b)(?:@\w+\s*=\s*)?([\w.\[\]"]+))"""
)
_QUOTES = '"`[]'
_DIALECT_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"`"), "mysql"),
    (re.compile(r"\[\w+\]|\bTOP\s*\(?\d|\bNOLOCK\b|^\s*EXEC", re.I), "tsql"),
    (re.compile(r"\$\d|::\w|\$\$|\bRETURNING\b|\bILIKE\b", re.I), "postgres"),
)


@dataclass(frozen=True, slots=True)
class ForeignKeyDef:
    """A foreign key read from DDL."""

    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SqlUse:
    """What one SQL statement does with tables (names as written, quotes removed)."""

    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    creates: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKeyDef, ...] = ()
    routine: tuple[str, str] | None = None
    """``(kind, name)`` when the statement creates a procedure, function or trigger."""
    calls_routine: str | None = None
    """The stored procedure a ``CALL`` / ``EXEC`` statement runs."""


def looks_like_sql(text: str) -> bool:
    """True when a string literal reads as a SQL statement (not prose that starts with "Select")."""
    if len(text) < 10 or not _STATEMENT_START.match(text):
        return bool(_CALL_ROUTINE.match(text)) and len(text) < 2000
    return bool(_UPPER_KEYWORDS.search(text) or _SQL_SIGNAL.search(text))


def blank_comments(sql: str) -> str:
    """SQL text with ``--`` and ``/* */`` comments turned to spaces (line numbers kept)."""
    sql = _BLOCK_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), sql)
    return _LINE_COMMENT.sub(lambda m: " " * len(m.group(0)), sql)


def split_script(text: str) -> list[tuple[int, str]]:
    """The statements of a SQL script with their first line (``;``, ``GO`` and ``DELIMITER`` aware).

    Quotes and ``$$`` bodies are respected; comments are blanked first.
    """
    text = blank_comments(text)
    statements: list[tuple[int, str]] = []
    delimiter = ";"
    buffer: list[str] = []
    start_line = 1
    quote: str | None = None
    line = 1
    i, n = 0, len(text)

    def flush(next_line: int) -> None:
        nonlocal start_line
        statement = "".join(buffer)
        if statement.strip():
            lead = len(statement) - len(statement.lstrip())
            statements.append((start_line + statement.count("\n", 0, lead), statement.strip()))
        buffer.clear()
        start_line = next_line

    while i < n:
        ch = text[i]
        if quote is None and (i == 0 or text[i - 1] == "\n"):
            end = text.find("\n", i)
            end = n if end < 0 else end
            current = text[i:end].strip()
            directive = re.match(r"(?i)delimiter\s+(\S+)$", current)
            if directive:
                flush(line)
                delimiter = directive.group(1)
                i = end
                continue
            if current.upper() == "GO":
                flush(line)
                i = end
                continue
        if quote is not None:
            buffer.append(ch)
            if ch == "\n":
                line += 1
            if text.startswith(quote, i):
                buffer.append(text[i + 1 : i + len(quote)])
                i += len(quote)
                quote = None
                continue
            i += 1
            continue
        if ch in "'\"`":
            quote = ch
        elif ch == "$" and (dollar := re.match(r"\$\w*\$", text[i:])):
            quote = dollar.group(0)
            buffer.append(quote)
            i += len(quote)
            continue
        if text.startswith(delimiter, i):
            i += len(delimiter)
            flush(line)
            continue
        buffer.append(ch)
        if ch == "\n":
            line += 1
        i += 1
    flush(line)
    return statements


def _unquote(name: str) -> str:
    return ".".join(part.strip(_QUOTES) for part in name.split("."))


def _table_name(table: exp.Table) -> str:
    name = table.name
    if not name:
        return ""
    return f"{table.db}.{name}" if table.db else name


def _dialects(text: str) -> list[str | None]:
    hinted = [dialect for pattern, dialect in _DIALECT_HINTS if pattern.search(text)]
    ordered: list[str | None] = [*hinted, None, "postgres", "mysql", "tsql"]
    return list(dict.fromkeys(ordered))


def _parse(text: str) -> exp.Expr | None:
    prepared = _PLACEHOLDERS.sub("1", text)
    previous = _LOG.level
    _LOG.setLevel(logging.CRITICAL)
    try:
        fallback: exp.Expr | None = None
        for dialect in _dialects(text):
            try:
                trees = sqlglot.parse(prepared, read=dialect, error_level=ErrorLevel.RAISE)
            except Exception:  # sqlglot raises many error types on hostile text
                continue
            tree = next((t for t in trees if t is not None), None)
            if tree is None:
                continue
            if not isinstance(tree, exp.Command):
                return tree
            fallback = fallback or tree
        if fallback is not None:
            return fallback
        try:
            trees = sqlglot.parse(prepared, read=_dialects(text)[0], error_level=ErrorLevel.IGNORE)
        except Exception:
            return None
        return next((t for t in trees if t is not None), None)
    except RecursionError:
        return None
    finally:
        _LOG.setLevel(previous)


def _columns(node: exp.Expression | None) -> tuple[str, ...]:
    if node is None:
        return ()
    return tuple(i.name for i in node.expressions if isinstance(i, exp.Identifier | exp.Column) and i.name)


def _reference(ref: exp.Reference) -> tuple[str, tuple[str, ...]] | None:
    target = ref.this
    if isinstance(target, exp.Schema) and isinstance(target.this, exp.Table) and _table_name(target.this):
        return _table_name(target.this), _columns(target)
    if isinstance(target, exp.Table) and _table_name(target):
        return _table_name(target), ()
    return None


def _foreign_keys(table: str, node: exp.Expression) -> list[ForeignKeyDef]:
    found: list[ForeignKeyDef] = []
    for column in node.find_all(exp.ColumnDef):
        for constraint in column.args.get("constraints") or []:
            kind = constraint.args.get("kind") if isinstance(constraint, exp.ColumnConstraint) else None
            if isinstance(kind, exp.Reference) and (ref := _reference(kind)):
                found.append(ForeignKeyDef(table, (column.name,), ref[0], ref[1]))
    for key in node.find_all(exp.ForeignKey):
        reference = key.args.get("reference")
        if isinstance(reference, exp.Reference) and (ref := _reference(reference)):
            found.append(ForeignKeyDef(table, _columns(key), ref[0], ref[1]))
    return found


def _ctes(tree: exp.Expr) -> set[str]:
    return {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE) if cte.alias_or_name}


def _write_targets(tree: exp.Expr) -> list[exp.Table]:
    targets: list[exp.Table] = []
    for node in tree.find_all(exp.Insert, exp.Update, exp.Delete, exp.Merge):
        target = node.this
        if isinstance(target, exp.Schema):
            target = target.this
        if isinstance(target, exp.Table):
            targets.append(target)
    return targets


def _routine_call(text: str) -> str | None:
    match = _CALL_ROUTINE.match(text)
    if not match:
        return None
    return _unquote(next(g for g in match.groups() if g))


@lru_cache(maxsize=4096)
def analyze_sql(text: str) -> SqlUse | None:
    """The tables one SQL statement reads, writes or creates; None when it is not SQL at all."""
    if len(text) > 100_000:
        return None
    text = blank_comments(text).strip().rstrip(";").strip()
    if not text:
        return None
    routine = _CREATE_ROUTINE.match(text)
    if routine:
        kind = "procedure" if routine.group(1).lower() in ("procedure", "proc") else routine.group(1).lower()
        return SqlUse(routine=(kind, _unquote(routine.group(2))))
    called = _routine_call(text)
    if called:
        return SqlUse(calls_routine=called)
    tree = _parse(text)
    if tree is None or isinstance(tree, exp.Command):
        return None
    if isinstance(tree, exp.Create):
        target = tree.this.this if isinstance(tree.this, exp.Schema) else tree.this
        kind = str(tree.args.get("kind") or "").upper()
        if kind == "TABLE" and isinstance(target, exp.Table) and _table_name(target):
            name = _table_name(target)
            reads = sorted({_table_name(t) for t in tree.find_all(exp.Table)} - {name, ""})
            return SqlUse(reads=tuple(reads), creates=(name,), foreign_keys=tuple(_foreign_keys(name, tree)))
        return SqlUse()
    if isinstance(tree, exp.Alter):
        target = tree.this
        if not isinstance(target, exp.Table) or not _table_name(target):
            return SqlUse()
        name = _table_name(target)
        return SqlUse(foreign_keys=tuple(_foreign_keys(name, tree)))
    ctes = _ctes(tree)
    writes = {_table_name(t) for t in _write_targets(tree)} - {""}
    tables = {_table_name(t) for t in tree.find_all(exp.Table)} - {""}
    visible = {t for t in tables if t.lower() not in ctes}
    written = {t for t in writes if t.lower() not in ctes}
    return SqlUse(reads=tuple(sorted(visible - written)), writes=tuple(sorted(written)))
