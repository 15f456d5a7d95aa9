"""Small text helpers: offsets to lines, finding declarations, blanking comments, JSON sections."""

from __future__ import annotations

import re
from collections.abc import Iterator

_JSON_STRING = r'"(?:[^"\\\n]|\\.)*"'
_JSON_PAIR = re.compile(rf"\s*({_JSON_STRING})\s*:\s*({_JSON_STRING})\s*,?")


def line_at(text: str, offset: int) -> int:
    """The 1-based line holding character ``offset``."""
    return text.count("\n", 0, max(0, offset)) + 1


def find_line(text: str, pattern: str | re.Pattern[str], start: int = 0, end: int | None = None) -> int:
    """1-based line of the first ``pattern`` match in ``text[start:end]``; 0 when absent."""
    regex = re.compile(pattern, re.MULTILINE) if isinstance(pattern, str) else pattern
    match = regex.search(text, start, len(text) if end is None else end)
    return line_at(text, match.start()) if match else 0


def blank_c_comments(text: str) -> str:
    """Replace ``//`` and ``/* */`` comments with spaces, keeping strings and line numbers intact."""
    out: list[str] = []
    i, n = 0, len(text)
    quote: str | None = None
    while i < n:
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote or ch == "\n":
                quote = None
            i += 1
            continue
        if ch in "\"'`":
            quote = ch
            out.append(ch)
            i += 1
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def blank_hash_comments(text: str) -> str:
    """Replace ``#`` comments (outside simple quotes) with spaces, line by line."""
    lines = []
    for line in text.split("\n"):
        quote: str | None = None
        cut = len(line)
        for i, ch in enumerate(line):
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                cut = i
                break
        lines.append(line[:cut] + " " * (len(line) - cut))
    return "\n".join(lines)


def _json_unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def json_section(text: str, key: str) -> tuple[int, int] | None:
    """Offsets ``(open, close)`` of the object value of the first ``"key": {`` in JSON ``text``.

    ``close`` is the end of the text when the object is not closed (truncated file).
    """
    match = re.search(rf'"{re.escape(key)}"\s*:\s*\{{', text)
    if not match:
        return None
    depth = 0
    i, n = match.end() - 1, len(text)
    in_string = False
    while i < n:
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return (match.end() - 1, i)
        i += 1
    return (match.end() - 1, n)


def json_key_line(text: str, section: str | None, key: str) -> int:
    """Line of ``"key":`` inside the object ``"section": {...}`` (or anywhere when section is None)."""
    pattern = re.compile(rf'"{re.escape(key)}"\s*:')
    if section is None:
        return find_line(text, pattern)
    span = json_section(text, section)
    if span is None:
        return 0
    return find_line(text, pattern, span[0], span[1])


def json_string_pairs(text: str, section: str) -> Iterator[tuple[str, str, int]]:
    """Tolerant scan of ``"name": "value"`` pairs in a JSON section, for truncated files.

    Yields ``(name, value, line)`` and stops at the first thing that is not such a pair.
    """
    span = json_section(text, section)
    if span is None:
        return
    pos = span[0] + 1
    while pos < span[1]:
        match = _JSON_PAIR.match(text, pos, span[1])
        if not match:
            return
        yield _json_unquote(match.group(1)), _json_unquote(match.group(2)), line_at(text, match.start(1))
        pos = match.end()
