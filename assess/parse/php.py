"""PHP front end: query and hooks."""

from __future__ import annotations

import re

import tree_sitter_php
from tree_sitter import Node

from assess.parse.nodes import child_of_type, field_text, named, text
from assess.parse.spec import LanguageSpec
from assess.parse.text import inner, normalise
from assess.parse.text import unquote as unquote_plain

QUERY = """
(comment) @comment
[(string) (encapsed_string) (heredoc) (nowdoc)] @string
[(function_call_expression) (member_call_expression) (nullsafe_member_call_expression)
 (scoped_call_expression)] @call
(object_creation_expression) @new
(namespace_definition name: (_) @namespace)
[(namespace_use_declaration) (require_expression) (require_once_expression)
 (include_expression) (include_once_expression)] @import
[(class_declaration) (trait_declaration)] @decl.class
(interface_declaration) @decl.interface
(enum_declaration) @decl.enum
(function_definition) @decl.function
(method_declaration) @decl.method
(attribute) @annotation
(named_type) @ref
(base_clause (_) @ref)
(class_interface_clause (_) @ref)
(scoped_call_expression scope: (name) @ref)
(class_constant_access_expression . (name) @ref)
"""

_HEREDOC = re.compile(r"<<<[ \t]*([\"']?)(\w+)\1[ \t]*\r?\n(.*?)\r?\n?[ \t]*\2\Z", re.DOTALL)
_STRINGS = frozenset({"string", "encapsed_string", "heredoc", "nowdoc"})


def unquote(literal: str) -> str:
    """Value of a PHP string: quoted, heredoc or nowdoc."""
    if literal.startswith("<<<"):
        match = _HEREDOC.match(literal)
        return match.group(3) if match is not None else literal
    return unquote_plain(literal)


def _use_name(clause: Node, source: bytes) -> str | None:
    parts = [c for c in named(clause) if c.type in ("name", "qualified_name")]
    return "".join(text(parts[0], source).split()).lstrip("\\") if parts else None


def _required(node: Node, source: bytes) -> list[str]:
    argument = next(iter(named(node)), None)
    while argument is not None and argument.type == "parenthesized_expression":
        argument = next(iter(named(argument)), None)
    if argument is None or argument.type not in _STRINGS:
        return []
    return [unquote(text(argument, source))]


def imports(node: Node, source: bytes) -> list[str]:
    """``use A\\B;`` → ``A\\B``; ``use A\\{B, C}`` → ``A\\B``, ``A\\C``; ``require 'x.php'`` → ``x.php``."""
    if node.type != "namespace_use_declaration":
        return _required(node, source)
    group = node.child_by_field_name("body")
    if group is None:
        names = [_use_name(c, source) for c in named(node) if c.type == "namespace_use_clause"]
        return [n for n in names if n]
    prefix_node = child_of_type(node, "namespace_name")
    prefix = "".join(text(prefix_node, source).split()).lstrip("\\") if prefix_node else ""
    names = [_use_name(c, source) for c in named(group) if c.type == "namespace_use_clause"]
    return [f"{prefix}\\{n}" if prefix else n for n in names if n]


def annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    """``#[Route('/x')]`` → (``Route``, ``'/x'``)."""
    parts = named(node)
    if not parts:
        return None
    arguments = field_text(node, "parameters", source)
    return normalise(text(parts[0], source)), inner(arguments) if arguments else ""


SPEC = LanguageSpec(
    name="php",
    grammar=tree_sitter_php.language_php,
    query=QUERY,
    arglist_types=frozenset({"arguments"}),
    unquote=unquote,
    imports=imports,
    annotation=annotation,
    new_type_field=None,
)
