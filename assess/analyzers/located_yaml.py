"""YAML documents with the line of every key and item, read with the safe loader and bounds.

Scanned YAML is hostile: only PyYAML's safe composer is used (no tags constructed beyond the
standard scalars), input size, document count, nesting depth and the number of nodes visited
are bounded (aliases may repeat a subtree many times: a "billion laughs" stops at the budget).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

MAX_BYTES = 512 * 1024
MAX_DOCUMENTS = 100
MAX_NODES = 200_000
MAX_DEPTH = 64


class YamlTooComplex(ValueError):
    """The document exceeds one of the bounds."""


class LocatedMap(dict[str, Any]):
    """A mapping that remembers the line (1-based) of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LocatedList(list[Any]):
    """A sequence that remembers the line (1-based) of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Converter:
    def __init__(self) -> None:
        self.budget = MAX_NODES
        self.constructor = SafeConstructor()

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise YamlTooComplex(f"more than {MAX_NODES} YAML nodes")
        if depth > MAX_DEPTH:
            raise YamlTooComplex(f"YAML nested deeper than {MAX_DEPTH}")
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            mapping = LocatedMap(line)
            for key_node, value_node in node.value:
                key = self.convert(key_node, depth + 1)
                if isinstance(key, dict | list):
                    continue
                text = str(key)
                if key_node.tag == "tag:yaml.org,2002:merge" and isinstance(value_node, yaml.MappingNode):
                    merged = self.convert(value_node, depth + 1)
                    for k, v in merged.items():
                        mapping.setdefault(k, v)
                        mapping.lines.setdefault(k, merged.line_of(k))
                    continue
                mapping[text] = self.convert(value_node, depth + 1)
                mapping.lines[text] = key_node.start_mark.line + 1
            return mapping
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(line)
            for item in node.value:
                items.append(self.convert(item, depth + 1))
                items.lines.append(item.start_mark.line + 1)
            return items
        try:
            return self.constructor.construct_object(node)
        except (ConstructorError, ValueError, TypeError):
            return node.value


def load_documents(text: str) -> list[Any]:
    """Every document of ``text`` as plain values (mappings as :class:`LocatedMap`, sequences as
    :class:`LocatedList`). Raises :class:`yaml.YAMLError` or :class:`YamlTooComplex`."""
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise YamlTooComplex(f"larger than {MAX_BYTES} bytes")
    converter = _Converter()
    documents = []
    for index, node in enumerate(yaml.compose_all(text, Loader=yaml.SafeLoader)):
        if index >= MAX_DOCUMENTS:
            raise YamlTooComplex(f"more than {MAX_DOCUMENTS} YAML documents")
        documents.append(converter.convert(node) if node is not None else None)
    return documents
