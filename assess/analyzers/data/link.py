"""The linking pass: every file's :class:`FileData` → the app's :class:`~assess.model.DataModel`.

Models declared across files are resolved (inheritance, EF entities named by a ``DbSet``),
relations become foreign keys, SQL and ORM calls become the access matrix, and transaction
boundaries are followed through the static call graph to the tables they reach.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from assess.analyzers.data.access import AccessResolver, ModelIndex
from assess.analyzers.data.callgraph import CallGraph, FuncRef
from assess.analyzers.data.records import Boundary, Evidence, FileData, Model, Relation
from assess.analyzers.units import unit_at
from assess.model import DataModel, Entity, FileFacts, ForeignKey, Table, TableAccess, Transaction

MAX_DEPTH = 6
"""How many calls deep a transaction is followed."""
MAX_UNRESOLVED = 20
MAX_CALLEE_SHOWN = 120
"""Characters kept of an unresolved call's text (minified code has callees pages long)."""
_DDL_SOURCES = (
    "ddl",
    "flyway",
    "liquibase",
    "ef-migration",
    "rails-schema",
    "laravel-migration",
    "alembic",
    "sqlalchemy",
)
_LATER_SOURCES = ("rails-migration",)
"""Migrations whose result a schema dump (``db/schema.rb``) states more authoritatively."""
_COLLECTIONS = frozenset(
    {"ICollection", "IList", "List", "IEnumerable", "HashSet", "ISet", "IReadOnlyCollection", "IReadOnlyList"}
)
_DISTRIBUTED_KINDS = frozenset({"jta", "ejb", "spring", "transaction-scope", "jpa"})
_PENDING = re.compile(r"\?$")


@dataclass
class Linked:
    """The linked data model plus what the findings need."""

    model: DataModel
    evidence: list[tuple[str, Evidence]] = field(default_factory=list)
    """``(file, evidence)`` of every data finding site."""


def _source_rank(source: str) -> int:
    return 0 if source in _DDL_SOURCES else 1 if source in _LATER_SOURCES else 2


def _confirmed_models(data: Mapping[str, FileData]) -> list[Model]:
    """Models, with candidates kept when they extend a confirmed model; abstract ones dropped later."""
    everything = [m for d in data.values() for m in d.models]
    confirmed = {m.name for m in everything if not _PENDING.search(m.orm)}
    changed = True
    while changed:
        changed = False
        for model in everything:
            if (
                _PENDING.search(model.orm)
                and model.name not in confirmed
                and set(model.supertypes) & confirmed
            ):
                confirmed.add(model.name)
                model.orm = model.orm.rstrip("?")
                model.abstract = False
                changed = True
    return [m for m in everything if not _PENDING.search(m.orm) and m.name in confirmed]


def _type_units(facts: Mapping[str, FileFacts]) -> dict[str, list[tuple[str, str, int]]]:
    """Type name → (unit, file, line) of each declaration."""
    found: dict[str, list[tuple[str, str, int]]] = {}
    for path, file_facts in facts.items():
        for decl in file_facts.declarations:
            if decl.kind in ("class", "struct", "interface", "enum", "module"):
                found.setdefault(decl.name, []).append(
                    (unit_at(file_facts, decl.start_line), path, decl.start_line)
                )
    return found


def _ef_models(data: Mapping[str, FileData], units: dict[str, list[tuple[str, str, int]]]) -> list[Model]:
    models: dict[str, Model] = {}
    schemas = {d.default_schema for d in data.values() if d.default_schema}
    default_schema = next(iter(schemas)) if len(schemas) == 1 else None
    for path in sorted(data):
        file_data = data[path]
        for entity, table, line, schema in file_data.ef_entities:
            if entity in models and models[entity].explicit_table:
                continue
            declared = units.get(entity, [])
            unit = declared[0][0] if declared else entity
            explicit = table is not None and table != entity
            models[entity] = Model(
                name=entity,
                table=table or entity,
                file=path,
                line=line,
                orm="ef-core",
                unit=unit,
                schema=schema or file_data.default_schema or default_schema,
                explicit_table=explicit,
            )
    return list(models.values())


def _ef_relations(models: list[Model], data: Mapping[str, FileData]) -> list[Relation]:
    """Navigation properties by EF Core convention: a reference to another entity is a foreign key."""
    names = {m.name for m in models if m.orm == "ef-core"}
    properties = {name: props for d in data.values() for name, props in d.properties.items()}
    found: list[Relation] = []
    for model in models:
        if model.orm != "ef-core":
            continue
        for prop, declared in properties.get(model.name, {}).items():
            if declared.type in _COLLECTIONS and declared.generics and declared.generics[0] in names:
                model.associations[prop] = declared.generics[0]
            elif declared.type in names:
                model.associations[prop] = declared.type
                found.append(
                    Relation(model.name, declared.type, model.file, model.line, "ef-core", (f"{prop}Id",))
                )
    return found


