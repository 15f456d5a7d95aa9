"""Python: Django models and relations, SQLAlchemy declarative models and tables, Alembic migrations."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from assess.analyzers.data.records import FileData, Model, Relation
from assess.analyzers.data.source import SourceText
from assess.analyzers.units import unit_at
from assess.model import Call, Declaration, ForeignKey, Table

DJANGO_BASES = frozenset({"models.Model", "Model", "AbstractUser", "AbstractBaseUser", "PermissionsMixin"})
_DJANGO_RELATIONS = {"ForeignKey": "fk", "OneToOneField": "fk", "ManyToManyField": "m2m", "ParentalKey": "fk"}
_FIELD_NAME = re.compile(r"^\s*(\w+)\s*(?::[^=]+)?=")
_KWARG = re.compile(r"^\s*(\w+)\s*=\s*(.+)$", re.S)
_DB_TABLE = re.compile(r"""^\s*db_table\s*=\s*['"]([^'"]+)['"]""")
_APP_LABEL = re.compile(r"""^\s*app_label\s*=\s*['"]([^'"]+)['"]""")
_ABSTRACT = re.compile(r"^\s*abstract\s*=\s*True")
_TABLENAME = re.compile(r"""^\s*__tablename__\s*(?::[^=]+)?=\s*['"]([^'"]+)['"]""")
_TABLE_SCHEMA = re.compile(r"""__table_args__\s*=.*?['"]schema['"]\s*:\s*['"]([^'"]+)['"]""", re.S)
_FK_TARGET = re.compile(r"""^['"]([\w.]+)['"]""")
_SQLALCHEMY_RELATIONSHIP = re.compile(r"""^['"]?(\w+)['"]?""")


def _unquote(text: str) -> str:
    return text.strip().strip("'\"")


def _kwargs(call: Call) -> dict[str, str]:
    found: dict[str, str] = {}
    for arg in call.args:
        match = _KWARG.match(arg)
        if match and not arg.lstrip().startswith(("'", '"')):
            found[match.group(1)] = match.group(2).strip()
    return found


def _positional(call: Call) -> list[str]:
    return [a for a in call.args if not _KWARG.match(a) or a.lstrip().startswith(("'", '"'))]


def app_label(path: str) -> str:
    """Django app label of a models module: the package holding ``models.py`` or ``models/``."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 3 and parts[-2] == "models":
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else "app"


def _class_lines(src: SourceText, decl: Declaration) -> range:
    return range(decl.start_line, decl.end_line + 1)


def _meta(src: SourceText, decl: Declaration) -> tuple[str | None, str | None, bool]:
    table = label = None
    abstract = False
    inner = next(
        (
            d
            for d in src.declarations
            if d.kind == "class" and d.name == "Meta" and decl.start_line < d.start_line <= decl.end_line
        ),
        None,
    )
    if inner is None:
        return None, None, False
    for number in range(inner.start_line, inner.end_line + 1):
        text = src.line(number)
        if match := _DB_TABLE.match(text):
            table = match.group(1)
        if match := _APP_LABEL.match(text):
            label = match.group(1)
        if _ABSTRACT.match(text):
            abstract = True
    return table, label, abstract


def _field_name(src: SourceText, line: int) -> str | None:
    match = _FIELD_NAME.match(src.line(line))
    return match.group(1) if match else None


def _django_target(arg: str, model: str) -> tuple[str | None, str | None]:
    """(model name, table) a relation argument points at."""
    arg = arg.strip()
    if arg in ("'self'", '"self"'):
        return model, None
    if "AUTH_USER_MODEL" in arg:
        return "User", "auth_user"
    quoted = _FK_TARGET.match(arg)
    if quoted:
        name = quoted.group(1)
        if name.lower() == "auth.user":
            return "User", "auth_user"
        return name.rsplit(".", 1)[-1], None
    if re.fullmatch(r"[\w.]+", arg):
        return arg.rsplit(".", 1)[-1], None
    return None, None


def _django_model(src: SourceText, out: FileData, decl: Declaration, supertypes: tuple[str, ...]) -> None:
    assert src.facts is not None
    table, label, abstract = _meta(src, decl)
    default_table = f"{label or app_label(src.path)}_{decl.name.lower()}"
    model = Model(
        name=decl.name,
        table=table or default_table,
        file=src.path,
        line=decl.start_line,
        orm="django",
        unit=unit_at(src.facts, decl.start_line),
        explicit_table=table is not None,
        supertypes=supertypes,
        abstract=abstract,
    )
    out.models.append(model)
    for call in src.facts.calls:
        if not decl.start_line <= call.line <= decl.end_line or call.name not in _DJANGO_RELATIONS:
            continue
        member = _field_name(src, call.line)
        positional = _positional(call)
        kwargs = _kwargs(call)
        target_arg = positional[0] if positional else kwargs.get("to", "")
        target, target_table = _django_target(target_arg, decl.name)
        if target is None or member is None:
            continue
        model.associations[member] = target
        related = _unquote(kwargs.get("related_name", ""))
        reverse = related if related and related != "+" else None
        if reverse is None and not related:
            reverse = f"{decl.name.lower()}_set"
        if _DJANGO_RELATIONS[call.name] == "fk":
            column = _unquote(kwargs.get("db_column", "")) or f"{member}_id"
            out.relations.append(
                Relation(
                    decl.name, target, src.path, call.line, "django", (column,), target_table=target_table
                )
            )
            if reverse:
                out.associations.append((target, reverse, decl.name))
        else:
            through = _unquote(kwargs.get("db_table", "")) or f"{model.table}_{member}"
            if "through" not in kwargs:
                out.relations.append(
                    Relation(decl.name, target, src.path, call.line, "django", join_table=through)
                )
            if reverse:
                out.associations.append((target, reverse, decl.name))


def _sqlalchemy_model(src: SourceText, out: FileData, decl: Declaration, table: str) -> None:
    assert src.facts is not None
    body = "\n".join(src.lines[decl.start_line - 1 : decl.end_line])
    schema = _TABLE_SCHEMA.search(body)
    model = Model(
        name=decl.name,
        table=table,
        file=src.path,
        line=decl.start_line,
        orm="sqlalchemy",
        unit=unit_at(src.facts, decl.start_line),
        schema=schema.group(1) if schema else None,
    )
    out.models.append(model)
    for call in src.facts.calls:
        if not decl.start_line <= call.line <= decl.end_line:
            continue
        if call.name == "ForeignKey" and call.args:
            target = _unquote(call.args[0])
            member = _field_name(src, call.line)
            ref_table, _, ref_column = target.rpartition(".")
            if ref_table:
                out.foreign_keys.append(
                    ForeignKey(
                        table,
                        ref_table,
                        src.path,
                        call.line,
                        "sqlalchemy",
                        (member,) if member else (),
                        (ref_column,),
                    )
                )
        elif call.name == "relationship" and call.args:
            member = _field_name(src, call.line)
            related = _SQLALCHEMY_RELATIONSHIP.match(call.args[0].strip())
            if member and related:
                model.associations[member] = related.group(1)


def _core_tables(src: SourceText, out: FileData) -> None:
    """``Table("name", metadata, Column(..., ForeignKey("x.id")))`` and Alembic ``op.create_table``."""
    assert src.facts is not None
    calls = src.facts.calls
    starts = [
        c
        for c in calls
        if (
            c.callee in ("Table", "sa.Table", "sqlalchemy.Table", "db.Table") or c.callee == "op.create_table"
        )
        and c.args
        and c.args[0].strip()[:1] in ("'", '"')
    ]
    for index, start in enumerate(starts):
        name = _unquote(start.args[0])
        source = "alembic" if start.callee == "op.create_table" else "sqlalchemy"
        out.tables.append(Table(name, src.path, start.line, source))
        stop = starts[index + 1].line - 1 if index + 1 < len(starts) else 10**9
        stop = src.call_end(start.line, stop)
        for call in calls:
            if not start.line <= call.line <= stop:
                continue
            if call.name == "ForeignKey" and call.args:
                ref_table, _, ref_column = _unquote(call.args[0]).rpartition(".")
                column_call = next(
                    (c for c in calls if c.line == call.line and c.name == "Column" and c.args), None
                )
                columns: tuple[str, ...] = (_unquote(column_call.args[0]),) if column_call else ()
                if ref_table:
                    out.foreign_keys.append(
                        ForeignKey(name, ref_table, src.path, call.line, source, columns, (ref_column,))
                    )
            elif call.name == "ForeignKeyConstraint" and len(call.args) >= 2:
                columns = tuple(_unquote(c) for c in re.findall(r"""['"][^'"]+['"]""", call.args[0]))
                refs = [_unquote(r) for r in re.findall(r"""['"][^'"]+['"]""", call.args[1])]
                if refs and "." in refs[0]:
                    ref_table = refs[0].rsplit(".", 1)[0]
                    ref_columns = tuple(r.rsplit(".", 1)[-1] for r in refs)
                    out.foreign_keys.append(
                        ForeignKey(name, ref_table, src.path, call.line, source, columns, ref_columns)
                    )
    for call in calls:
        if call.callee == "op.create_foreign_key" and len(call.args) >= 5:
            source_table, ref_table = _unquote(call.args[1]), _unquote(call.args[2])
            columns = tuple(_unquote(c) for c in re.findall(r"""['"][^'"]+['"]""", call.args[3]))
            ref_columns = tuple(_unquote(c) for c in re.findall(r"""['"][^'"]+['"]""", call.args[4]))
            out.foreign_keys.append(
                ForeignKey(source_table, ref_table, src.path, call.line, "alembic", columns, ref_columns)
            )


def scan_python(src: SourceText, out: FileData) -> None:
    """Django and SQLAlchemy models, SQLAlchemy core tables and Alembic migrations of one file."""
    facts = src.facts
    if facts is None:
        return
    django = any(i.module.startswith("django.") for i in facts.imports)
    for decl in src.declarations:
        if decl.kind != "class":
            continue
        supertypes = src.supertypes(decl)
        if supertypes:
            out.types[decl.name] = tuple(s.rsplit(".", 1)[-1] for s in supertypes)
        header = src.header(decl)
        raw_bases = re.search(rf"class\s+{re.escape(decl.name)}\s*\(([^)]*)\)", header)
        bases = {b.strip() for b in raw_bases.group(1).split(",")} if raw_bases else set()
        tablename = next(
            (
                m.group(1)
                for n in range(decl.start_line, decl.end_line + 1)
                if (m := _TABLENAME.match(src.line(n)))
            ),
            None,
        )
        if tablename:
            _sqlalchemy_model(src, out, decl, tablename)
        elif django and (bases & DJANGO_BASES or any(b.endswith("models.Model") for b in bases)):
            _django_model(src, out, decl, tuple(sorted(bases)))
        elif django and bases and decl.name != "Meta":
            # May extend a model declared elsewhere: kept as an abstract candidate, linked later.
            _django_model(src, out, decl, tuple(sorted(bases)))
            out.models[-1].abstract = True
            out.models[-1].orm = "django?"
    _core_tables(src, out)
