"""Schema files: SQL scripts (schema.sql, Flyway, plain migrations) and Liquibase changelogs."""

from __future__ import annotations

import re

import yaml

from assess.analyzers.data.records import Evidence, FileData
from assess.analyzers.data.source import SourceText
from assess.analyzers.data.sql import SqlUse, analyze_sql, split_script
from assess.analyzers.located_yaml import YamlTooComplex, load_documents
from assess.model import ForeignKey, Table

_FLYWAY = re.compile(r"(?i)(^|/)[VRU]\d[\w.]*__[^/]*\.sql$")
_LIQUIBASE_TAG = re.compile(
    r"<(createTable|addForeignKeyConstraint|createProcedure|sql)\b([^>]*?)(/?)>", re.S
)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COLUMN_FK = re.compile(r"<constraints\b([^>]*)>", re.S)
_REFERENCES = re.compile(r"^\s*([\w.\"]+)\s*\(([^)]*)\)")
_TRIGGER_WORD = re.compile(r"(?i)\bcreate\s+(?:or\s+replace\s+)?trigger\b")


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(text)}


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _split_name(name: str) -> tuple[str, str | None]:
    schema, dot, table = name.rpartition(".")
    return (table, schema or None) if dot else (name, None)


def record_sql(out: FileData, path: str, line: int, use: SqlUse, source: str) -> None:
    """Tables, keys and routines a DDL statement declares."""
    for created in use.creates:
        table, schema = _split_name(created)
        out.tables.append(Table(table, path, line, source, schema))
    for key in use.foreign_keys:
        table = _split_name(key.table)[0]
        ref = _split_name(key.ref_table)[0]
        out.foreign_keys.append(ForeignKey(table, ref, path, line, source, key.columns, key.ref_columns))
    if use.routine is not None:
        kind, name = use.routine
        rule = "database-trigger" if kind == "trigger" else "stored-procedure"
        out.evidence.append(Evidence(rule, line, f"{kind} {name}"))


def scan_sql_file(src: SourceText, out: FileData) -> None:
    """Every CREATE TABLE / ALTER TABLE / CREATE PROCEDURE|FUNCTION|TRIGGER of a SQL script."""
    source = "flyway" if _FLYWAY.search(src.path) else "ddl"
    for line, statement in split_script(src.text):
        head = statement[:200].lower()
        if not re.match(r"\s*(create|alter)\b", head):
            continue
        use = analyze_sql(statement)
        if use is None:
            if _TRIGGER_WORD.match(statement):
                out.evidence.append(Evidence("database-trigger", line, "trigger"))
            continue
        record_sql(out, src.path, line, use, source)


def is_liquibase(text: str) -> bool:
    """True for a Liquibase changelog (XML, YAML or JSON)."""
    return "databaseChangeLog" in text


def scan_liquibase(src: SourceText, out: FileData) -> None:
    """Tables, foreign keys and raw SQL of a Liquibase changelog."""
    if src.path.lower().endswith(".xml"):
        _liquibase_xml(src, out)
    else:
        _liquibase_yaml(src, out)


def _liquibase_xml(src: SourceText, out: FileData) -> None:
    text = src.text
    for match in _LIQUIBASE_TAG.finditer(text):
        tag, attrs, closed = match.group(1), _attrs(match.group(2)), match.group(3)
        line = _line(text, match.start())
        body_end = text.find(f"</{tag}>", match.end()) if not closed else match.end()
        body = text[match.end() : body_end] if body_end > match.end() else ""
        if tag == "createTable" and attrs.get("tableName"):
            table = attrs["tableName"]
            out.tables.append(Table(table, src.path, line, "liquibase", attrs.get("schemaName")))
            for column in re.finditer(r"<column\b([^>]*?)(?<!/)>(.*?)</column>", body, re.S):
                name = _attrs(column.group(1)).get("name", "")
                for constraint in _COLUMN_FK.finditer(column.group(2)):
                    c = _attrs(constraint.group(1))
                    ref_table = c.get("referencedTableName")
                    ref_columns = tuple(
                        x.strip() for x in c.get("referencedColumnNames", "").split(",") if x.strip()
                    )
                    if not ref_table and (ref := _REFERENCES.match(c.get("references", ""))):
                        ref_table = ref.group(1)
                        ref_columns = tuple(x.strip() for x in ref.group(2).split(","))
                    if ref_table:
                        fk_line = _line(text, match.end() + column.start())
                        out.foreign_keys.append(
                            ForeignKey(table, ref_table, src.path, fk_line, "liquibase", (name,), ref_columns)
                        )
        elif (
            tag == "addForeignKeyConstraint"
            and attrs.get("baseTableName")
            and attrs.get("referencedTableName")
        ):
            out.foreign_keys.append(
                ForeignKey(
                    attrs["baseTableName"],
                    attrs["referencedTableName"],
                    src.path,
                    line,
                    "liquibase",
                    tuple(x.strip() for x in attrs.get("baseColumnNames", "").split(",") if x.strip()),
                    tuple(x.strip() for x in attrs.get("referencedColumnNames", "").split(",") if x.strip()),
                )
            )
        elif tag == "createProcedure":
            out.evidence.append(Evidence("stored-procedure", line, attrs.get("procedureName", "procedure")))
        elif tag == "sql" and body:
            sql = re.sub(r"<!\[CDATA\[|\]\]>", "", body)
            for offset, statement in split_script(sql):
                use = analyze_sql(statement)
                if use is not None:
                    record_sql(out, src.path, line + offset - 1, use, "liquibase")


def _liquibase_yaml(src: SourceText, out: FileData) -> None:
    try:  # bounded: aliases repeating a subtree cannot make the walk below explode
        documents = load_documents(src.text)
    except (yaml.YAMLError, YamlTooComplex, RecursionError, ValueError):
        return
    changes: list[dict[str, object]] = []
    stack: list[object] = list(documents)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            changes.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)

    def where(value: str) -> int:
        match = re.search(rf"""(?m)^\s*-?\s*\w+\s*:\s*["']?{re.escape(value)}["']?\s*$""", src.text)
        return _line(src.text, match.start()) if match else 1

    for change in changes:
        create = change.get("createTable")
        if isinstance(create, dict) and isinstance(create.get("tableName"), str):
            table = str(create["tableName"])
            schema = create.get("schemaName")
            out.tables.append(
                Table(table, src.path, where(table), "liquibase", schema if isinstance(schema, str) else None)
            )
        key = change.get("addForeignKeyConstraint")
        if (
            isinstance(key, dict)
            and isinstance(key.get("baseTableName"), str)
            and isinstance(key.get("referencedTableName"), str)
        ):
            columns = str(key.get("baseColumnNames") or "")
            ref_columns = str(key.get("referencedColumnNames") or "")
            out.foreign_keys.append(
                ForeignKey(
                    str(key["baseTableName"]),
                    str(key["referencedTableName"]),
                    src.path,
                    where(str(key.get("constraintName") or key["baseTableName"])),
                    "liquibase",
                    tuple(c.strip() for c in columns.split(",") if c.strip()),
                    tuple(c.strip() for c in ref_columns.split(",") if c.strip()),
                )
            )