def _index(models: list[Model], data: Mapping[str, FileData], tables: dict[str, str]) -> ModelIndex:
    index = ModelIndex(tables=tables)
    for model in models:
        index.models.setdefault(model.name, []).append(model)
    for file_data in data.values():
        index.repositories.update(file_data.repositories)
        index.accessors.update(file_data.accessors)
        index.contexts.update(file_data.contexts)
        for owner, member, target in file_data.associations:
            for model in index.models.get(owner, ()):
                model.associations.setdefault(member, target)
    return index


class _Linker:
    def __init__(
        self,
        facts: Mapping[str, FileFacts],
        data: Mapping[str, FileData],
        details: Callable[[str], None] | None = None,
    ) -> None:
        self.facts = facts
        self.data = data
        self.details = details
        units = _type_units(facts)
        models = _confirmed_models(data) + _ef_models(data, units)
        self.relations = [r for d in data.values() for r in d.relations] + _ef_relations(models, data)
        for model in models:
            if not model.unit:
                declared = units.get(model.name, [])
                model.unit = declared[0][0] if declared else model.name
        self.models = models
        self.concrete = [m for m in models if not m.abstract]
        self.tables = self._tables()
        self.canonical = {t.name.lower(): t.name for t in self.tables}
        self.index = _index(models, data, self.canonical)
        self.entity_tables = {m.name.lower(): m.table for m in self.concrete}

    # ------------------------------------------------------------------ tables and keys

    def _tables(self) -> list[Table]:
        candidates = [t for d in self.data.values() for t in d.tables]
        candidates += [Table(m.table, m.file, m.line, m.orm, m.schema) for m in self.concrete]
        for relation in (r for d in self.data.values() for r in d.relations):
            if relation.join_table:
                candidates.append(Table(relation.join_table, relation.file, relation.line, relation.source))
        chosen: dict[str, Table] = {}
        for table in sorted(candidates, key=lambda t: (_source_rank(t.source), t.file, t.line)):
            chosen.setdefault(table.name.lower(), table)
        return sorted(chosen.values(), key=lambda t: t.name.lower())

    def canonical_table(self, name: str) -> tuple[str, bool]:
        """A referenced table name in its declared spelling; True when it named an entity (JPQL)."""
        bare = name.rsplit(".", 1)[-1].strip('"`[]')
        known = self.canonical.get(bare.lower())
        if known is not None:
            return known, False
        entity = self.entity_tables.get(bare.lower())
        if entity is not None:
            return entity, True
        return bare, False

    def foreign_keys(self) -> list[ForeignKey]:
        keys = [k for d in self.data.values() for k in d.foreign_keys]
        for relation in self.relations:
            source = self.index.model(relation.model, _language(relation.file, self.facts)) or self._any(
                relation.model
            )
            target = self.index.model(relation.target, _language(relation.file, self.facts)) or self._any(
                relation.target
            )
            if source is None or source.abstract:
                continue
            if relation.join_table:
                keys.append(
                    ForeignKey(
                        relation.join_table, source.table, relation.file, relation.line, relation.source
                    )
                )
                if target is not None:
                    keys.append(
                        ForeignKey(
                            relation.join_table, target.table, relation.file, relation.line, relation.source
                        )
                    )
                continue
            ref = target.table if target is not None else relation.target_table
            if ref is None:
                continue
            keys.append(
                ForeignKey(source.table, ref, relation.file, relation.line, relation.source, relation.columns)
            )
        chosen: dict[tuple[str, str, tuple[str, ...]], ForeignKey] = {}
        pairs: set[tuple[str, str]] = set()
        for key in sorted(keys, key=lambda k: (_source_rank(k.source), k.file, k.line)):
            table = self.canonical_table(key.table)[0]
            ref = self.canonical_table(key.ref_table)[0]
            columns = tuple(c.lower() for c in key.columns)
            pair = (table.lower(), ref.lower())
            if (*pair, columns) in chosen or (not columns and pair in pairs):
                continue
            pairs.add(pair)
            chosen[(*pair, columns)] = ForeignKey(
                table, ref, key.file, key.line, key.source, key.columns, key.ref_columns
            )
        return sorted(
            chosen.values(), key=lambda k: (k.table.lower(), k.ref_table.lower(), k.columns, k.file, k.line)
        )

    def _any(self, name: str) -> Model | None:
        found = self.index.models.get(name)
        return found[0] if found else None

    # ------------------------------------------------------------------ accesses

    def accesses(self) -> list[TableAccess]:
        found: list[TableAccess] = []
        for path in sorted(self.data):
            file_data = self.data[path]
            for site in file_data.sql:
                for names, mode in ((site.use.reads, "read"), (site.use.writes, "write")):
                    for name in names:
                        table, via_entity = self.canonical_table(name)
                        via = "jpql" if via_entity and site.via == "sql" else site.via
                        schema = _qualifier(name) if not via_entity else None
                        found.append(TableAccess(site.unit, table, mode, path, site.line, via, schema))
            file_facts = self.facts.get(path)
            if file_facts is not None and not file_facts.error:
                resolver = AccessResolver(self.index, file_data, file_facts, self._with_details)
                found.extend(resolver.accesses())
        schemas = {t.name.lower(): t.schema for t in self.tables if t.schema}
        found = [
            a if a.schema or a.table.lower() not in schemas else replace(a, schema=schemas[a.table.lower()])
            for a in found
        ]
        unique = {(a.unit, a.table, a.mode, a.file, a.line): a for a in found}
        return sorted(unique.values(), key=lambda a: (a.file, a.line, a.table, a.mode))

    # ------------------------------------------------------------------ transactions

    def _with_details(self, path: str) -> FileData:
        """A file's data with the details the per-file pass may have left for later."""
        file_data = self.data[path]
        if file_data.details_pending and self.details is not None:
            self.details(path)
        return file_data

    def transactions(self, accesses: list[TableAccess], distributed_app: bool) -> list[Transaction]:
        if not any(d.boundaries for d in self.data.values()):
            return []
        graph = CallGraph(self.facts, self.data, self._with_details)
        by_file: dict[str, list[TableAccess]] = {}
        for access in accesses:
            by_file.setdefault(access.file, []).append(access)
        found: list[Transaction] = []
        for path in sorted(self.data):
            for boundary in self.data[path].boundaries:
                found.append(self._follow(graph, by_file, path, boundary, distributed_app))
        return sorted(found, key=lambda t: (t.file, t.line, t.kind))

    def _follow(
        self,
        graph: CallGraph,
        by_file: dict[str, list[TableAccess]],
        path: str,
        boundary: Boundary,
        distributed_app: bool,
    ) -> Transaction:
        tables: set[str] = set()
        unresolved: set[str] = set()
        depth = 0
        visited: set[tuple[str, int]] = set()
        queue: deque[tuple[str, int, int, int]] = deque([(path, boundary.start, boundary.end, 0)])
        while queue:
            file, start, end, level = queue.popleft()
            depth = max(depth, level)
            tables.update(a.table for a in by_file.get(file, ()) if start <= a.line <= end)
            for call in graph.calls_in(file, start, end):
                targets = graph.resolve(file, call)
                if targets is None:
                    unresolved.add(_shown(call.callee))
                    continue
                for target in targets:
                    key = (target.path, target.decl.start_line)
                    if key in visited or (target.path == file and start <= target.decl.start_line <= end):
                        continue
                    if level + 1 > MAX_DEPTH:
                        unresolved.add(f"{_shown(call.callee)} (depth limit)")
                        continue
                    visited.add(key)
                    queue.append(_scope(target, level + 1))
        return Transaction(
            unit=boundary.unit,
            name=boundary.name,
            file=path,
            line=boundary.line,
            kind=boundary.kind,
            tables=tuple(sorted(tables, key=str.lower)),
            depth=depth,
            unresolved=tuple(sorted(unresolved)[:MAX_UNRESOLVED]),
            distributed=distributed_app and boundary.kind in _DISTRIBUTED_KINDS,
        )

    def entities(self) -> list[Entity]:
        found = {(m.unit, m.table): Entity(m.unit, m.table, m.file, m.line, m.orm) for m in self.concrete}
        return sorted(found.values(), key=lambda e: (e.unit, e.table))


