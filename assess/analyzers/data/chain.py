"""Split a callee such as ``Order.objects.filter(a=1).update`` into its member segments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SEPARATORS = ("?->", "->", "::", "?.", "&.", ".")
_STRING = re.compile(r"""^\s*(?:['"`])([\w.\-]+)(?:['"`])\s*$""")


@dataclass(frozen=True, slots=True)
class Segment:
    """One member of a chain: its name and, when called, the raw argument text."""

    name: str
    args: str | None = None

    @property
    def first_string(self) -> str | None:
        """The first argument when it is a plain string literal (``table('x')`` → ``x``)."""
        if not self.args:
            return None
        first = _split_args(self.args)[0] if self.args.strip() else ""
        match = _STRING.match(first)
        return match.group(1) if match else None

    @property
    def first_arg(self) -> str:
        """The first argument's raw text ('' when none)."""
        if not self.args or not self.args.strip():
            return ""
        return _split_args(self.args)[0].strip()


def _split_args(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    quote: str | None = None
    for ch in text:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "'\"`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def split_chain(text: str, limit: int = 4000) -> list[Segment]:
    """Segments of a member chain; arguments and indexers are kept per segment, not split on."""
    return list(_split_chain(text[:limit]))


@lru_cache(maxsize=8192)
def _split_chain(text: str) -> tuple[Segment, ...]:
    """:func:`split_chain`, memoised: one file resolves the same receivers and assigned values
    over and over (segments are frozen, so the cached tuple is shared safely)."""
    segments: list[Segment] = []
    name: list[str] = []
    args: str | None = None
    depth = 0
    start_args = 0
    quote: str | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = None
            i += 1
            continue
        if depth > 0:
            if ch in "'\"`":
                quote = ch
            elif ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
                if depth == 0 and text[start_args - 1] == "(":
                    args = text[start_args:i]
            i += 1
            continue
        if ch in "([{":
            depth = 1
            start_args = i + 1
            i += 1
            continue
        separator = next((s for s in _SEPARATORS if text.startswith(s, i)), None)
        if separator:
            if name or args is not None:
                segments.append(Segment("".join(name).strip(), args))
            name, args = [], None
            i += len(separator)
            continue
        if ch in "'\"`":
            quote = ch
        name.append(ch)
        i += 1
    if name or args is not None:
        segments.append(Segment("".join(name).strip(), args))
    return tuple(s for s in segments if s.name or s.args is not None)
