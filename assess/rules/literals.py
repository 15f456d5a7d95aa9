"""Regex helpers for the one-pass engine: finite literal sets and combined prefilters.

Both are exact: :func:`literal_set` returns the complete set of strings a pattern fullmatches
(or None when it cannot tell), and :func:`combined` builds one alternation that matches a text
whenever any of its member patterns would (or None when the patterns cannot be combined safely).
"""

from __future__ import annotations

import re
import re._constants as _c  # type: ignore[import-not-found]  # parsed patterns, for their literals
import re._parser as _parser  # type: ignore[import-not-found]
from collections.abc import Sequence
from typing import Any

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


MAX_REQUIRED = 64
"""A pattern needing one of more literals than this gets no literal gate."""

_Need = frozenset[str] | None


def _better(a: _Need, b: _Need) -> _Need:
    """The more selective of two requirements: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    key_a, key_b = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


MAX_CLASS = 10
"""A character class of at most this many plain characters counts as a set of literals."""


def _joined(heads: set[str], tails: set[str]) -> set[str] | None:
    joined = {head + tail for head in heads for tail in tails}
    return joined if len(joined) <= MAX_REQUIRED else None


def _exact(op: Any, av: Any) -> set[str] | None:
    """Every string one item of a parsed pattern matches (lower-cased), when few; else None."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        if len(av) > MAX_CLASS or any(kind is not _c.LITERAL for kind, _ in av):
            return None
        return {chr(code).lower() for _, code in av}
    if op is _c.SUBPATTERN:
        return _exact_sequence(av[3])
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            strings = _exact_sequence(branch)
            if strings is None:
                return None
            found |= strings
        return found if len(found) <= MAX_REQUIRED else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, inner = av
        strings = _exact_sequence(inner)
        if strings is None or high > 4:
            return None
        options: set[str] = set()
        repeated: set[str] | None = {""}
        for count in range(high + 1):
            if repeated is None:
                return None
            if count >= low:
                options |= repeated
            repeated = _joined(repeated, strings)
        return options if len(options) <= MAX_REQUIRED else None
    return None


def _exact_sequence(items: Any) -> set[str] | None:
    result: set[str] | None = {""}
    for op, av in items:
        strings = _exact(op, av)
        if strings is None or result is None:
            return None
        result = _joined(result, strings)
    return result


def _usable(strings: set[str]) -> _Need:
    """A run of exact items as a requirement: never when it may match the empty string."""
    if "" in strings or not all(s.isascii() for s in strings):
        return None
    return frozenset(strings)


def _sequence(items: Any) -> _Need:
    """What a sequence needs: the best of what its runs of exact items match (every match holds
    one of a run's strings) and of what its other items need."""
    best: _Need = None
    run: set[str] = {""}
    for op, av in items:
        strings = _exact(op, av)
        if strings is not None:
            joined = _joined(run, strings)
            if joined is not None:
                run = joined
                continue
            best = _better(best, _usable(run))
            run = strings
            continue
        best = _better(best, _usable(run))
        run = {""}
        best = _better(best, _item(op, av))
    return _better(best, _usable(run))


def _item(op: Any, av: Any) -> _Need:
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, inner = av
        return _sequence(inner) if low >= 1 else None
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            need = _sequence(branch)
            if need is None:
                return None
            found |= need
        return frozenset(found) if len(found) <= MAX_REQUIRED else None
    return None


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings at least one of which every match of ``pattern`` contains (in
    lower case), or None when no such set is found. A gate made of them is exact on ASCII text:
    a text whose lower-cased form holds none of them cannot match."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    need = _sequence(list(parsed))
    if need is None or not all(need) or len(need) > MAX_REQUIRED:
        return None
    return need


def anchored_at_start(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` can only match at the start of the text (``^`` or ``\\A`` first, no
    MULTILINE): searching it costs one attempt, so it needs no gate."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.MULTILINE | re.VERBOSE):
        return False
    try:
        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return False
    return bool(parsed) and parsed[0] in ((_c.AT, _c.AT_BEGINNING), (_c.AT, _c.AT_BEGINNING_STRING))


def trie_alternation(words: Sequence[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie (``ab(?:c|d)``): searched several
    times faster than a flat alternation, and at any position it matches the longest word that
    starts there (the optional tails are greedy)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only characters beyond ASCII that a case-insensitive pattern matches to an ASCII letter
(İ ı → i, ſ → s, the Kelvin sign → k); İ is also the only one whose ``lower()`` is longer."""


def fold(text: str) -> str:
    """``text`` lower-cased with those characters turned into their ASCII letters: the same
    length and line breaks as ``text``, and it holds (in lower case) every ASCII literal that a
    match of any pattern in ``text`` holds, case-insensitive or not."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()
