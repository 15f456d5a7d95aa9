"""JavaScript / TypeScript: TypeORM entities, Sequelize models and associations, Prisma schemas."""

from __future__ import annotations

import re

from assess.analyzers.data.naming import camel, plural, snake
from assess.analyzers.data.records import FileData, Model, Relation
from assess.analyzers.data.source import SourceText
from assess.analyzers.units import unit_at
from assess.model import Annotation, Declaration

_RELATIONS = frozenset({"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"})
_STRING = re.compile(r"""['"`]([^'"`]+)['"`]""")
_NAME_OPTION = re.compile(r"""\bname\s*:\s*['"`]([^'"`]+)['"`]""")
_TABLE_OPTION = re.compile(r"""\btableName\s*:\s*['"`]([^'"`]+)['"`]""")
_MODEL_NAME_OPTION = re.compile(r"""\bmodelName\s*:\s*['"`]([^'"`]+)['"`]""")
_FREEZE = re.compile(r"\bfreezeTableName\s*:\s*true")
_ARROW_TARGET = re.compile(r"=>\s*([A-Z]\w*)")
_MEMBER = re.compile(r"^\s*(?:(?:public|private|protected|readonly|declare)\s+)*(\w+)\s*[?!]?\s*:\s*([\w.]+)")
_DEFINE = re.compile(r"""(?:const|let|var)?\s*(\w+)?\s*=?\s*[\w.]*\.define\(\s*['"`](\w+)['"`]""")
_FOREIGN_KEY_OPTION = re.compile(
    r"""\bforeignKey\s*:\s*(?:['"`](\w+)['"`]|\{\s*name\s*:\s*['"`](\w+)['"`])"""
)
_THROUGH_OPTION = re.compile(r"""\bthrough\s*:\s*['"`](\w+)['"`]""")
_AS_OPTION = re.compile(r"""\bas\s*:\s*['"`](\w+)['"`]""")
_SEQUELIZE_ASSOCIATIONS = frozenset({"belongsTo", "hasMany", "hasOne", "belongsToMany"})


def _class_decorators(src: SourceText, decl: Declaration) -> list[Annotation]:
    if src.facts is None:
        return []
    class_line = next(
        (
            n
            for n in range(decl.start_line, decl.end_line + 1)
            if re.search(rf"\bclass\s+{re.escape(decl.name)}\b", src.line(n))
        ),
        decl.start_line,
    )
    return [a for a in src.facts.annotations if decl.start_line - 3 <= a.line <= class_line]


def _typeorm(src: SourceText, out: FileData, decl: Declaration, entity: Annotation) -> None:
    assert src.facts is not None
    named = _STRING.match(entity.args.strip()) or _NAME_OPTION.search(entity.args)
    model = Model(
        name=decl.name,
        table=named.group(1) if named else snake(decl.name),
        file=src.path,
        line=entity.line,
        orm="typeorm",
        unit=unit_at(src.facts, decl.start_line),
        explicit_table=bool(named),
    )
    out.models.append(model)
    members = [
        a
        for a in src.facts.annotations
        if decl.start_line <= a.line <= decl.end_line and a.line > entity.line
    ]
    for annotation in members:
        if annotation.name not in _RELATIONS:
            continue
        target_match = _ARROW_TARGET.search(annotation.args) or _STRING.match(annotation.args.strip())
        member_line = next(
            (
                n
                for n in range(annotation.line, min(decl.end_line, annotation.line + 6) + 1)
                if _MEMBER.match(src.line(n))
            ),
            None,
        )
        member = _MEMBER.match(src.line(member_line)) if member_line else None
        if not target_match or not member:
            continue
        target = target_match.group(1)
        model.associations[member.group(1)] = target
        near = [a for a in members if annotation.line <= a.line <= (member_line or annotation.line)]
        join_column = next((a for a in near if a.name == "JoinColumn"), None)
        join_table = next((a for a in near if a.name == "JoinTable"), None)
        if annotation.name in ("ManyToOne",) or (annotation.name == "OneToOne" and join_column):
            column = _NAME_OPTION.search(join_column.args) if join_column else None
            columns = (column.group(1),) if column else (f"{member.group(1)}Id",)
            out.relations.append(Relation(decl.name, target, src.path, annotation.line, "typeorm", columns))
        elif annotation.name == "ManyToMany" and join_table:
            named_table = _NAME_OPTION.search(join_table.args)
            table = (
                named_table.group(1)
                if named_table
                else f"{model.table}_{snake(member.group(1))}_{snake(target)}"
            )
            out.relations.append(
                Relation(decl.name, target, src.path, annotation.line, "typeorm", join_table=table)
            )


