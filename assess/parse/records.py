"""Captured nodes → the frozen fact records of :class:`~assess.model.FileFacts`.

Each function reads one capture name (see :mod:`assess.parse.spec`) and returns records in
source order. ``clean`` is the source with comments blanked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from tree_sitter import Node

from assess.model import Annotation, Call, Declaration, Import, StringLiteral
from assess.parse.nodes import text
from assess.parse.spec import LanguageSpec
from assess.parse.text import inner, normalise, split_callee, split_plain_arguments, strip_generics

if TYPE_CHECKING:
    from assess.parse.treesitter import Compiled

Captures = dict[str, list[Node]]

TYPE_KINDS = frozenset({"class", "interface", "enum", "struct", "module"})
"""Declaration kinds that contain methods."""

ARG_LIMIT = 200
"""Characters kept of each call argument."""

_ARG_BYTES = ARG_LIMIT * 4
_CALLEE_BYTES = 4096
_PLAIN_BYTES = 400
_START_BYTE = attrgetter("start_byte")
_OPEN_PAREN = ord("(")


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def calls_of(spec: LanguageSpec, comp: Compiled, captures: Captures, clean: bytes) -> tuple[Call, ...]:
    """Call sites and constructor calls, by line."""
    calls = _call_sites(spec, comp, _in_order(captures, "call"), clean)
    calls += _constructor_calls(spec, comp, _in_order(captures, "new"), clean)
    calls.sort(key=_by_line)
    return tuple(calls)


def _call_sites(spec: LanguageSpec, comp: Compiled, nodes: Sequence[Node], clean: bytes) -> list[Call]:
    """One Call per call node; the callee is the text before the arguments (the hot loop)."""
    args_field, block_field, generics = comp.args_field, comp.block_field, spec.generics
    calls: list[Call] = []
    append = calls.append
    args: tuple[str, ...]
    for node in nodes:
        start = node.start_byte
        arguments = node.child_by_field_id(args_field)
        if arguments is None:
            end, line, args = node.end_byte, node.start_point[0] + 1, ()
        else:
            end, line = arguments.start_byte, arguments.start_point[0] + 1
            args = _arguments(comp, arguments, clean)
        if block_field:
            block = node.child_by_field_id(block_field)
            if block is not None and block.start_byte < end:
                end = block.start_byte
        callee = clean[max(start, end - _CALLEE_BYTES) : end].decode("utf-8", "replace")
        if callee.isidentifier():
            append(Call(callee, callee, None, args, line))
            continue
        callee = normalise(callee)
        if generics:
            callee = strip_generics(callee)
        receiver, name = split_callee(callee)
        append(Call(name, callee, receiver, args, line))
    return calls


def _constructor_calls(spec: LanguageSpec, comp: Compiled, nodes: Sequence[Node], clean: bytes) -> list[Call]:
    """One ``kind="new"`` Call per constructor call; the callee is the type without generics."""
    calls: list[Call] = []
    for node in nodes:
        if spec.new_type_field is not None:
            type_node = node.child_by_field_name(spec.new_type_field)
        else:
            type_node = next((c for c in node.named_children if not c.is_extra), None)
        if type_node is None:
            continue
        arguments = node.child_by_field_id(comp.args_field)
        if arguments is None:
            arguments = next((c for c in node.named_children if c.kind_id in comp.arglist_ids), None)
        callee = strip_generics(normalise(text(type_node, clean)))
        receiver, name = split_callee(callee)
        args = () if arguments is None else _arguments(comp, arguments, clean)
        calls.append(Call(name, callee, receiver, args, node.start_point[0] + 1, "new"))
    return calls


def _arguments(comp: Compiled, arguments: Node, clean: bytes) -> tuple[str, ...]:
    """Raw text of each argument: split as text when the list is plain, else from the tree."""
    start, end = arguments.start_byte, arguments.end_byte
    if end - start == 2 and clean[start] == _OPEN_PAREN:
        return ()
    if end - start <= _PLAIN_BYTES:
        plain = split_plain_arguments(clean[start:end].decode("utf-8", "replace"))
        if plain is not None:
            return tuple(plain) if end - start <= ARG_LIMIT else tuple([arg[:ARG_LIMIT] for arg in plain])
    if arguments.kind_id not in comp.arglist_ids:
        return (inner(clean[start : min(end, start + _ARG_BYTES)].decode("utf-8", "replace"))[:ARG_LIMIT],)
    return tuple(
        [
            clean[c.start_byte : min(c.end_byte, c.start_byte + _ARG_BYTES)].decode("utf-8", "replace")[
                :ARG_LIMIT
            ]
            for c in arguments.named_children
            if not c.is_extra
        ]
    )


def strings_of(spec: LanguageSpec, captures: Captures, clean: bytes) -> tuple[StringLiteral, ...]:
    """String literals (and Ruby symbols, as written), by line."""
    unquote = spec.unquote
    strings = [
        StringLiteral(
            unquote(clean[n.start_byte : n.end_byte].decode("utf-8", "replace")), n.start_point[0] + 1
        )
        for n in _in_order(captures, "string")
    ]
    symbols = _in_order(captures, "symbol")
    if symbols:
        strings += [
            StringLiteral(clean[n.start_byte : n.end_byte].decode("utf-8", "replace"), n.start_point[0] + 1)
            for n in symbols
        ]
        strings.sort(key=_by_line)
    return tuple(strings)


def _in_order(captures: Captures, name: str) -> list[Node]:
    """The nodes of one capture in source order (a query yields them almost sorted)."""
    nodes = captures.get(name, [])
    nodes.sort(key=_START_BYTE)
    return nodes


def _by_line(fact: StringLiteral | Import | Call | Annotation) -> int:
    return fact.line


def imports_of(spec: LanguageSpec, captures: Captures, clean: bytes) -> tuple[Import, ...]:
    """Modules of import nodes (via the front end's hook) and of module-naming strings."""
    found = [
        Import(module, _line(node))
        for node in captures.get("import", ())
        for module in spec.imports(node, clean)
        if module
    ]
    found += [
        Import(module, _line(node))
        for node in captures.get("import.str", ())
        if (module := spec.unquote(text(node, clean)).strip())
    ]
    found.sort(key=_by_line)
    return tuple(found)


def annotations_of(spec: LanguageSpec, captures: Captures, clean: bytes) -> tuple[Annotation, ...]:
    """Annotations, attributes and decorators (via the front end's hook), by line."""
    found: list[Annotation] = []
    for node in captures.get("annotation", ()):
        parts = spec.annotation(node, clean)
        if parts is not None and parts[0]:
            found.append(Annotation(parts[0], parts[1], _line(node)))
    found.sort(key=_by_line)
    return tuple(found)


def _declaration_nodes(captures: Captures) -> Iterable[tuple[int, int, str, Node]]:
    for capture, nodes in captures.items():
        if capture.startswith("decl."):
            kind = capture[5:]
            for node in nodes:
                yield node.start_byte, -node.end_byte, kind, node


def declarations_of(spec: LanguageSpec, captures: Captures, clean: bytes) -> tuple[Declaration, ...]:
    """Declarations in source order; containers found with a stack over byte ranges."""
    found: list[Declaration] = []
    wrapped_starts = _wrapped_starts(spec, captures)
    open_: list[tuple[int, str, str]] = []  # (end byte, kind, name) of enclosing declarations
    for start, neg_end, kind, node in sorted(_declaration_nodes(captures), key=lambda d: (d[0], d[1])):
        while open_ and open_[-1][0] <= start:
            open_.pop()
        name = _declaration_name(spec, node, clean)
        if not name:
            continue
        container = next((n for _, k, n in reversed(open_) if k in TYPE_KINDS), None)
        if kind == "function" and open_ and open_[-1][1] in TYPE_KINDS:
            kind = "method"
        if spec.container is not None:
            container = spec.container(node, clean) or container
        start_row = wrapped_starts.get(start, -1)
        if start_row < 0:
            start_row = _leading_start(spec, node) if spec.leading_types else node.start_point[0]
        end_row, end_column = node.end_point
        if end_column == 0 and end_row > start_row:
            end_row -= 1
        found.append(Declaration(kind, name, start_row + 1, end_row + 1, container))
        open_.append((-neg_end, kind, name))
    return tuple(found)


def _declaration_name(spec: LanguageSpec, node: Node, clean: bytes) -> str | None:
    for field in spec.name_fields:
        name_node = node.child_by_field_name(field)
        if name_node is not None:
            name = normalise(text(name_node, clean))
            return spec.unquote(name) if name[:1] in ("'", '"') else name
    return None


def _wrapped_starts(spec: LanguageSpec, captures: Captures) -> dict[int, int]:
    """Start byte of each wrapped declaration → start row of its wrapper (decorators)."""
    starts: dict[int, int] = {}
    for wrapper in captures.get("wrapper", ()):
        wrapped = wrapper.child_by_field_name(spec.wrapped_field)
        if wrapped is not None:
            starts[wrapped.start_byte] = wrapper.start_point[0]
    return starts


def _leading_start(spec: LanguageSpec, node: Node) -> int:
    """Start row of a declaration including the decorators written just before it."""
    row = node.start_point[0]
    sibling = node.prev_named_sibling
    while sibling is not None and (sibling.is_extra or sibling.type in spec.leading_types):
        if not sibling.is_extra:
            row = sibling.start_point[0]
        sibling = sibling.prev_named_sibling
    return row


def references_of(captures: Captures, clean: bytes) -> tuple[str, ...]:
    """Type names in type positions, each once, in source order (whitespace removed)."""
    nodes = _in_order(captures, "ref")
    if not nodes:
        return ()
    unique = dict.fromkeys(clean[n.start_byte : n.end_byte] for n in nodes)
    return tuple(["".join(name.decode("utf-8", "replace").split()) for name in unique])


def namespace_of(captures: Captures, clean: bytes) -> str | None:
    """The first package / namespace name in the file (``com.acme.shop``, ``App\\Http``)."""
    nodes = _in_order(captures, "namespace")
    if not nodes:
        return None
    return "".join(text(nodes[0], clean).split()) or None
