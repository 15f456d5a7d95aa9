"""Name conventions of the ORMs: snake case, English plurals, and how variables name types."""

from __future__ import annotations

import re

_IRREGULAR = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "mouse": "mice",
    "goose": "geese",
    "datum": "data",
    "criterion": "criteria",
    "index": "indices",
}
_IRREGULAR_SINGULAR = {plural: single for single, plural in _IRREGULAR.items()}
_UNCOUNTABLE = frozenset(
    {"equipment", "information", "money", "series", "species", "news", "data", "metadata"}
)
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_VARIABLE_PREFIX = re.compile(r"^(?:\$this->|\$|@@|@|self\.|this\.|cls\.|_+)")


def snake(name: str) -> str:
    """``OrderLine`` → ``order_line``; ``HTTPServer`` → ``http_server``; ``order-line`` → ``order_line``."""
    return _CAMEL_BOUNDARY.sub("_", name).replace("-", "_").lower()


def camel(name: str) -> str:
    """``order_line`` / ``orderLine`` → ``OrderLine``."""
    parts = re.split(r"[_\-\s]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def plural(word: str) -> str:
    """English plural of one lower- or mixed-case word (``category`` → ``categories``)."""
    lower = word.lower()
    if not word or lower in _UNCOUNTABLE:
        return word
    if lower in _IRREGULAR:
        replacement = _IRREGULAR[lower]
        return word[0] + replacement[1:] if word[0].isupper() == replacement[0].isupper() else replacement
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """English singular of one word (``categories`` → ``category``, ``addresses`` → ``address``)."""
    lower = word.lower()
    if lower in _UNCOUNTABLE:
        return word
    if lower in _IRREGULAR_SINGULAR:
        return word[: len(word) - len(lower)] + _IRREGULAR_SINGULAR[lower]
    if lower.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", lower) or lower.endswith("statuses"):
        return word[:-2]
    if lower.endswith("ses") and not lower.endswith("uses"):
        return word[:-1]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def pluralize_last(snake_name: str) -> str:
    """Pluralise the last word of a snake name (``order_line`` → ``order_lines``)."""
    head, _, last = snake_name.rpartition("_")
    return f"{head}_{plural(last)}" if head else plural(last)


def tableize(class_name: str) -> str:
    """Rails / Laravel table name of a model class (``InvoiceLine`` → ``invoice_lines``)."""
    return pluralize_last(snake(class_name.rsplit("::", 1)[-1].rsplit("\\", 1)[-1]))


def variable_stem(text: str) -> str:
    """A variable or member name without sigils and self/this prefixes (``@project`` → ``project``)."""
    return _VARIABLE_PREFIX.sub("", text.strip())


def type_candidates(variable: str) -> tuple[str, ...]:
    """Class names a variable may hold, most likely first (``order_lines`` → ``OrderLine``)."""
    stem = variable_stem(variable)
    if not stem or not (stem[0].isalpha()):
        return ()
    snake_stem = snake(stem)
    head, _, last = snake_stem.rpartition("_")
    single = f"{head}_{singular(last)}" if head else singular(last)
    names = [camel(snake_stem), camel(single)]
    if head:
        names.append(camel(singular(last)))
    return tuple(dict.fromkeys(n for n in names if n))


def is_plural(variable: str) -> bool:
    """True when the last word of a variable name is an English plural (``stock_levels``)."""
    last = snake(variable_stem(variable)).rpartition("_")[2]
    return bool(last) and singular(last) != last
