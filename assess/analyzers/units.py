"""Code units: the names the data and decomposition analyses use for "a part of the code".

In the class-per-file languages with namespaces (Java, C#, PHP) a unit is the enclosing
top-level type qualified by its package or namespace (``com.acme.shop.orders.OrderService``,
``Acme.Api.OrdersController``, ``App\\Models\\Invoice``). Elsewhere, and for code outside any
type, a unit is the module named from the file path (``orders.views`` for
``orders/views.py``, ``src/routes/claims`` for a JS/TS/Ruby file, the package folder for Go). Every analysis names units through :func:`unit_at` so their
results join on the same keys.
"""

from __future__ import annotations

from functools import lru_cache

from assess.model import Declaration, FileFacts

_TYPE_KINDS = frozenset({"class", "interface", "enum", "struct", "module"})
_TYPE_UNIT_LANGUAGES = frozenset({"java", "csharp", "php"})
_NAMESPACE_SEPARATOR = {"php": "\\"}
_PY_ROOTS = ("src/",)


@lru_cache(maxsize=65536)
def module_name(path: str, language: str) -> str:
    """The module a file is, named from its path (no extension; Python dotted; Go by folder).

    Cached: the call graph asks for the same few thousand paths millions of times."""
    folder, _, name = path.rpartition("/")
    if language == "go":
        return folder or "main"
    dot = name.rfind(".")
    stem = f"{folder}/{name}" if folder else name
    if dot > 0:
        stem = stem[: len(stem) - (len(name) - dot)]
    if language == "python":
        for root in _PY_ROOTS:
            stem = stem.removeprefix(root)
        stem = stem.removesuffix("/__init__")
        return stem.replace("/", ".")
    return stem


def _outermost_type(declarations: tuple[Declaration, ...], line: int) -> Declaration | None:
    best: Declaration | None = None
    for decl in declarations:
        inside = decl.kind in _TYPE_KINDS and decl.start_line <= line <= decl.end_line
        if inside and (best is None or decl.start_line < best.start_line):
            best = decl
    return best


def qualified(facts: FileFacts, name: str) -> str:
    """A type name qualified by the file's namespace, when the language has one."""
    if not facts.namespace:
        return name
    separator = _NAMESPACE_SEPARATOR.get(facts.language, ".")
    return f"{facts.namespace}{separator}{name}"


def unit_at(facts: FileFacts, line: int) -> str:
    """The unit that owns ``line`` of a file: its outermost enclosing type, else the module."""
    if facts.language in _TYPE_UNIT_LANGUAGES:
        owner = _outermost_type(facts.declarations, line)
        if owner is not None:
            return qualified(facts, owner.name)
    return module_name(facts.path, facts.language)


def units_of(facts: FileFacts) -> tuple[str, ...]:
    """Every unit a file declares (top-level types), or its module when it declares none."""
    if facts.language not in _TYPE_UNIT_LANGUAGES:
        return (module_name(facts.path, facts.language),)
    tops = [
        d
        for d in facts.declarations
        if d.kind in _TYPE_KINDS and _outermost_type(facts.declarations, d.start_line) is d
    ]
    if not tops:
        return (module_name(facts.path, facts.language),)
    return tuple(dict.fromkeys(qualified(facts, d.name) for d in tops))
