"""Transaction boundaries of one file: annotations, decorators and calls that open a transaction.

A boundary encloses lines: the annotated method, the ``with``/``do``/``{`` block a call opens,
or (for ``tx := db.Begin()`` style calls) the rest of the enclosing function.
"""

from __future__ import annotations

import re

from assess.analyzers.data.records import Boundary
from assess.analyzers.data.source import SourceText
from assess.analyzers.units import unit_at
from assess.model import Annotation, Call, Declaration

_EJB_BEANS = frozenset({"Stateless", "Stateful", "Singleton", "MessageDriven"})
_EJB_NO_TRANSACTION = re.compile(r"\b(NEVER|NOT_SUPPORTED)\b")
_SESSION_RECEIVER = re.compile(r"(?i)(session|engine|conn|connection|\bdb\b)")
_JS_TRANSACTION_RECEIVER = re.compile(
    r"(?i)(sequelize|datasource|manager|connection|knex|\bdb\b|trx|orm|typeorm)"
)
_QUERY_RUNNER = re.compile(r"(?i)(runner|manager|\bem\b|connection|\bconn\b|\bdb\b|\borm\b)")
"""Receivers of TypeORM's ``QueryRunner`` / MikroORM's ``EntityManager`` ``startTransaction()``."""
_USER_TRANSACTION = re.compile(r"(?i)(usertransaction|\butx\b|\but\b|\btx\b)")


def _name_at(src: SourceText, line: int) -> str:
    function = src.enclosing_function(line)
    if function is not None:
        return function.name
    owner = src.enclosing_type(line)
    return owner.name if owner is not None else "<module>"


def _fallback_end(src: SourceText, line: int) -> int:
    function = src.enclosing_function(line)
    return function.end_line if function is not None else len(src.lines)


def _boundary(
    src: SourceText, line: int, kind: str, start: int | None = None, end: int | None = None
) -> Boundary:
    assert src.facts is not None
    if end is None:
        end = src.block_end(line, _fallback_end(src, line))
    return Boundary(
        line=line,
        kind=kind,
        name=_name_at(src, line),
        unit=unit_at(src.facts, line),
        start=line if start is None else start,
        end=max(end, line),
    )


def _annotation_boundaries(src: SourceText) -> list[Boundary]:
    """Method- and class-level ``@Transactional`` / EJB / decorator boundaries."""
    facts = src.facts
    assert facts is not None
    found: list[Boundary] = []
    jta = any(
        i.module.startswith(("javax.transaction.Transactional", "jakarta.transaction.Transactional"))
        for i in facts.imports
    )
    methods = [d for d in src.declarations if d.kind in ("method", "function")]

    def kind_of(annotation: Annotation) -> str | None:
        name = annotation.name.rsplit(".", 1)[-1]
        if src.language == "java" and name == "Transactional":
            return "jta" if jta else "spring"
        if src.language == "java" and name == "TransactionAttribute":
            return None if _EJB_NO_TRANSACTION.search(annotation.args) else "ejb"
        if src.language == "python" and annotation.name in (
            "transaction.atomic",
            "atomic",
            "db.transaction.atomic",
        ):
            return "django"
        if src.language == "typescript" and name in ("Transactional", "Transaction"):
            return "typeorm"
        if src.language == "php" and name == "Transactional":
            return "doctrine"
        return None

    covered: set[int] = set()
    for annotation in facts.annotations:
        kind = kind_of(annotation)
        if kind is None:
            if annotation.name.endswith("TransactionAttribute"):  # NEVER / NOT_SUPPORTED: no transaction
                covered.update(m.start_line for m in methods if m.start_line <= annotation.line <= m.end_line)
            continue
        method = next(
            (
                m
                for m in methods
                if m.start_line <= annotation.line <= m.start_line + 3 and annotation.line <= m.end_line
            ),
            None,
        )
        if method is not None:
            if method.start_line not in covered:
                covered.add(method.start_line)
                found.append(_boundary(src, annotation.line, kind, method.start_line, method.end_line))
            continue
        owner = src.enclosing_type(annotation.line)
        if owner is not None and annotation.line <= owner.start_line + 5:
            found.extend(_class_level(src, owner, kind, covered))
    if src.language == "java":
        found.extend(_ejb_beans(src, covered))
    return found


