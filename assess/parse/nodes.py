"""Small helpers over tree-sitter nodes used by the language hooks (never walks a whole tree)."""

from __future__ import annotations

from tree_sitter import Node

from assess.parse.text import inner, normalise


def text(node: Node, source: bytes) -> str:
    """The node's text, decoded leniently."""
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def field_text(node: Node, field: str, source: bytes) -> str | None:
    """The text of a field child, or None when the node has no such field."""
    child = node.child_by_field_name(field)
    return None if child is None else text(child, source)


def named(node: Node) -> list[Node]:
    """Named children that are not comments or other extras."""
    return [child for child in node.named_children if not child.is_extra]


def child_of_type(node: Node, *types: str) -> Node | None:
    """The first named child of one of the given types."""
    return next((child for child in node.named_children if child.type in types), None)


def call_annotation(node: Node, source: bytes, call_type: str) -> tuple[str, str] | None:
    """(name, args) of a decorator: ``@a.b(x)`` → (``a.b``, ``x``), ``@a`` → (``a``, ``""``)."""
    expressions = named(node)
    if not expressions:
        return None
    expression = expressions[0]
    if expression.type == call_type:
        function = expression.child_by_field_name("function")
        arguments = expression.child_by_field_name("arguments")
        if function is None:
            return None
        return normalise(text(function, source)), inner(text(arguments, source)) if arguments else ""
    return normalise(text(expression, source)), ""
