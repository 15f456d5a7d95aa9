"""C# front end: query and hooks."""

from __future__ import annotations

import tree_sitter_c_sharp
from tree_sitter import Node

from assess.parse.nodes import child_of_type, field_text, named, text
from assess.parse.spec import LanguageSpec
from assess.parse.text import inner, normalise

QUERY = """
(comment) @comment
[(string_literal) (verbatim_string_literal) (raw_string_literal) (interpolated_string_expression)] @string
(invocation_expression) @call
(object_creation_expression) @new
(using_directive) @import
[(namespace_declaration name: (_) @namespace) (file_scoped_namespace_declaration name: (_) @namespace)]
[(class_declaration) (record_declaration)] @decl.class
(struct_declaration) @decl.struct
(interface_declaration) @decl.interface
(enum_declaration) @decl.enum
[(method_declaration) (constructor_declaration) (destructor_declaration)] @decl.method
(local_function_statement) @decl.function
(attribute) @annotation
(base_list [(identifier) (qualified_name)] @ref)
(base_list (generic_name (identifier) @ref))
(_ type: [(identifier) (qualified_name)] @ref)
(_ type: (generic_name (identifier) @ref))
(_ returns: [(identifier) (qualified_name)] @ref)
(_ returns: (generic_name (identifier) @ref))
(type_argument_list [(identifier) (qualified_name)] @ref)
"""


def imports(node: Node, source: bytes) -> list[str]:
    """``using A.B;``, ``global using static A.B;``, ``using X = A.B;`` → ``A.B``."""
    parts = named(node)
    return [normalise(text(parts[-1], source)).replace(" ", "")] if parts else []


def annotation(node: Node, source: bytes) -> tuple[str, str] | None:
    """``[HttpGet("x")]`` → (``HttpGet``, ``"x"``)."""
    name = field_text(node, "name", source)
    if name is None:
        return None
    arguments = child_of_type(node, "attribute_argument_list")
    return normalise(name), inner(text(arguments, source)) if arguments is not None else ""


SPEC = LanguageSpec(
    name="csharp",
    grammar=tree_sitter_c_sharp.language,
    query=QUERY,
    arglist_types=frozenset({"argument_list"}),
    imports=imports,
    annotation=annotation,
    generics=True,
)
