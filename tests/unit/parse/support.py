"""Helpers for the parse tests: parse a dedented snippet and pick facts out of the result."""

from __future__ import annotations

import textwrap

from assess.model import Call, FileFacts
from assess.parse import parse_code


def parse(language: str, code: str, path: str | None = None) -> FileFacts:
    """Facts of a dedented snippet whose first line is line 1; asserts no parse error."""
    source = textwrap.dedent(code).lstrip("\n").encode()
    facts = parse_code(path or f"snippet.{language}", language, source)
    assert facts.error is None
    return facts


def calls_named(facts: FileFacts, name: str) -> list[Call]:
    """Every call whose name is ``name``."""
    return [call for call in facts.calls if call.name == name]


def only_call(facts: FileFacts, name: str) -> Call:
    """The single call named ``name``."""
    found = calls_named(facts, name)
    assert len(found) == 1, found
    return found[0]


def values(facts: FileFacts) -> list[str]:
    """String literal values in order."""
    return [s.value for s in facts.strings]


def modules(facts: FileFacts) -> list[str]:
    """Imported module texts in order."""
    return [i.module for i in facts.imports]


def declared(facts: FileFacts) -> list[tuple[str, str, int, int, str | None]]:
    """(kind, name, start, end, container) of every declaration."""
    return [(d.kind, d.name, d.start_line, d.end_line, d.container) for d in facts.declarations]
