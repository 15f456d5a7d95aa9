"""Java front end: query and hooks."""

from __future__ import annotations

import tree_sitter_java
from tree_sitter import Node

from assess.parse.nodes import field_text, named, text
from assess.parse.spec import LanguageSpec
from assess.parse.text import inner, normalise

QUERY = """
[(line_comment) (block_comment)] @comment
(string_literal) @string
(method_invocation) @call
(object_creation_expression) @new
(import_declaration) @import
(package_declaration (_) @namespace)
[(class_declaration) (record_declaration)] @decl.class
[(interface_declaration) (annotation_type_declaration)] @decl.interface
(enum_declaration) @decl.enum
[(method_declaration) (constructor_declaration) (compact_constructor_declaration)] @decl.method
[(marker_annotation) (annotation)] @annotation
(type_identifier) @ref
"""


def imports(node: Node, source: bytes) -> list[str]:
    """``import static a.B.c;`` → ``a.B.c``; ``import a.b.*;`` → ``a.b.*``."""
    parts = [text(child, source) for child in named(node)]
    return [normalise(".".join(parts)).replace(" ", "")] if parts else []


def annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    """``@Scheduled(fixedRate = 5)`` → (``Scheduled``, ``fixedRate = 5``)."""
    name = field_text(node, "name", source)
    if name is None:
        return None
    arguments = field_text(node, "arguments", source)
    return normalise(name), inner(arguments) if arguments else ""


SPEC = LanguageSpec(
    name="java",
    grammar=tree_sitter_java.language,
    query=QUERY,
    arglist_types=frozenset({"argument_list"}),
    imports=imports,
    annotation=annotation,
    generics=True,
)
