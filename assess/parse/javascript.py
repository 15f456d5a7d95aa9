"""JavaScript and TypeScript (incl. TSX) front ends: queries and hooks."""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Node

from assess.parse.nodes import call_annotation
from assess.parse.spec import LanguageSpec

COMMON_QUERY = """
(comment) @comment
[(string) (template_string)] @string
(call_expression) @call
(new_expression) @new
(import_statement source: (string) @import.str)
(export_statement source: (string) @import.str)
(call_expression
  function: (identifier) @_require (#eq? @_require "require")
  arguments: (arguments . (string) @import.str .))
(call_expression function: (import) arguments: (arguments . (string) @import.str))
(class_declaration) @decl.class
[(function_declaration) (generator_function_declaration)] @decl.function
(variable_declarator value: [(arrow_function) (function_expression)]) @decl.function
(method_definition) @decl.method
(decorator) @annotation
(export_statement decorator: (decorator) declaration: (_)) @wrapper
"""

JAVASCRIPT_QUERY = (
    COMMON_QUERY
    + """
(field_definition property: (_) value: [(arrow_function) (function_expression)]) @decl.method
"""
)

TYPESCRIPT_QUERY = (
    COMMON_QUERY
    + """
(import_require_clause source: (string) @import.str)
(abstract_class_declaration) @decl.class
(interface_declaration) @decl.interface
(enum_declaration) @decl.enum
[(internal_module) (module)] @decl.module
(public_field_definition value: [(arrow_function) (function_expression)]) @decl.method
"""
)


def annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    """``@Controller('cats')`` → (``Controller``, ``'cats'``)."""
    return call_annotation(node, source, "call_expression")


def _front_end(name: str, grammar: Callable[[], object], query: str, *, generics: bool) -> LanguageSpec:
    return LanguageSpec(
        name=name,
        grammar=grammar,
        query=query,
        arglist_types=frozenset({"arguments"}),
        annotation=annotation,
        new_type_field="constructor",
        generics=generics,
        name_fields=("name", "property"),
        wrapped_field="declaration",
        leading_types=frozenset({"decorator"}),
    )


JAVASCRIPT = _front_end("javascript", tree_sitter_javascript.language, JAVASCRIPT_QUERY, generics=False)
TYPESCRIPT = _front_end(
    "typescript", tree_sitter_typescript.language_typescript, TYPESCRIPT_QUERY, generics=True
)
TSX = _front_end("tsx", tree_sitter_typescript.language_tsx, TYPESCRIPT_QUERY, generics=True)