def _shown(callee: str) -> str:
    """A call's text as a transaction lists it: on one line, long ones cut with an ellipsis."""
    flat = " ".join(callee.split())
    return flat if len(flat) <= MAX_CALLEE_SHOWN else flat[: MAX_CALLEE_SHOWN - 1] + "…"


def _qualifier(name: str) -> str | None:
    """The schema of a qualified table name (``billing.invoices`` → ``billing``), else None."""
    parts = [p.strip('"`[]') for p in name.split(".")]
    return (parts[-2] or None) if len(parts) >= 2 else None


def _scope(target: FuncRef, level: int) -> tuple[str, int, int, int]:
    return (target.path, target.decl.start_line, target.decl.end_line, level)


def _language(path: str, facts: Mapping[str, FileFacts]) -> str:
    found = facts.get(path)
    if found is not None:
        return found.language
    if path.endswith(".prisma"):
        return "typescript"
    if path.endswith(".xml"):
        return "java"
    return ""


def link(
    facts: Mapping[str, FileFacts],
    data: Mapping[str, FileData],
    details: Callable[[str], None] | None = None,
) -> Linked:
    """Join the per-file data of one app into its data model and finding sites.

    ``details(path)`` fills in a file's pending details (see ``scan_file(details=False)``); it is
    called only for the files whose calls are resolved.
    """
    linker = _Linker(facts, data, details)
    evidence = [(path, e) for path in sorted(data) for e in data[path].evidence]
    distributed_app = any(e.rule_id == "distributed-transaction" for _p, e in evidence)
    accesses = linker.accesses()
    model = DataModel(
        tables=tuple(linker.tables),
        entities=tuple(linker.entities()),
        foreign_keys=tuple(linker.foreign_keys()),
        accesses=tuple(accesses),
        transactions=tuple(linker.transactions(accesses, distributed_app)),
    )
    return Linked(model, evidence)
