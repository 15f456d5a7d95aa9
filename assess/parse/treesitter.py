"""The shared tree-sitter engine: compile once per process, parse, run one query, build FileFacts.

All node selection happens in the query (run in C); :mod:`assess.parse.records` only converts
the captured nodes. Texts are read from a copy of the source whose comments are blanked, so no
comment text can leak into a callee, an argument or an annotation.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tree_sitter import Language, Node, Parser, Query, QueryCursor

from assess.model import FileFacts
from assess.parse import records
from assess.parse.assignments import assignments_of
from assess.parse.spec import LanguageSpec

_WIDE_ERROR_ROOT = 1000
_ERROR_QUERY = "(ERROR) @error (MISSING) @missing"
_WHITESPACE = b" \t\r\f\v"
_BLANK_TABLE = bytes(c if c in b"\r\n" else 32 for c in range(256))


@dataclass(frozen=True, slots=True)
class Compiled:
    """A language's grammar and queries, built once per process."""

    language: Language
    query: Query
    errors: Query
    arglist_ids: frozenset[int]
    args_field: int
    """Field id of a call's arguments."""
    block_field: int
    """Field id of a call's trailing block (0: none)."""


@cache
def compiled(spec: LanguageSpec) -> Compiled:
    """The compiled grammar and queries of a front end (cached)."""
    language = Language(spec.grammar())
    ids = {language.id_for_node_kind(kind, True) for kind in spec.arglist_types}
    return Compiled(
        language=language,
        query=Query(language, spec.query),
        errors=Query(language, _ERROR_QUERY),
        arglist_ids=frozenset(i for i in ids if i),
        args_field=_field_id(language, spec.args_field),
        block_field=_field_id(language, spec.block_field) if spec.block_field else 0,
    )


def _field_id(language: Language, name: str) -> int:
    field = language.field_id_for_name(name)
    if not field:
        raise ValueError(f"grammar has no field {name!r}")
    return field


_local = threading.local()


def parser(spec: LanguageSpec) -> Parser:
    """This thread's parser for a front end (parsers are not thread-safe, so one per thread)."""
    parsers: dict[str, Parser] | None = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    found = parsers.get(spec.name)
    if found is None:
        found = parsers[spec.name] = Parser(compiled(spec).language)
    return found


def extract(spec: LanguageSpec, path: str, language: str, source: bytes) -> FileFacts:
    """Parse ``source`` and extract its facts with the front end's query."""
    comp = compiled(spec)
    tree = parser(spec).parse(source)
    root = tree.root_node
    captures = _captures(comp.query, root)
    clean = blank_comment_nodes(source, captures.get("comment", ()))
    syntax_errors = 0
    if root.has_error:
        syntax_errors = sum(map(len, _captures(comp.errors, root).values()))
    return FileFacts(
        path=path,
        language=language,
        code_lines=count_code_lines(clean),
        imports=records.imports_of(spec, captures, clean),
        declarations=records.declarations_of(spec, captures, clean),
        calls=records.calls_of(spec, comp, captures, clean),
        strings=records.strings_of(spec, captures, clean),
        annotations=records.annotations_of(spec, captures, clean),
        syntax_errors=syntax_errors,
        namespace=records.namespace_of(captures, clean),
        references=records.references_of(captures, clean),
        assignments=assignments_of(captures, clean),
    )


def _captures(query: Query, root: Node) -> dict[str, list[Node]]:
    """Run a query over the tree.

    Error recovery can leave thousands of tokens directly under the root (``((((…``), where a
    query over the root takes quadratic time; such a root is then queried child by child.
    """
    if not root.has_error or root.child_count <= _WIDE_ERROR_ROOT:
        return QueryCursor(query).captures(root)
    cursor = QueryCursor(query)
    merged: dict[str, list[Node]] = {}
    for child in root.children:
        for name, nodes in cursor.captures(child).items():
            merged.setdefault(name, []).extend(nodes)
    return merged


def blank_comment_nodes(source: bytes, comments: Sequence[Node]) -> bytes:
    """A copy of ``source`` with every comment byte but ``\\r``/``\\n`` turned into a space."""
    if not comments:
        return source
    buffer = bytearray(source)
    for comment in comments:
        start, end = comment.start_byte, comment.end_byte
        buffer[start:end] = source[start:end].translate(_BLANK_TABLE)
    return bytes(buffer)


def count_code_lines(clean: bytes) -> int:
    """Lines holding something besides whitespace (comments already blanked)."""
    lines = clean.translate(None, _WHITESPACE).split(b"\n")
    return len(lines) - lines.count(b"")
