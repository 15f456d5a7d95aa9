"""Java: JPA / Hibernate entities and relations, Spring Data repositories, Hibernate and MyBatis XML."""

from __future__ import annotations

import html
import re

from assess.analyzers.data.naming import snake
from assess.analyzers.data.records import FileData, Model, Relation, SqlSite
from assess.analyzers.data.source import SourceText
from assess.analyzers.data.sql import analyze_sql
from assess.analyzers.units import qualified
from assess.model import Annotation, Declaration

REPOSITORY_BASES = frozenset(
    {
        "Repository",
        "CrudRepository",
        "ListCrudRepository",
        "PagingAndSortingRepository",
        "ListPagingAndSortingRepository",
        "JpaRepository",
        "JpaSpecificationExecutor",
        "QuerydslPredicateExecutor",
        "ReactiveCrudRepository",
        "R2dbcRepository",
        "JdbcRepository",
        "PanacheRepository",
        "PanacheRepositoryBase",
    }
)
_RELATIONS = frozenset({"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"})
_FIELD = re.compile(
    r"^\s*(?:(?:private|protected|public|final|transient|static)\s+)*([\w.]+)(?:<([\w.,\s?]+)>)?\s+(\w+)\s*[;=]"
)
_NAMED = re.compile(r"""\bname\s*=\s*"([^"]*)\"""")
_SCHEMA = re.compile(r"""\bschema\s*=\s*"([^"]*)\"""")
_TARGET_ENTITY = re.compile(r"\btargetEntity\s*=\s*([\w.]+)\.class")
_CASCADE = re.compile(r"\bcascade\s*=\s*[^)]*?\b(ALL|PERSIST|MERGE|REMOVE)\b")
_COLLECTIONS = frozenset({"List", "Set", "Collection", "SortedSet", "Map", "Iterable"})


def _annotation_name(annotation: Annotation) -> str:
    return annotation.name.rsplit(".", 1)[-1]


def _type_line(src: SourceText, decl: Declaration) -> int:
    pattern = re.compile(rf"\b(?:class|interface|enum|record)\s+{re.escape(decl.name)}\b")
    for number in range(decl.start_line, decl.end_line + 1):
        if pattern.search(src.line(number)):
            return number
    return decl.start_line


def _class_annotations(src: SourceText, decl: Declaration) -> list[Annotation]:
    if src.facts is None:
        return []
    last = _type_line(src, decl)
    return [a for a in src.facts.annotations if decl.start_line <= a.line <= last]


def _field_after(src: SourceText, line: int, limit: int) -> tuple[str, tuple[str, ...], str, int] | None:
    for number in range(line, min(limit, line + 8) + 1):
        text = src.line(number)
        if text.strip().startswith("@") and not re.search(r"\)\s*\w", text):
            continue
        match = _FIELD.match(re.sub(r"@\w+(?:\([^)]*\))?\s*", "", text))
        if match:
            generics = tuple(
                g.strip().rsplit(".", 1)[-1] for g in (match.group(2) or "").split(",") if g.strip()
            )
            return match.group(1).rsplit(".", 1)[-1], generics, match.group(3), number
    return None


def _entity(src: SourceText, out: FileData, decl: Declaration, annotations: list[Annotation]) -> None:
    names = {_annotation_name(a): a for a in annotations}
    table_args = names["Table"].args if "Table" in names else ""
    explicit = _NAMED.search(table_args)
    schema = _SCHEMA.search(table_args)
    assert src.facts is not None
    model = Model(
        name=decl.name,
        table=explicit.group(1) if explicit else snake(decl.name),
        file=src.path,
        line=_type_line(src, decl),
        orm="jpa",
        unit=qualified(src.facts, decl.name),
        schema=schema.group(1) if schema else None,
        explicit_table=bool(explicit),
    )
    out.models.append(model)
    members = [a for a in src.facts.annotations if decl.start_line <= a.line <= decl.end_line]
    for annotation in members:
        kind = _annotation_name(annotation)
        if kind not in _RELATIONS:
            continue
        found = _field_after(src, annotation.line, decl.end_line)
        if found is None:
            continue
        type_name, generics, member, field_line = found
        target_match = _TARGET_ENTITY.search(annotation.args)
        target = target_match.group(1).rsplit(".", 1)[-1] if target_match else type_name
        if type_name in _COLLECTIONS and generics:
            target = target_match.group(1).rsplit(".", 1)[-1] if target_match else generics[-1]
        model.associations[member] = target
        if _CASCADE.search(annotation.args):
            model.cascades.add(member)
        near = [a for a in members if annotation.line <= a.line < field_line + 1]
        join_column = next((a for a in near if _annotation_name(a) == "JoinColumn"), None)
        join_table = next((a for a in near if _annotation_name(a) == "JoinTable"), None)
        column = _NAMED.search(join_column.args) if join_column else None
        if "mappedBy" in annotation.args:
            continue
        if kind in ("ManyToOne", "OneToOne"):
            columns = (column.group(1),) if column else (f"{snake(member)}_id",)
            out.relations.append(Relation(decl.name, target, src.path, annotation.line, "jpa", columns))
        elif kind == "OneToMany" and column:
            out.relations.append(
                Relation(target, decl.name, src.path, annotation.line, "jpa", (column.group(1),))
            )
        elif kind == "ManyToMany" or (kind == "OneToMany" and join_table):
            named = _NAMED.search(join_table.args) if join_table else None
            table = named.group(1) if named else f"{model.table}_{snake(member)}"
            out.relations.append(
                Relation(decl.name, target, src.path, annotation.line, "jpa", join_table=table)
            )


