"""Python front end: query and hooks."""

from __future__ import annotations

import tree_sitter_python
from tree_sitter import Node

from assess.parse.nodes import call_annotation, named, text
from assess.parse.spec import LanguageSpec

QUERY = """
(comment) @comment
(string) @string
(call) @call
[(import_statement) (import_from_statement) (future_import_statement)] @import
(class_definition) @decl.class
(function_definition) @decl.function
(decorator) @annotation
(decorated_definition) @wrapper
"""


def _module_text(node: Node, source: bytes) -> str:
    """A dotted or relative module name without spaces (``. a . b`` → ``.a.b``)."""
    if node.type == "aliased_import":
        inner_name = node.child_by_field_name("name")
        node = inner_name if inner_name is not None else node
    return "".join(text(node, source).split())


def imports(node: Node, source: bytes) -> list[str]:
    """``import a.b as c`` → ``a.b``; ``from a import b`` → ``a.b``; ``from . import x`` → ``.x``."""
    names = [_module_text(child, source) for child in node.children_by_field_name("name")]
    if node.type == "import_statement":
        return names
    if node.type == "future_import_statement":
        return ["__future__." + name for name in names]
    module_node = node.child_by_field_name("module_name")
    if module_node is None:
        return []
    module = _module_text(module_node, source)
    if not names:  # from a import *
        wildcard = any(child.type == "wildcard_import" for child in named(node))
        return [module + ("*" if module.endswith(".") else ".*") if wildcard else module]
    prefix = module if module.endswith(".") else module + "."
    return [prefix + name for name in names]


def annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    """``@app.route("/x")`` → (``app.route``, ``"/x"``)."""
    return call_annotation(node, source, "call")


SPEC = LanguageSpec(
    name="python",
    grammar=tree_sitter_python.language,
    query=QUERY,
    arglist_types=frozenset({"argument_list"}),
    imports=imports,
    annotation=annotation,
)
