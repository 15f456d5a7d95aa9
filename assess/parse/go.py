"""Go front end: query and hooks."""

from __future__ import annotations

import re

import tree_sitter_go
from tree_sitter import Node

from assess.parse.nodes import text
from assess.parse.spec import LanguageSpec

QUERY = """
(comment) @comment
[(interpreted_string_literal) (raw_string_literal)] @string
(call_expression) @call
(import_spec path: (_) @import.str)
(package_clause (_) @namespace)
(type_spec type: (struct_type)) @decl.struct
(type_spec type: (interface_type)) @decl.interface
(function_declaration) @decl.function
(method_declaration) @decl.method
"""

_RECEIVER_TYPE = re.compile(r"([^\W\d]\w*)\s*(?:\[[^\]]*\]\s*)?\)\s*\Z")


def receiver_type(node: Node, source: bytes) -> str | None:
    """The receiver's type of a method: ``func (s *Server[T]) Start()`` → ``Server``."""
    receiver = node.child_by_field_name("receiver")
    if receiver is None:
        return None
    match = _RECEIVER_TYPE.search(text(receiver, source))
    return match.group(1) if match is not None else None


SPEC = LanguageSpec(
    name="go",
    grammar=tree_sitter_go.language,
    query=QUERY,
    arglist_types=frozenset({"argument_list"}),
    container=receiver_type,
)
