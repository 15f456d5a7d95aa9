"""What a language front end declares: its grammar, its query and a few small hooks.

Capture names the engine understands (any other name, e.g. ``_f`` used by predicates, is ignored):

``comment``
    comment nodes (blanked before any text is read, and excluded from ``code_lines``)
``string`` / ``symbol``
    string literals (value via :attr:`LanguageSpec.unquote`) / Ruby symbols (value as written)
``call`` / ``new``
    call sites and constructor calls (``new X(...)``)
``import`` / ``import.str``
    import statements (modules via :attr:`LanguageSpec.imports`) / a string naming a module
``decl.<kind>``
    declarations; ``kind`` is ``class``, ``interface``, ``enum``, ``struct``, ``module``,
    ``function`` (promoted to ``method`` directly inside a type) or ``method``
``annotation``
    annotations, attributes and decorators (via :attr:`LanguageSpec.annotation`)
``namespace``
    the name in a package / namespace declaration (Java, C#, PHP, Go); the first one counts
``wrapper``
    a node whose start is the start of the declaration in its :attr:`LanguageSpec.wrapped_field`
``ref``
    a type name in a type position (field, parameter, base class, generic argument) or a Ruby
    constant: what a class depends on without an import; kept once per name
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from assess.parse.text import unquote

ImportHook = Callable[[Node, bytes], list[str]]
"""Modules named by an ``@import`` node; ``bytes`` is the comment-free source."""

AnnotationHook = Callable[[Node, bytes], "tuple[str, str] | None"]
"""(name, args) of an ``@annotation`` node, or None to skip it."""

NameHook = Callable[[Node, bytes], "str | None"]
"""A declaration's name or container from its node."""


def _no_imports(node: Node, source: bytes) -> list[str]:
    return []


def _no_annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    return None


@dataclass(frozen=True, slots=True)
class LanguageSpec:
    """A language front end: grammar loader, query text and conversion hooks."""

    name: str
    grammar: Callable[[], object]
    query: str
    arglist_types: frozenset[str]
    """Node types whose named children are the arguments of a call."""
    unquote: Callable[[str], str] = unquote
    imports: ImportHook = _no_imports
    annotation: AnnotationHook = _no_annotation
    container: NameHook | None = None
    """The container of a declaration not nested in its type (Go methods)."""
    args_field: str = "arguments"
    new_type_field: str | None = "type"
    """Field holding the constructed type of a ``@new`` node (None: first named child)."""
    block_field: str | None = None
    """Field of a trailing block that ends the callee text (Ruby ``do ... end``)."""
    generics: bool = False
    """Whether callee text may carry generic arguments to strip (``Foo<T>``)."""
    name_fields: tuple[str, ...] = ("name",)
    """Fields tried in turn for a declaration's name."""
    wrapped_field: str = "definition"
    """Field of a ``@wrapper`` node (Python ``decorated_definition``) holding the declaration
    that starts where the wrapper starts."""
    leading_types: frozenset[str] = frozenset()
    """Preceding sibling node types that belong to a declaration (TypeScript method decorators)."""
