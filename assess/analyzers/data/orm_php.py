"""PHP: Eloquent models and relations, Laravel migrations, Doctrine attribute mappings."""

from __future__ import annotations

import re

from assess.analyzers.data.naming import singular, snake, tableize
from assess.analyzers.data.records import FileData, Model, Relation, TableRef
from assess.analyzers.data.source import SourceText
from assess.analyzers.units import qualified
from assess.model import Call, ForeignKey, Table

ELOQUENT_BASES = frozenset({"Model", "Authenticatable", "Pivot", "User", "MorphPivot"})
_ELOQUENT_RELATIONS = frozenset(
    {
        "belongsTo",
        "hasMany",
        "hasOne",
        "belongsToMany",
        "hasManyThrough",
        "hasOneThrough",
        "morphMany",
        "morphOne",
    }
)
_TABLE_PROPERTY = re.compile(r"""^\s*protected\s+(?:\??string\s+)?\$table\s*=\s*['"]([\w.]+)['"]""")
_CLASS_CONST = re.compile(r"^\\?([\w\\]+)::class$")
_STRING = re.compile(r"""^\s*['"]([^'"]+)['"]\s*$""")
_DOCTRINE_NAME = re.compile(r"""\bname\s*:\s*['"]([^'"]+)['"]""")
_DOCTRINE_TARGET = re.compile(r"""targetEntity\s*:\s*\\?([\w\\]+)::class""")


def _class_name(arg: str) -> str | None:
    match = _CLASS_CONST.match(arg.strip())
    return match.group(1).rsplit("\\", 1)[-1] if match else None


def _string(arg: str) -> str | None:
    match = _STRING.match(arg)
    return match.group(1) if match else None


def _eloquent(
    src: SourceText, out: FileData, name: str, start: int, end: int, supertypes: tuple[str, ...]
) -> Model:
    assert src.facts is not None
    table = next(
        (m.group(1) for n in range(start, end + 1) if (m := _TABLE_PROPERTY.match(src.line(n)))), None
    )
    model = Model(
        name=name,
        table=table or tableize(name),
        file=src.path,
        line=start,
        orm="eloquent",
        unit=qualified(src.facts, name),
        explicit_table=table is not None,
        supertypes=supertypes,
    )
    out.models.append(model)
    for call in src.facts.calls:
        if (
            not start <= call.line <= end
            or call.name not in _ELOQUENT_RELATIONS
            or call.receiver != "$this"
            or not call.args
        ):
            continue
        target = _class_name(call.args[0])
        method = src.enclosing_function(call.line)
        if target is None or method is None:
            continue
        model.associations[method.name] = target
        if call.name == "belongsTo":
            column = _string(call.args[1]) if len(call.args) > 1 else None
            column = column or f"{snake(method.name)}_id"
            out.relations.append(Relation(name, target, src.path, call.line, "eloquent", (column,)))
        elif call.name == "belongsToMany":
            pivot = _string(call.args[1]) if len(call.args) > 1 else None
            default = "_".join(sorted([snake(singular(tableize(name))), snake(target)]))
            out.relations.append(
                Relation(name, target, src.path, call.line, "eloquent", join_table=pivot or default)
            )
    return model


def _migration(src: SourceText, out: FileData) -> None:
    assert src.facts is not None
    calls = src.facts.calls
    blocks = [
        c
        for c in calls
        if c.receiver == "Schema" and c.name in ("create", "table") and c.args and _string(c.args[0])
    ]
    for index, block in enumerate(blocks):
        table = _string(block.args[0])
        assert table is not None
        if block.name == "create":
            out.tables.append(Table(table, src.path, block.line, "laravel-migration"))
        end = src.block_end(block.line, blocks[index + 1].line - 1 if index + 1 < len(blocks) else 10**9)
        inside = [c for c in calls if block.line < c.line <= end]
        for call in inside:
            foreign = _foreign(call)
            if foreign is not None:
                columns, ref_table, ref_columns = foreign
                out.foreign_keys.append(
                    ForeignKey(
                        table, ref_table, src.path, call.line, "laravel-migration", columns, ref_columns
                    )
                )


