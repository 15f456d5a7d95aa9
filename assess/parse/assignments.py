"""Assignments: the values bound to names, extracted by the same tree-sitter query as the rest.

Each front end appends its ``QUERIES[language]`` to its query. A pattern captures the node
holding both the name and the value as ``assign.<scope>``; when one node is captured under
several scopes, the most specific wins (``static`` > ``module`` > ``field`` > ``key`` >
``local``), so a pattern per context plus one catch-all pattern per node type is enough.
"""

from __future__ import annotations

from tree_sitter import Node

from assess.model import Assignment
from assess.parse.nodes import text
from assess.parse.text import normalise

VALUE_LIMIT = 200
"""Characters kept of each value."""

_PRIORITY = {"static": 5, "module": 4, "field": 3, "key": 2, "local": 1}
_NAME_FIELDS = ("left", "name", "key", "property", "alias")
_VALUE_FIELDS = ("right", "value", "default_value")
_LISTS = frozenset({"expression_list", "pattern_list", "left_assignment_list", "tuple_pattern"})
_STRING_TYPES = frozenset(
    {"string", "string_literal", "interpreted_string_literal", "raw_string_literal", "encapsed_string"}
)
_WRAPPERS = frozenset({"literal_element", "as_pattern_target", "argument"})

_JAVA = """
(field_declaration (modifiers "static") declarator: (variable_declarator) @assign.static)
(constant_declaration declarator: (variable_declarator) @assign.static)
(field_declaration declarator: (variable_declarator) @assign.field)
(variable_declarator) @assign.local
(assignment_expression) @assign.local
"""

_CSHARP = """
(field_declaration (modifier "static") (variable_declaration (variable_declarator) @assign.static))
(field_declaration (modifier "const") (variable_declaration (variable_declarator) @assign.static))
(field_declaration (variable_declaration (variable_declarator) @assign.field))
(property_declaration (modifier "static") value: (_)) @assign.static
(property_declaration value: (_)) @assign.field
(variable_declarator) @assign.local
(assignment_expression) @assign.local
"""

_PYTHON = """
(module (expression_statement (assignment) @assign.module))
(class_definition body: (block (expression_statement (assignment) @assign.static)))
(assignment) @assign.local
(keyword_argument) @assign.key
(pair) @assign.key
(with_item value: (as_pattern) @assign.local)
"""

_JS_COMMON = """
(program (lexical_declaration (variable_declarator) @assign.module))
(program (variable_declaration (variable_declarator) @assign.module))
(program (export_statement declaration: (lexical_declaration (variable_declarator) @assign.module)))
(program (export_statement declaration: (variable_declaration (variable_declarator) @assign.module)))
(variable_declarator) @assign.local
(assignment_expression) @assign.local
(pair) @assign.key
"""

_JAVASCRIPT = (
    _JS_COMMON
    + """
(field_definition "static") @assign.static
(field_definition) @assign.field
"""
)

_TYPESCRIPT = (
    _JS_COMMON
    + """
(public_field_definition "static") @assign.static
(public_field_definition) @assign.field
"""
)

_GO = """
(source_file (var_declaration (var_spec) @assign.module))
(source_file (var_declaration (var_spec_list (var_spec) @assign.module)))
(source_file (const_declaration (const_spec) @assign.module))
(var_spec) @assign.local
(const_spec) @assign.local
(short_var_declaration) @assign.local
(assignment_statement) @assign.local
(keyed_element) @assign.key
"""

_RUBY = """
(program (assignment) @assign.module)
(assignment left: [(class_variable) (constant)]) @assign.static
(assignment left: (instance_variable)) @assign.field
(assignment) @assign.local
(operator_assignment) @assign.local
(pair) @assign.key
(call block: [(do_block parameters: (block_parameters)) (block parameters: (block_parameters))]) @assign.local
"""

_PHP = """
(program (expression_statement (assignment_expression) @assign.module))
(property_declaration (static_modifier) (property_element) @assign.static)
(property_declaration (property_element) @assign.field)
(const_element) @assign.static
(static_variable_declaration) @assign.static
(assignment_expression) @assign.local
(array_element_initializer) @assign.key
"""

