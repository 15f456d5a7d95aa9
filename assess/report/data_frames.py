"""Tidy DataFrames of the data analysis (tables, keys, entities, access matrix, transactions).

Every function accepts what :func:`assess.report.frames.as_portfolio` accepts: one assessment,
an iterable of them, a portfolio, or a portfolio output folder. One row per thing, with
``app`` first. :func:`dependencies_frame` and :func:`data_access_frame` are the ones of
:mod:`assess.report.frames`, re-exported so the data frames are all in one place.
:func:`shared_tables_frame` looks across the apps: tables that several of them declare or use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from assess.analyzers.data.domains import spanned_services, table_owners
from assess.analyzers.data.portfolio import shared_schemas
from assess.report.frames import PortfolioLike, as_portfolio, data_access_frame, dependencies_frame

__all__ = [
    "access_matrix",
    "data_access_frame",
    "dependencies_frame",
    "entities_frame",
    "foreign_keys_frame",
    "shared_tables_frame",
    "tables_frame",
    "transactions_frame",
]

TABLE_COLUMNS = ("app", "table", "schema", "source", "file", "line")
ENTITY_COLUMNS = ("app", "unit", "table", "orm", "file", "line")
FOREIGN_KEY_COLUMNS = ("app", "table", "columns", "ref_table", "ref_columns", "source", "file", "line")
TRANSACTION_COLUMNS = (
    "app",
    "unit",
    "name",
    "kind",
    "file",
    "line",
    "tables",
    "table_count",
    "depth",
    "unresolved",
    "distributed",
    "services",
)
SHARED_TABLE_COLUMNS = ("app", "table", "how", "file", "line", "shared_with", "group")


def _frame(rows: list[dict[str, Any]], columns: Iterable[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def tables_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per table (from DDL, migrations or an ORM mapping) and where it is declared."""
    rows = [
        {
            "app": a.app,
            "table": t.name,
            "schema": t.schema or "",
            "source": t.source,
            "file": t.file,
            "line": t.line,
        }
        for a in as_portfolio(data).assessments
        for t in a.data.tables
    ]
    return _frame(rows, TABLE_COLUMNS)


def entities_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per ORM entity / model: the code unit and the table it maps."""
    rows = [
        {"app": a.app, "unit": e.unit, "table": e.table, "orm": e.orm, "file": e.file, "line": e.line}
        for a in as_portfolio(data).assessments
        for e in a.data.entities
    ]
    return _frame(rows, ENTITY_COLUMNS)


def foreign_keys_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per foreign key (``table(columns)`` → ``ref_table(ref_columns)``, ``;``-joined)."""
    rows = [
        {
            "app": a.app,
            "table": k.table,
            "columns": ";".join(k.columns),
            "ref_table": k.ref_table,
            "ref_columns": ";".join(k.ref_columns),
            "source": k.source,
            "file": k.file,
            "line": k.line,
        }
        for a in as_portfolio(data).assessments
        for k in a.data.foreign_keys
    ]
    return _frame(rows, FOREIGN_KEY_COLUMNS)


def transactions_frame(data: PortfolioLike, *, per_table: bool = False) -> pd.DataFrame:
    """One row per transaction boundary (tables ``;``-joined), or one per (transaction, table).

    With ``per_table=True`` the ``tables`` column holds one table per row (a transaction that
    reaches no table keeps one row with an empty ``tables``), ready for a pivot. ``services``
    names the candidate services of the app's decomposition that own its tables (``;``-joined;
    two or more: cutting the app that way would distribute the transaction).
    """
    rows: list[dict[str, Any]] = []
    for a in as_portfolio(data).assessments:
        owners = table_owners(a.decomposition) if a.decomposition is not None else {}
        for t in a.data.transactions:
            base = {
                "app": a.app,
                "unit": t.unit,
                "name": t.name,
                "kind": t.kind,
                "file": t.file,
                "line": t.line,
                "table_count": len(t.tables),
                "depth": t.depth,
                "unresolved": ";".join(t.unresolved),
                "distributed": t.distributed,
                "services": ";".join(spanned_services(t, owners)),
            }
            if per_table:
                rows.extend({**base, "tables": table} for table in (t.tables or ("",)))
            else:
                rows.append({**base, "tables": ";".join(t.tables)})
    return _frame(rows, TRANSACTION_COLUMNS)


def access_matrix(data: PortfolioLike) -> pd.DataFrame:
    """The unit × table matrix: ``R``, ``W`` or ``RW`` per cell (index ``app``, ``unit``)."""
    frame = data_access_frame(data)
    if frame.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["app", "unit"]))
    marks = frame.assign(mark=frame["mode"].map({"read": "R", "write": "W"}))
    cells = marks.groupby(["app", "unit", "table"])["mark"].agg(lambda m: "".join(sorted(set(m))))
    return cells.unstack("table").fillna("")


def shared_tables_frame(data: PortfolioLike, *, min_tables: int = 2) -> pd.DataFrame:
    """Tables that several apps declare or use: one row per (group of apps, app, table).

    ``how`` is ``declares``, ``reads`` or ``writes`` (the app's first declaration or use, at
    ``file``:``line``); ``shared_with`` lists the group's other apps; ``group`` numbers the
    groups, largest overlap first. Apps sharing fewer than ``min_tables`` tables are left out.
    """
    rows: list[dict[str, Any]] = []
    for number, group in enumerate(shared_schemas(as_portfolio(data).assessments, min_tables=min_tables), 1):
        for use in group.uses:
            rows.append(
                {
                    "app": use.app,
                    "table": use.table,
                    "how": use.how,
                    "file": use.file,
                    "line": use.line,
                    "shared_with": ";".join(a for a in group.apps if a != use.app),
                    "group": number,
                }
            )
    return _frame(rows, SHARED_TABLE_COLUMNS)
