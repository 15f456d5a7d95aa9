"""Ruby: ActiveRecord models and associations, ``db/schema.rb`` and Rails migrations."""

from __future__ import annotations

import re

from assess.analyzers.data.naming import camel, singular, tableize
from assess.analyzers.data.records import FileData, Model, Relation
from assess.analyzers.data.source import SourceText
from assess.analyzers.units import unit_at
from assess.model import Call, ForeignKey, Table

RECORD_BASES = frozenset({"ActiveRecord::Base", "::ActiveRecord::Base"})
_SUPERCLASS = re.compile(r"^\s*class\s+[\w:]+\s*<\s*([\w:]+)")
_ASSOCIATIONS = frozenset({"belongs_to", "has_many", "has_one", "has_and_belongs_to_many"})
_OPTION = re.compile(r"""^\s*:?(\w+)(?::\s*|\s*=>\s*)(.+)$""", re.S)
_SYMBOL = re.compile(r"""^\s*(?::(\w+)|['"](\w+)['"])\s*$""")
_TABLE_NAME = re.compile(r"""^\s*self\.table_name\s*=\s*['"]([\w.]+)['"]""")
_ABSTRACT = re.compile(r"^\s*(?:self\.abstract_class\s*=\s*true|primary_abstract_class)\b")
_TO_TABLE = re.compile(r"""to_table\s*:\s*:?['"]?(\w+)""")


def _name(arg: str) -> str | None:
    match = _SYMBOL.match(arg)
    return (match.group(1) or match.group(2)) if match else None


def _options(call: Call) -> dict[str, str]:
    found: dict[str, str] = {}
    for arg in call.args[1:]:
        for part in re.split(r",\s*(?=:?\w+(?::\s|\s*=>))", arg.strip().strip("{}")):
            match = _OPTION.match(part)
            if match:
                found[match.group(1)] = match.group(2).strip()
    return found


def _value(text: str | None) -> str | None:
    if not text:
        return None
    return text.strip().lstrip(":").strip("'\"") or None


def _model(
    src: SourceText, out: FileData, decl_name: str, start: int, end: int, supertypes: tuple[str, ...]
) -> None:
    assert src.facts is not None
    table = None
    abstract = False
    for number in range(start, end + 1):
        text = src.line(number)
        if match := _TABLE_NAME.match(text):
            table = match.group(1)
        if _ABSTRACT.match(text):
            abstract = True
    model = Model(
        name=decl_name,
        table=table or tableize(decl_name),
        file=src.path,
        line=start,
        orm="activerecord",
        unit=unit_at(src.facts, start),
        explicit_table=table is not None,
        supertypes=supertypes,
        abstract=abstract,
    )
    out.models.append(model)
    for call in src.facts.calls:
        if call.receiver or call.name not in _ASSOCIATIONS or not start <= call.line <= end or not call.args:
            continue
        member = _name(call.args[0])
        if member is None:
            continue
        options = _options(call)
        class_name = _value(options.get("class_name"))
        if "through" in options:
            source = _value(options.get("source")) or member
            target = class_name or camel(singular(source))
        else:
            target = class_name or camel(singular(member) if call.name != "belongs_to" else member)
        target = target.rsplit("::", 1)[-1]
        model.associations[member] = target
        if _value(options.get("dependent")) in ("destroy", "delete_all", "destroy_async"):
            model.cascades.add(member)
        if call.name == "belongs_to" and "polymorphic" not in options:
            column = _value(options.get("foreign_key")) or f"{member}_id"
            out.relations.append(Relation(decl_name, target, src.path, call.line, "activerecord", (column,)))
        elif call.name == "has_and_belongs_to_many":
            join = _value(options.get("join_table")) or "_".join(sorted([model.table, tableize(target)]))
            out.relations.append(
                Relation(decl_name, target, src.path, call.line, "activerecord", join_table=join)
            )


def _schema(src: SourceText, out: FileData) -> None:
    assert src.facts is not None
    calls = src.facts.calls
    source = "rails-schema" if src.path.endswith("schema.rb") else "rails-migration"
    creates = [
        c for c in calls if c.name == "create_table" and not c.receiver and c.args and _name(c.args[0])
    ]
    for index, create in enumerate(creates):
        table = _name(create.args[0])
        assert table is not None
        out.tables.append(Table(table, src.path, create.line, source))
        stop = creates[index + 1].line if index + 1 < len(creates) else 10**9
        for call in calls:
            if (
                not create.line < call.line < stop
                or call.name not in ("references", "belongs_to")
                or not call.args
            ):
                continue
            member = _name(call.args[0])
            options = _options(call)
            key = options.get("foreign_key")
            if member is None or not key or key.strip() == "false":
                continue
            to_table = _TO_TABLE.search(key)
            ref = to_table.group(1) if to_table else tableize(member)
            out.foreign_keys.append(
                ForeignKey(table, ref, src.path, call.line, source, (f"{member}_id",), ("id",))
            )
    for call in calls:
        if call.receiver or not call.args:
            continue
        if call.name == "add_foreign_key" and len(call.args) >= 2:
            table, ref = _name(call.args[0]), _name(call.args[1])
            if table and ref:
                options = _options(call)
                column = _value(options.get("column")) or f"{singular(ref)}_id"
                primary = _value(options.get("primary_key")) or "id"
                out.foreign_keys.append(
                    ForeignKey(table, ref, src.path, call.line, source, (column,), (primary,))
                )
        elif call.name == "add_reference" and len(call.args) >= 2:
            table, member = _name(call.args[0]), _name(call.args[1])
            key = _options(call).get("foreign_key")
            if table and member and key and key.strip() != "false":
                to_table = _TO_TABLE.search(key)
                ref = to_table.group(1) if to_table else tableize(member)
                out.foreign_keys.append(
                    ForeignKey(table, ref, src.path, call.line, source, (f"{member}_id",), ("id",))
                )


def scan_ruby(src: SourceText, out: FileData) -> None:
    """ActiveRecord models of one Ruby file, or the tables and keys of a schema / migration."""
    facts = src.facts
    if facts is None:
        return
    for decl in src.declarations:
        if decl.kind != "class":
            continue
        header = _SUPERCLASS.match(src.line(decl.start_line))
        if not header:
            continue
        parent = header.group(1)
        out.types[decl.name] = (parent.rsplit("::", 1)[-1],)
        _model(src, out, decl.name, decl.start_line, decl.end_line, (parent.rsplit("::", 1)[-1],))
        if parent not in RECORD_BASES:
            out.models[-1].orm = "activerecord?"
    if any(c.name == "create_table" or c.name == "add_foreign_key" for c in facts.calls):
        _schema(src, out)