QUERIES: dict[str, str] = {
    "java": _JAVA,
    "csharp": _CSHARP,
    "python": _PYTHON,
    "javascript": _JAVASCRIPT,
    "typescript": _TYPESCRIPT,
    "tsx": _TYPESCRIPT,
    "go": _GO,
    "ruby": _RUBY,
    "php": _PHP,
}
"""Query text per front end, appended to the front end's own query."""


def _field(node: Node, fields: tuple[str, ...]) -> tuple[list[Node], Node | None]:
    for field in fields:
        found = node.children_by_field_name(field)
        if found:
            return found, found[0]
    return [], None


def _block_parts(node: Node) -> tuple[list[Node], Node | None]:
    """Ruby ``Dir.mktmpdir do |dir|``: the block's first parameter is bound to what the call
    yields, so it counts as assigned from the call (the value is cut where the block starts)."""
    block = node.child_by_field_name("block")
    parameters = block.child_by_field_name("parameters") if block is not None else None
    first = (
        next((c for c in parameters.named_children if c.type == "identifier"), None) if parameters else None
    )
    return ([first], node) if first is not None else ([], None)


def _parts(node: Node) -> tuple[list[Node], Node | None]:
    """The name nodes and the value node of an assignment-like node."""
    if node.type == "call":
        return _block_parts(node)
    names, _ = _field(node, _NAME_FIELDS)
    _, value = _field(node, _VALUE_FIELDS)
    if names and value is not None and node.type != "as_pattern":
        return names, value  # the common case: both fields present
    named = [child for child in node.named_children if not child.is_extra]
    if node.type == "as_pattern":  # Python `with x() as name`
        value = named[0] if named else None
    if not names and named:
        names = [named[0]]
    if value is None and len(named) >= 2 and named[-1] not in names:
        value = named[-1]  # C# variable_declarator, PHP const_element / array_element_initializer
    return names, value


def _name_texts(names: list[Node], clean: bytes) -> list[str]:
    found: list[str] = []
    for node in names:
        if node.type in _LISTS or node.type in _WRAPPERS:
            inner = [child for child in node.named_children if not child.is_extra]
            if node.type in _WRAPPERS and len(inner) == 1:
                node = inner[0]
            elif node.type in _LISTS:
                found.extend(_name_texts(inner, clean))
                continue
        name = normalise(text(node, clean)[:VALUE_LIMIT])
        if node.type in _STRING_TYPES and len(name) >= 2 and name[0] in "\"'`" and name[-1] == name[0]:
            name = name[1:-1]
        elif node.type in ("simple_symbol", "hash_key_symbol"):
            name = name.lstrip(":")
        if name:
            found.append(name)
    return found


def assignments_of(captures: dict[str, list[Node]], clean: bytes) -> tuple[Assignment, ...]:
    """Assignments in source order, one per captured node, with its most specific scope."""
    best: dict[int, tuple[int, str, Node]] = {}
    for capture, nodes in captures.items():
        if not capture.startswith("assign."):
            continue
        scope = capture[7:]
        rank = _PRIORITY.get(scope, 0)
        for node in nodes:
            seen = best.get(node.id)
            if seen is None or seen[0] < rank:
                best[node.id] = (rank, scope, node)
    found: list[tuple[int, Assignment]] = []
    for _, scope, node in best.values():
        names, value = _parts(node)
        if value is None or not names:
            continue
        block = value.child_by_field_name("block") if value.type == "call" else None
        end = block.start_byte if block is not None else value.end_byte
        value_text = clean[value.start_byte : min(end, value.start_byte + VALUE_LIMIT * 4)]
        value_str = normalise(value_text.decode("utf-8", "replace"))[:VALUE_LIMIT]
        line = names[0].start_point[0] + 1
        for name in _name_texts(names, clean):
            found.append((node.start_byte, Assignment(name, value_str, line, scope)))
    found.sort(key=lambda item: (item[1].line, item[0]))
    return tuple(item[1] for item in found)
