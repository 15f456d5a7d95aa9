"""Pure text helpers shared by the language front ends: callee splitting and unquoting."""

from __future__ import annotations

import re

_SPACE_AROUND_SEPARATOR = re.compile(r"\s*(\?\.|&\.|\?->|->|::|\.)\s*")
_GENERIC_ARGS = re.compile(r"<[\w$.,\s\[\]?*&:]*>")
_MEMBER_TAIL = re.compile(r"(\?\.|&\.|\?->|->|::|\.)([$\w]+[?!]?)\Z")
_LAST_NAME = re.compile(r"([$\w]+[?!]?)[^$\w]*\Z")
_PLAIN_ARGUMENT = r"""(?:"[^"\\\n]*"|'[^'\\\n]*'|[^,()\[\]{}"'`<\\])+"""
_PLAIN_ARGUMENTS = re.compile(rf"(?:{_PLAIN_ARGUMENT},)*(?:{_PLAIN_ARGUMENT})?\Z")
_ARGUMENT = re.compile(_PLAIN_ARGUMENT)
_NEEDS_TREE = re.compile(r"[()\[\]{}`<\\]")
_QUOTED = re.compile(r"[A-Za-z@$]*(\"{3,}|'''|\"|'|`)(.*)\1[A-Za-z0-9]*\Z", re.DOTALL)
_OPENING = re.compile(r"[A-Za-z@$]*(?:\"{3,}|'''|\"|'|`)")


def normalise(text: str) -> str:
    """Collapse whitespace runs to one space and drop spaces around member separators."""
    if " " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _SPACE_AROUND_SEPARATOR.sub(r"\1", " ".join(text.split()))
    return text


def strip_generics(text: str) -> str:
    """Remove generic type arguments (``List<String>`` → ``List``), nested ones included."""
    while "<" in text:
        stripped = _GENERIC_ARGS.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text


def split_callee(callee: str) -> tuple[str | None, str]:
    """Split a normalised callee into (receiver, name): ``a.b.c`` → (``a.b``, ``c``)."""
    if callee.isidentifier():
        return None, callee
    head, dot, name = callee.rpartition(".")
    if dot and head and name.isidentifier():
        if head[-1] in "?&":  # a?.b, a&.b
            head = head[:-1]
        if head:
            return head, name
    tail = _MEMBER_TAIL.search(callee)
    if tail is not None:
        return (callee[: tail.start()] or None), tail.group(2)
    last = _LAST_NAME.search(callee)
    return None, (last.group(1) if last is not None else callee)


def unquote(text: str) -> str:
    """The value of a quoted literal without prefix, quotes or suffix (``f"x"`` → ``x``).

    Unterminated literals (error recovery) lose only their opening quote.
    """
    first = text[:1]
    if first in ('"', "'", "`") and len(text) >= 2 and text[-1] == first and text[1:2] != first:
        return text[1:-1]
    match = _QUOTED.match(text)
    if match is not None:
        return match.group(2)
    opening = _OPENING.match(text)
    return text[opening.end() :] if opening is not None else text


def inner(text: str) -> str:
    """Argument text without its surrounding parentheses and blanks."""
    text = text.strip()
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1]
    return text.strip()


def split_plain_arguments(text: str) -> list[str] | None:
    """Arguments of a bracket-free argument list (``(a, "x,y", k=1)``), or None when it has
    brackets, escapes, template strings, generics or lambdas and needs the syntax tree."""
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1]
    if _NEEDS_TREE.search(text) is not None or "lambda" in text:
        return None
    if "," not in text:
        text = text.strip()
        return [text] if text else []
    if '"' in text or "'" in text:
        if _PLAIN_ARGUMENTS.match(text) is None:
            return None
        return [arg for found in _ARGUMENT.findall(text) if (arg := found.strip())]
    return [arg for found in text.split(",") if (arg := found.strip())]
