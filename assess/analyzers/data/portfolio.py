"""Across a portfolio: database tables that several applications declare or use.

Two apps that both declare or query ``billing.invoices`` most likely share one schema, which
ties their release cycles together and makes neither one a self-contained service. This is a
pure function over finished assessments; the portfolio runner calls it once every app is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assess.analyzers.analyzer_rules import AnalyzerRule
from assess.model import Assessment, Confidence, Dimension, Finding, Severity

RULE = AnalyzerRule(
    id="shared-database-schema",
    title="Database schema shared with other applications",
    message="Tables of this app are declared or used by other applications of the portfolio as well: "
    "a shared schema couples their releases and data ownership.",
    dimension=Dimension.DECOMPOSITION,
    category="data",
    severity=Severity.OPTIONAL,
    confidence=Confidence.MEDIUM,
    effort=7,
    remediation="Give one application ownership of the tables and let the others use its API or events; "
    "split the schema before splitting the apps.",
)


@dataclass(frozen=True, slots=True)
class TableUse:
    """Where one app declares or uses a shared table (the first place found)."""

    app: str
    table: str
    how: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class SharedSchema:
    """Apps that share tables: the apps, the tables they all touch, and where each does."""

    apps: tuple[str, ...]
    tables: tuple[str, ...]
    uses: tuple[TableUse, ...]


Key = tuple[str, str | None]
"""A table across apps: (bare name in lower case, schema in lower case or None when unknown)."""


def _key(name: str, schema: str | None) -> Key:
    return name.rsplit(".", 1)[-1].strip('"`[]').lower(), schema.lower() if schema else None


def _uses(assessment: Assessment) -> dict[Key, TableUse]:
    """Table key → the app's first declaration (or, failing that, access) of it."""
    found: dict[Key, TableUse] = {}
    schemas = {t.name.lower(): t.schema for t in assessment.data.tables}
    for table in assessment.data.tables:
        found.setdefault(
            _key(table.name, table.schema),
            TableUse(assessment.app, table.name, "declares", table.file, table.line),
        )
    for access in assessment.data.accesses:
        key = _key(access.table, access.schema or schemas.get(access.table.lower()))
        found.setdefault(
            key, TableUse(assessment.app, access.table, access.mode + "s", access.file, access.line)
        )
    return found


def shared_schemas(assessments: Iterable[Assessment], *, min_tables: int = 2) -> list[SharedSchema]:
    """Groups of apps sharing at least ``min_tables`` tables, largest overlap first.

    Tables match on ``schema.name`` when a schema is known, else on the name (case-insensitive);
    a use without a schema joins the only schema the portfolio knows for that name, if there
    is exactly one. Each group lists the apps that all touch every one of its tables; an app
    may be in several groups. Apps with the same name are counted once.
    """
    per_app: list[tuple[str, dict[Key, TableUse]]] = [(a.app, _uses(a)) for a in assessments]
    schemas_of: dict[str, set[str]] = {}
    for _app, uses in per_app:
        for bare, schema in uses:
            if schema:
                schemas_of.setdefault(bare, set()).add(schema)
    by_table: dict[Key, dict[str, TableUse]] = {}
    for app, uses in per_app:
        for (bare, schema), use in uses.items():
            known = schemas_of.get(bare, set())
            key = (bare, schema or (next(iter(known)) if len(known) == 1 else None))
            by_table.setdefault(key, {}).setdefault(app, use)
    groups: dict[tuple[str, ...], list[Key]] = {}
    for key, users in by_table.items():
        if len(users) >= 2:
            groups.setdefault(tuple(sorted(users)), []).append(key)
    # Tables shared by a larger set of apps are shared by each subset too.
    for apps in list(groups):
        for other, keys in groups.items():
            if other != apps and set(apps) < set(other):
                groups[apps] = sorted(set(groups[apps]) | set(keys), key=str)
    result: list[SharedSchema] = []
    for apps, keys in groups.items():
        if len(keys) < min_tables:
            continue
        shared = tuple(by_table[k][app] for k in sorted(keys, key=str) for app in apps)
        names = tuple(sorted({by_table[k][apps[0]].table for k in keys}, key=str.lower))
        result.append(SharedSchema(apps, names, shared))
    result.sort(key=lambda s: (-len(s.tables), -len(s.apps), s.apps))
    return result


def shared_schema_findings(
    assessments: Iterable[Assessment], *, min_tables: int = 2
) -> dict[str, tuple[Finding, ...]]:
    """App → one ``shared-database-schema`` finding per shared table, at its declaration or first use."""
    findings: dict[str, dict[tuple[str, int], Finding]] = {}
    for group in shared_schemas(assessments, min_tables=min_tables):
        for use in group.uses:
            others = ", ".join(a for a in group.apps if a != use.app)
            snippet = f"{use.table} ({use.how}; also used by {others})"
            findings.setdefault(use.app, {}).setdefault(
                (use.file, use.line), RULE.finding(use.file, use.line, snippet)
            )
    return {
        app: tuple(sorted(found.values(), key=lambda f: (f.file, f.line))) for app, found in findings.items()
    }