def scan_java(src: SourceText, out: FileData) -> None:
    """Entities, relations and Spring Data repositories of one Java file."""
    if src.facts is None:
        return
    for decl in src.declarations:
        if decl.kind not in ("class", "interface", "enum"):
            continue
        supertypes = src.supertypes(decl)
        if supertypes:
            out.types[decl.name] = supertypes
        annotations = _class_annotations(src, decl)
        if any(_annotation_name(a) == "Entity" for a in annotations):
            _entity(src, out, decl, annotations)
        if decl.kind == "interface" and REPOSITORY_BASES & set(supertypes):
            generics = src.generic_arguments(decl)
            for base in supertypes:
                if base in REPOSITORY_BASES and generics.get(base):
                    out.repositories[decl.name] = generics[base][0]
                    break


# --------------------------------------------------------------------------- XML mappings

_HBM_CLASS = re.compile(r"<class\b([^>]*)>", re.S)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_HBM_RELATION = re.compile(r"<(many-to-one|one-to-one)\b([^>]*)/?>", re.S)
_HBM_SET = re.compile(r"<(set|bag|list)\b([^>]*)>(.*?)</\1>", re.S)
_MAPPER = re.compile(r"<mapper\b[^>]*\bnamespace\s*=\s*[\"']([^\"']+)[\"']")
_STATEMENT = re.compile(r"<(select|insert|update|delete)\b[^>]*>(.*?)</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(text)}


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def scan_hibernate_xml(src: SourceText, out: FileData) -> None:
    """``*.hbm.xml``: mapped classes, their tables and many-to-one / collection keys."""
    text = src.text
    starts = [(m.start(), m.end(), _attrs(m.group(1))) for m in _HBM_CLASS.finditer(text)]
    for index, (start, end, attrs) in enumerate(starts):
        qualified_name = attrs.get("name") or attrs.get("entity-name") or ""
        if not qualified_name:
            continue
        simple = qualified_name.rsplit(".", 1)[-1]
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        body = text[end:stop]
        model = Model(
            name=simple,
            table=attrs.get("table") or simple,
            file=src.path,
            line=_line(text, start),
            orm="hibernate",
            unit=qualified_name,
            schema=attrs.get("schema"),
            explicit_table="table" in attrs,
        )
        out.models.append(model)
        for relation in _HBM_RELATION.finditer(body):
            rel = _attrs(relation.group(2))
            target = (rel.get("class") or rel.get("entity-name") or "").rsplit(".", 1)[-1]
            member = rel.get("name", "")
            if not target:
                continue
            model.associations[member] = target
            if relation.group(1) == "many-to-one":
                column = rel.get("column") or f"{snake(member)}_id"
                line = _line(text, end + relation.start())
                out.relations.append(Relation(simple, target, src.path, line, "hibernate", (column,)))
        for collection in _HBM_SET.finditer(body):
            inner = collection.group(3)
            key = re.search(r"<key\b([^>]*)>", inner)
            many = re.search(r"<(one-to-many|many-to-many)\b([^>]*)>", inner)
            if not many:
                continue
            target = (_attrs(many.group(2)).get("class") or "").rsplit(".", 1)[-1]
            member = _attrs(collection.group(2)).get("name", "")
            if target:
                model.associations[member] = target
            key_column = _attrs(key.group(1)).get("column") if key else None
            line = _line(text, end + collection.start())
            join_table = _attrs(collection.group(2)).get("table")
            if many.group(1) == "one-to-many" and key_column and target:
                out.relations.append(Relation(target, simple, src.path, line, "hibernate", (key_column,)))
            elif join_table and target:
                out.relations.append(
                    Relation(simple, target, src.path, line, "hibernate", join_table=join_table)
                )


def scan_mybatis_xml(src: SourceText, out: FileData) -> None:
    """A MyBatis mapper: each statement's SQL, owned by the mapper interface (its namespace)."""
    namespace = _MAPPER.search(src.text)
    if not namespace:
        return
    unit = namespace.group(1)
    for statement in _STATEMENT.finditer(src.text):
        body = _CDATA.sub(lambda m: m.group(1), statement.group(2))
        sql = html.unescape(_TAG.sub(" ", body))
        use = analyze_sql(" ".join(sql.split()))
        if use is not None:
            out.sql.append(SqlSite(_line(src.text, statement.start()), use, unit, "mybatis"))


def is_mybatis_mapper(text: str) -> bool:
    """True for a MyBatis mapper XML document."""
    return "<mapper" in text and "namespace" in text and ("mybatis" in text or "<select" in text)
