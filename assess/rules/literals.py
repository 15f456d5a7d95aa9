"""Regex helpers for the one-pass engine: finite literal sets and combined prefilters.

Both are exact: :func:`literal_set` returns the complete set of strings a pattern fullmatches
(or None when it cannot tell), and :func:`combined` builds one alternation that matches a text
whenever any of its member patterns would (or None when the patterns cannot be combined safely).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LITERALS = 1024
"""A pattern whose literal expansion is larger than this is not indexed."""

_META = set(".^$*+?{}[]\\|()")
_FLAG_PREFIX = re.compile(r"^\(\?([aiLmsux]+)\)")
_UNCOMBINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


class _Unsupported(Exception):
    pass


class _Expander:
    """Recursive-descent expansion of a small regex subset into all the strings it matches.

    Supported: literal characters, backslash-escaped punctuation, groups (``(...)``,
    ``(?:...)``, ``(?P<name>...)``) with ``|`` alternatives, simple character classes without
    ranges or negation, and the ``?`` quantifier. Anything else is unsupported.
    """

    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def alternation(self) -> set[str]:
        result = self.sequence()
        while self.peek() == "|":
            self.pos += 1
            result |= self.sequence()
            _check(result)
        return result

    def sequence(self) -> set[str]:
        result = {""}
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            if self.peek() == "?":
                self.pos += 1
                if self.peek() in ("?", "+"):
                    raise _Unsupported
                atom = atom | {""}
            if self.peek() in ("*", "+", "{"):
                raise _Unsupported
            result = {head + tail for head in result for tail in atom}
            _check(result)
        return result

    def atom(self) -> set[str]:
        char = self.peek()
        if char == "(":
            self.pos += 1
            if self.text.startswith("?:", self.pos):
                self.pos += 2
            elif self.text.startswith("?P<", self.pos):
                end = self.text.find(">", self.pos)
                if end < 0:
                    raise _Unsupported
                self.pos = end + 1
            elif self.peek() == "?":
                raise _Unsupported
            inner = self.alternation()
            if self.peek() != ")":
                raise _Unsupported
            self.pos += 1
            return inner
        if char == "[":
            return self.char_class()
        if char == "\\":
            return {self.escaped()}
        if char in _META:
            raise _Unsupported
        self.pos += 1
        return {char}

    def escaped(self) -> str:
        self.pos += 1
        char = self.peek()
        if not char or char.isalnum() or char == "_":
            raise _Unsupported
        self.pos += 1
        return char

    def char_class(self) -> set[str]:
        self.pos += 1
        if self.peek() in ("^", "]"):
            raise _Unsupported
        chars: set[str] = set()
        while self.peek() != "]":
            char = self.peek()
            if char == "":
                raise _Unsupported
            if char == "\\":
                chars.add(self.escaped())
                continue
            if char in "-[":
                raise _Unsupported
            chars.add(char)
            self.pos += 1
        self.pos += 1
        return chars


def _check(strings: set[str]) -> None:
    if len(strings) > MAX_LITERALS:
        raise _Unsupported


def literal_set(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every string ``pattern`` fullmatches, when that set is finite and small; else None.

    Patterns with flags that change matching (ignore case, verbose, …) are never expanded.
    """
    if pattern.flags & ~(re.UNICODE):
        return None
    expander = _Expander(pattern.pattern)
    try:
        strings = expander.alternation()
    except _Unsupported:
        return None
    if expander.pos != len(expander.text):
        return None
    return frozenset(strings)


def _scoped(pattern: re.Pattern[str]) -> str | None:
    """The pattern as a group that keeps its own leading flags, or None when unsafe to combine."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE or _UNCOMBINABLE.search(source):
        return None
    prefix = _FLAG_PREFIX.match(source)
    if prefix:
        return f"(?{prefix.group(1)}:{source[prefix.end() :]})"
    return f"(?:{source})"


def combined(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One alternation of ``patterns`` (searching it finds a match iff one of them would), or
    None when they cannot be combined without changing what matches."""
    parts = []
    for pattern in patterns:
        part = _scoped(pattern)
        if part is None:
            return None
        parts.append(part)
    if not parts:
        return None
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None