def _foreign(call: Call) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
    """The key a ``$table->…`` chain declares: foreignId()->constrained(), foreign()->references()->on()."""
    if call.name == "constrained" and call.receiver:
        head = re.match(r"\$\w+->(foreignId|foreignIdFor|foreignUuid|foreignUlid)\(([^)]*)\)", call.receiver)
        if not head:
            return None
        arg = head.group(2).split(",")[0].strip()
        if head.group(1) == "foreignIdFor":
            model = _class_name(arg)
            if model is None:
                return None
            column = f"{snake(model)}_id"
            default_ref = tableize(model)
        else:
            column = _string(arg) or ""
            default_ref = tableize(column.removesuffix("_id")) if column else ""
        ref = _string(call.args[0]) if call.args else None
        ref_column = _string(call.args[1]) if len(call.args) > 1 else None
        if not column or not (ref or default_ref):
            return None
        return (column,), ref or default_ref, (ref_column or "id",)
    if call.name == "on" and call.receiver and call.args:
        head = re.match(r"\$\w+->foreign\(([^)]*)\)->references\(([^)]*)\)", call.receiver)
        ref = _string(call.args[0])
        if not head or not ref:
            return None
        columns = tuple(re.findall(r"""['"](\w+)['"]""", head.group(1)))
        ref_columns = tuple(re.findall(r"""['"](\w+)['"]""", head.group(2)))
        return columns, ref, ref_columns
    return None


def _doctrine(src: SourceText, out: FileData, name: str, start: int, end: int) -> None:
    assert src.facts is not None
    annotations = [a for a in src.facts.annotations if start - 4 <= a.line <= end]
    table = next((a for a in annotations if a.name.endswith("Table") and a.line <= start + 1), None)
    named = _DOCTRINE_NAME.search(table.args) if table else None
    model = Model(
        name=name,
        table=named.group(1) if named else snake(name),
        file=src.path,
        line=start,
        orm="doctrine",
        unit=qualified(src.facts, name),
        explicit_table=bool(named),
    )
    out.models.append(model)
    for annotation in annotations:
        kind = annotation.name.rsplit("\\", 1)[-1]
        if kind not in ("ManyToOne", "OneToOne", "OneToMany", "ManyToMany"):
            continue
        target = _DOCTRINE_TARGET.search(annotation.args)
        member = re.search(
            r"\$(\w+)", " ".join(src.line(n) for n in range(annotation.line, annotation.line + 4))
        )
        if not target or not member:
            continue
        target_name = target.group(1).rsplit("\\", 1)[-1]
        model.associations[member.group(1)] = target_name
        if kind in ("ManyToOne", "OneToOne") and "mappedBy" not in annotation.args:
            join = next(
                (
                    a
                    for a in annotations
                    if a.name.endswith("JoinColumn") and annotation.line < a.line <= annotation.line + 3
                ),
                None,
            )
            column = _DOCTRINE_NAME.search(join.args) if join else None
            columns = (column.group(1),) if column else (f"{snake(member.group(1))}_id",)
            out.relations.append(Relation(name, target_name, src.path, annotation.line, "doctrine", columns))


def scan_php(src: SourceText, out: FileData) -> None:
    """Eloquent / Doctrine models, Laravel migrations and ``DB::table('x')`` references of one file."""
    facts = src.facts
    if facts is None:
        return
    for decl in src.declarations:
        if decl.kind != "class":
            continue
        supertypes = src.supertypes(decl)
        if supertypes:
            out.types[decl.name] = supertypes
        entity = any(
            a.name.rsplit("\\", 1)[-1] == "Entity" and decl.start_line - 4 <= a.line <= decl.start_line + 1
            for a in facts.annotations
        )
        if entity:
            _doctrine(src, out, decl.name, decl.start_line, decl.end_line)
        elif supertypes and supertypes[0] in ELOQUENT_BASES:
            _eloquent(src, out, decl.name, decl.start_line, decl.end_line, supertypes)
        elif supertypes and supertypes[0] not in ("Controller", "Migration", "Command", "ServiceProvider"):
            model = _eloquent(src, out, decl.name, decl.start_line, decl.end_line, supertypes)
            model.orm = "eloquent?"
    if any(c.receiver == "Schema" for c in facts.calls):
        _migration(src, out)
    for call in facts.calls:
        if call.name == "table" and call.receiver == "DB" and call.args and (table := _string(call.args[0])):
            out.table_refs.append(TableRef(call.line, table))
