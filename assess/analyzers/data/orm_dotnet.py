"""C#: Entity Framework (``DbContext``, ``DbSet<T>``, ``OnModelCreating``, ``[Table]``) and EF migrations."""

from __future__ import annotations

import re

from assess.analyzers.data.records import FileData
from assess.analyzers.data.source import DeclaredType, SourceText
from assess.model import ForeignKey, Table

CONTEXT_BASES = frozenset(
    {"DbContext", "IdentityDbContext", "IdentityUserContext", "ApiAuthorizationDbContext"}
)
_DBSET = re.compile(r"\b(?:I?DbSet|IQueryable)<\s*([\w.]+)\s*>\s+(\w+)")
_ENTITY_CONFIG = re.compile(r"\.Entity<\s*([\w.]+)\s*>\s*\(")
_TO_TABLE = re.compile(r"""\bToTable\(\s*(?:name\s*:\s*)?"([^"]+)"(?:\s*,\s*(?:schema\s*:\s*)?"([^"]+)")?""")
_DEFAULT_SCHEMA = re.compile(r"""\bHasDefaultSchema\(\s*"([^"]+)"\s*\)""")
_PROPERTY = re.compile(
    r"\bpublic\s+(?:virtual\s+|required\s+|override\s+)*([\w.]+)(?:<([\w.,\s]+)>)?\??\s+(\w+)\s*\{\s*get"
)
_TABLE_ATTRIBUTE = re.compile(r"""^"([^"]+)"(?:\s*,\s*Schema\s*=\s*"([^"]+)")?""")
_MIGRATION_TABLE = re.compile(r"""\.CreateTable\(\s*name:\s*"([^"]+)"(?:\s*,\s*schema:\s*"([^"]+)")?""")
_MIGRATION_FK = re.compile(
    r"""\.ForeignKey\(\s*name:\s*"[^"]*",\s*column:\s*\w+\s*=>\s*\w+\.(\w+),\s*"""
    r"""(?:principalSchema:\s*"[^"]*",\s*)?principalTable:\s*"([^"]+)"(?:,\s*principalColumn:\s*"([^"]+)")?"""
)
_ADD_FK = re.compile(
    r"""\.AddForeignKey\(\s*name:\s*"[^"]*",\s*(?:schema:\s*"[^"]*",\s*)?table:\s*"([^"]+)",\s*column:\s*"([^"]+)",\s*"""
    r"""(?:principalSchema:\s*"[^"]*",\s*)?principalTable:\s*"([^"]+)"(?:,\s*principalColumn:\s*"([^"]+)")?"""
)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def scan_csharp(src: SourceText, out: FileData) -> None:
    """DbContexts with their DbSets and table mappings, entity properties, ``[Table]`` attributes."""
    facts = src.facts
    if facts is None:
        return
    for decl in src.declarations:
        if decl.kind not in ("class", "interface", "struct"):
            continue
        supertypes = src.supertypes(decl)
        if supertypes:
            out.types[decl.name] = supertypes
        body = "\n".join(src.lines[decl.start_line - 1 : decl.end_line])
        if decl.kind == "class":
            props = {m.group(3): _declared(m) for m in _PROPERTY.finditer(body)}
            if props:
                out.properties[decl.name] = props
            table_attribute = next(
                (
                    a
                    for a in facts.annotations
                    if a.name in ("Table", "TableAttribute")
                    and decl.start_line <= a.line <= decl.start_line + 3
                ),
                None,
            )
            if table_attribute and (named := _TABLE_ATTRIBUTE.match(table_attribute.args.strip())):
                out.ef_entities.append((decl.name, named.group(1), table_attribute.line, named.group(2)))
        if CONTEXT_BASES & set(supertypes) or any(s.endswith("DbContext") for s in supertypes):
            out.contexts.add(decl.name)
            _context(src, out, decl.start_line, body)
    if "Migration" in src.text and "migrationBuilder" in src.text:
        _migration(src, out)


def _declared(match: re.Match[str]) -> DeclaredType:
    generics = tuple(g.strip().rsplit(".", 1)[-1] for g in (match.group(2) or "").split(",") if g.strip())
    return DeclaredType(match.group(1).rsplit(".", 1)[-1], generics)


def _context(src: SourceText, out: FileData, first_line: int, body: str) -> None:
    default_schema = _DEFAULT_SCHEMA.search(body)
    if default_schema:
        out.default_schema = default_schema.group(1)
    sets: dict[str, tuple[str, int]] = {}
    for match in _DBSET.finditer(body):
        entity = match.group(1).rsplit(".", 1)[-1]
        out.accessors[match.group(2)] = entity
        sets.setdefault(entity, (match.group(2), first_line + body.count("\n", 0, match.start())))
    configured: dict[str, tuple[str | None, int]] = {}
    configs = list(_ENTITY_CONFIG.finditer(body))
    for index, match in enumerate(configs):
        stop = configs[index + 1].start() if index + 1 < len(configs) else len(body)
        region = body[match.end() : stop]
        to_table = _TO_TABLE.search(region)
        entity = match.group(1).rsplit(".", 1)[-1]
        line = first_line + body.count("\n", 0, match.start())
        configured[entity] = (to_table.group(1) if to_table else None, line)
    for entity, (prop, line) in sets.items():
        table, config_line = configured.get(entity, (None, line))
        out.ef_entities.append((entity, table or prop, config_line if table else line, None))
    for entity, (table, line) in configured.items():
        if entity not in sets:
            out.ef_entities.append((entity, table or entity, line, None))


def _migration(src: SourceText, out: FileData) -> None:
    text = src.text
    tables = list(_MIGRATION_TABLE.finditer(text))
    for index, match in enumerate(tables):
        name = match.group(1)
        out.tables.append(Table(name, src.path, _line(text, match.start()), "ef-migration", match.group(2)))
        stop = tables[index + 1].start() if index + 1 < len(tables) else len(text)
        for key in _MIGRATION_FK.finditer(text, match.end(), stop):
            out.foreign_keys.append(
                ForeignKey(
                    name,
                    key.group(2),
                    src.path,
                    _line(text, key.start()),
                    "ef-migration",
                    (key.group(1),),
                    (key.group(3),) if key.group(3) else (),
                )
            )
    for key in _ADD_FK.finditer(text):
        out.foreign_keys.append(
            ForeignKey(
                key.group(1),
                key.group(3),
                src.path,
                _line(text, key.start()),
                "ef-migration",
                (key.group(2),),
                (key.group(4),) if key.group(4) else (),
            )
        )