def _sequelize(src: SourceText, out: FileData) -> None:
    assert src.facts is not None
    facts = src.facts
    for call in facts.calls:
        if call.name == "define" and call.args and _STRING.match(call.args[0].strip()):
            model_name = _STRING.match(call.args[0].strip())
            assert model_name is not None
            options = call.args[2] if len(call.args) > 2 else ""
            table = _TABLE_OPTION.search(options)
            name = model_name.group(1)
            variable = re.search(
                rf"(\w+)\s*=\s*[\w.]*define\(\s*['\"`]{re.escape(name)}", src.line(call.line)
            )
            default = name if _FREEZE.search(options) else plural(name)
            out.models.append(
                Model(
                    name=variable.group(1) if variable else camel(name),
                    table=table.group(1) if table else default,
                    file=src.path,
                    line=call.line,
                    orm="sequelize",
                    unit=unit_at(facts, call.line),
                    explicit_table=bool(table),
                )
            )
        elif (
            call.name == "init"
            and call.receiver
            and re.fullmatch(r"[A-Z]\w*", call.receiver)
            and len(call.args) >= 2
        ):
            options = call.args[1]
            if "sequelize" not in options:
                continue
            table = _TABLE_OPTION.search(options)
            model_name = _MODEL_NAME_OPTION.search(options)
            name = model_name.group(1) if model_name else call.receiver
            default = name if _FREEZE.search(options) else plural(name)
            out.models.append(
                Model(
                    name=call.receiver,
                    table=table.group(1) if table else default,
                    file=src.path,
                    line=call.line,
                    orm="sequelize",
                    unit=unit_at(facts, call.line),
                    explicit_table=bool(table),
                )
            )
    for call in facts.calls:
        if call.name not in _SEQUELIZE_ASSOCIATIONS or not call.receiver or not call.args:
            continue
        if not re.fullmatch(r"[A-Z]\w*", call.receiver) or not re.fullmatch(
            r"[A-Z]\w*", call.args[0].strip()
        ):
            continue
        source, target = call.receiver, call.args[0].strip()
        options = call.args[1] if len(call.args) > 1 else ""
        key = _FOREIGN_KEY_OPTION.search(options)
        column = (key.group(1) or key.group(2)) if key else None
        alias = _AS_OPTION.search(options)
        member = (
            alias.group(1)
            if alias
            else (
                plural(target[0].lower() + target[1:])
                if call.name in ("hasMany", "belongsToMany")
                else target[0].lower() + target[1:]
            )
        )
        out.associations.append((source, member, target))
        if call.name == "belongsTo":
            columns = (column,) if column else (f"{target[0].lower() + target[1:]}Id",)
            out.relations.append(Relation(source, target, src.path, call.line, "sequelize", columns))
        elif call.name in ("hasMany", "hasOne"):
            columns = (column,) if column else (f"{source[0].lower() + source[1:]}Id",)
            out.relations.append(Relation(target, source, src.path, call.line, "sequelize", columns))
        elif call.name == "belongsToMany":
            through = _THROUGH_OPTION.search(options)
            if through:
                out.relations.append(
                    Relation(source, target, src.path, call.line, "sequelize", join_table=through.group(1))
                )


def scan_js(src: SourceText, out: FileData) -> None:
    """TypeORM entities and Sequelize models of one JavaScript / TypeScript file."""
    facts = src.facts
    if facts is None:
        return
    for decl in src.declarations:
        if decl.kind != "class":
            continue
        supertypes = src.supertypes(decl)
        if supertypes:
            out.types[decl.name] = supertypes
        entity = next((a for a in _class_decorators(src, decl) if a.name in ("Entity", "ViewEntity")), None)
        if entity is not None:
            _typeorm(src, out, decl, entity)
    if "sequelize" in src.text.lower():
        _sequelize(src, out)


# --------------------------------------------------------------------------- Prisma

_PRISMA_MODEL = re.compile(r"^[ \t]*model\s+(\w+)\s*\{", re.M)
_PRISMA_MAP = re.compile(r"""@@map\(\s*(?:name\s*:\s*)?"([^"]+)"\s*\)""")
_PRISMA_SCHEMA = re.compile(r"""@@schema\(\s*"([^"]+)"\s*\)""")
_PRISMA_FIELD = re.compile(r"^\s*(\w+)\s+(\w+)(\[\])?\??\s*(.*)$")
_PRISMA_RELATION = re.compile(r"@relation\(([^)]*)\)")
_PRISMA_FIELDS = re.compile(r"fields\s*:\s*\[([^\]]*)\]")
_PRISMA_FIELD_MAP = re.compile(r"""@map\(\s*(?:name\s*:\s*)?"([^"]+)"\s*\)""")


def scan_prisma(src: SourceText, out: FileData) -> None:
    """``schema.prisma``: models (``@@map`` table names), relations with their key fields."""
    text = src.text
    starts = list(_PRISMA_MODEL.finditer(text))
    names = {m.group(1) for m in starts}
    for match in starts:
        line = text.count("\n", 0, match.start()) + 1
        end = text.find("\n}", match.end())
        body = text[match.end() : end if end >= 0 else len(text)]
        mapped = _PRISMA_MAP.search(body)
        schema = _PRISMA_SCHEMA.search(body)
        name = match.group(1)
        model = Model(
            name=name,
            table=mapped.group(1) if mapped else name,
            file=src.path,
            line=line,
            orm="prisma",
            unit=name,
            schema=schema.group(1) if schema else None,
            explicit_table=bool(mapped),
        )
        out.models.append(model)
        out.accessors[name[0].lower() + name[1:]] = name
        columns_of: dict[str, str] = {}
        for raw in body.split("\n"):
            field = _PRISMA_FIELD.match(raw)
            column = _PRISMA_FIELD_MAP.search(field.group(4)) if field else None
            if field and column:
                columns_of[field.group(1)] = column.group(1)
        for offset, raw in enumerate(body.split("\n")):
            field = _PRISMA_FIELD.match(raw)
            if not field or field.group(2) not in names:
                continue
            model.associations[field.group(1)] = field.group(2)
            relation = _PRISMA_RELATION.search(field.group(4))
            keys = _PRISMA_FIELDS.search(relation.group(1)) if relation else None
            if keys:
                named = (k.strip() for k in keys.group(1).split(",") if k.strip())
                columns = tuple(columns_of.get(k, k) for k in named)
                out.relations.append(
                    Relation(name, field.group(2), src.path, line + offset, "prisma", columns)
                )
    out.contexts.add("PrismaClient")