def _class_level(src: SourceText, owner: Declaration, kind: str, covered: set[int]) -> list[Boundary]:
    found: list[Boundary] = []
    for method in src.declarations:
        if method.kind != "method" or method.container != owner.name or method.start_line in covered:
            continue
        if method.name == owner.name or not re.search(r"\bpublic\b", src.header(method)):
            continue
        covered.add(method.start_line)
        found.append(_boundary(src, method.start_line, kind, method.start_line, method.end_line))
    return found


def _ejb_beans(src: SourceText, covered: set[int]) -> list[Boundary]:
    facts = src.facts
    assert facts is not None
    found: list[Boundary] = []
    for owner in src.declarations:
        if owner.kind != "class":
            continue
        head = [a for a in facts.annotations if owner.start_line <= a.line <= owner.start_line + 5]
        names = {a.name.rsplit(".", 1)[-1] for a in head}
        if not names & _EJB_BEANS:
            continue
        if any(a.name.endswith("TransactionManagement") and "BEAN" in a.args for a in head):
            continue
        found.extend(_class_level(src, owner, "ejb", covered))
    return found


def _call_kind(src: SourceText, call: Call) -> str | None:
    language = src.language
    receiver = call.receiver or ""
    name = call.name
    if language == "java":
        if name == "begin" and receiver.endswith("getTransaction()"):
            return "jpa"
        if name == "begin" and _USER_TRANSACTION.search(receiver):
            return "jta"
        if name in ("execute", "executeWithoutResult") and re.search(
            r"(?i)transactiontemplate|txtemplate", receiver
        ):
            return "spring"
        if name == "setAutoCommit" and call.args and call.args[0].strip() == "false":
            return "jdbc"
    elif language == "csharp":
        if call.kind == "new" and name == "TransactionScope":
            return "transaction-scope"
        if name in ("BeginTransaction", "BeginTransactionAsync"):
            return "ef-core" if "Database" in receiver else "ado-net"
    elif language == "python":
        if call.callee in ("transaction.atomic", "atomic", "db.transaction.atomic"):
            return "django"
        if name in ("begin", "begin_nested") and _SESSION_RECEIVER.search(receiver):
            return "sqlalchemy"
        if name == "atomic" and receiver.endswith("db"):
            return "peewee"
        if name == "transaction" and call.callee != "transaction.atomic":
            return "db-api"
    elif language in ("javascript", "typescript"):
        if name == "$transaction":
            return "prisma"
        if name == "startTransaction" and _QUERY_RUNNER.search(receiver):  # not Sentry.startTransaction()
            return "typeorm"
        if name == "transaction" and _JS_TRANSACTION_RECEIVER.search(receiver):
            lowered = receiver.lower()
            return "sequelize" if "sequelize" in lowered else "knex" if "knex" in lowered else "typeorm"
        if (
            name == "query"
            and call.args
            and re.fullmatch(r"""\s*['"`]\s*BEGIN\s*['"`]\s*""", call.args[0], re.I)
        ):
            return "sql"
    elif language == "go":
        if name in ("Begin", "BeginTx"):
            return "sql-tx"
        if name == "Transaction" and call.args and "func" in call.args[0]:
            return "gorm"
    elif language == "ruby":
        if name == "transaction":
            return "activerecord"
    elif language == "php":
        if receiver == "DB" and name in ("transaction", "beginTransaction"):
            return "laravel"
        if name == "beginTransaction":
            return "pdo" if "pdo" in receiver.lower() else "doctrine"
        if name in ("transactional", "wrapInTransaction"):
            return "doctrine"
    return None


def find_boundaries(src: SourceText) -> list[Boundary]:
    """Every transaction boundary of one code file, in line order."""
    if src.facts is None:
        return []
    found = _annotation_boundaries(src)
    annotated = {b.line for b in found}
    for call in src.facts.calls:
        kind = _call_kind(src, call)
        if kind is None or call.line in annotated:
            continue
        found.append(_boundary(src, call.line, kind))
    found.sort(key=lambda b: (b.line, b.kind))
    return found
