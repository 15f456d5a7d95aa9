"""The static dependency graph between code units, from imports, type references and calls.

Nodes are the code units of :mod:`assess.analyzers.units` (classes in Java, C# and PHP; modules
elsewhere), so the data-affinity and change-coupling graphs join on the same names. A directed
edge ``a → b`` means code in ``a`` depends on ``b``; its attributes count the evidence:

``imports``
    import / using / require statements of ``a`` that resolve to ``b``
``references``
    type names ``a`` mentions in type positions (fields, parameters, base classes, generic
    arguments; Ruby constants) that resolve to ``b`` — dependencies and inheritance that need no
    import (same package or namespace)
``calls``
    call sites in ``a`` whose target resolves to ``b``: ``new B(...)``, static calls ``B.m()``,
    calls of names imported from ``b`` (``charge(...)``, ``Order.objects.get(...)``; in JS/TS a
    function or class ``b`` declares, or ``b``'s module object: ``store.list()``; in Go
    ``billing.Raise()`` through the package name)

and ``weight`` is ``imports × w_imports + references × w_references + calls × w_calls``.
Names resolve the way each language resolves them: same package or namespace first, then
explicit imports, then imported packages/namespaces; Python by module path (relative imports
included), JS/TS and Ruby by relative path, Go by import-path suffix. An unresolved name adds
nothing: no edge is guessed from a name shared by unrelated units.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import networkx as nx

from assess.analyzers.units import module_name, qualified, unit_at, units_of
from assess.decompose.settings import StaticWeights
from assess.model import FileFacts

TYPE_KINDS = frozenset({"class", "interface", "enum", "struct", "module"})
_TYPE_UNIT_LANGUAGES = frozenset({"java", "csharp", "php"})
_JS_LANGUAGES = frozenset({"javascript", "typescript"})
_JS_SUFFIXES = (".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")

_TEST_DIRS = frozenset({"test", "tests", "spec", "specs", "__tests__", "testing", "testdata"})
_TEST_FILE = re.compile(
    r"(^test_.*\.py$|.*_test\.py$|^conftest\.py$|.*Tests?\.(java|cs|php|kt)$|.*_test\.go$"
    r"|.*\.(test|spec)\.[cm]?[jt]sx?$|.*_spec\.rb$|.*_test\.rb$)"
)


def is_test_path(path: str) -> bool:
    """True for test code by the usual layout of each ecosystem (``src/test/``, ``tests/``,
    ``test_x.py``, ``FooTest.java``, ``x_test.go``, ``x.spec.ts``, ``x_spec.rb``)."""
    parts = PurePosixPath(path).parts
    if any(part.lower() in _TEST_DIRS for part in parts[:-1]):
        return True
    return bool(_TEST_FILE.match(parts[-1])) if parts else False


def package_of(unit: str, facts: FileFacts) -> str:
    """The package or module folder a unit belongs to (used to name and group candidates)."""
    if facts.language in _TYPE_UNIT_LANGUAGES and facts.namespace:
        return facts.namespace
    if facts.language == "python":
        return unit.rsplit(".", 1)[0] if "." in unit else unit
    if facts.language == "go":
        return unit
    parent = posixpath.dirname(unit)
    return parent or unit


@dataclass
class EdgeEvidence:
    """Counts of the static dependencies behind one edge."""

    imports: int = 0
    references: int = 0
    calls: int = 0

    def weight(self, weights: StaticWeights) -> float:
        return (
            self.imports * weights.imports + self.references * weights.references + self.calls * weights.calls
        )


@dataclass
class _Index:
    """Where every name the resolvers need can be looked up."""

    units: dict[str, FileFacts] = field(default_factory=dict)
    unit_files: dict[str, str] = field(default_factory=dict)
    by_simple: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    """language family → simple type name → units declaring it (outermost unit of nested types)."""
    by_qualified: dict[str, str] = field(default_factory=dict)
    namespaces: set[str] = field(default_factory=set)
    modules: dict[str, str] = field(default_factory=dict)
    """Python dotted module / JS-TS-Ruby path stem / Go folder → unit."""
    exports: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """JS/TS module or Go package unit → its top-level declared names (classes, functions)."""
    go_names: dict[str, str] = field(default_factory=dict)
    """Go package unit (folder) → its package name (``package orders``)."""


def _family(language: str) -> str:
    return "js" if language in _JS_LANGUAGES else language


def _primary_unit(facts: FileFacts, units: tuple[str, ...]) -> str:
    stem = PurePosixPath(facts.path).stem
    for unit in units:
        if re.split(r"[.\\]", unit)[-1] == stem:
            return unit
    return units[0]


def code_units(facts: Mapping[str, FileFacts], *, exclude_tests: bool = True) -> dict[str, tuple[str, ...]]:
    """Units of every code file that has code (file → units), test code left out on request."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(facts):
        file_facts = facts[path]
        if file_facts.error or file_facts.code_lines == 0:
            continue
        if exclude_tests and is_test_path(path):
            continue
        found[path] = units_of(file_facts)
    return found


def _build_index(facts: Mapping[str, FileFacts], file_units: Mapping[str, tuple[str, ...]]) -> _Index:
    index = _Index()
    for path, units in file_units.items():
        file_facts = facts[path]
        family = _family(file_facts.language)
        for unit in units:
            index.units.setdefault(unit, file_facts)
            index.unit_files.setdefault(unit, path)
        if file_facts.language in _TYPE_UNIT_LANGUAGES:
            if file_facts.namespace:
                index.namespaces.add(file_facts.namespace)
            for decl in file_facts.declarations:
                if decl.kind not in TYPE_KINDS:
                    continue
                owner = unit_at(file_facts, decl.start_line)
                index.by_simple[family].setdefault(decl.name, []).append(owner)
                if decl.container is None:
                    index.by_qualified[qualified(file_facts, decl.name)] = owner
        else:
            module = module_name(path, file_facts.language)
            index.modules[module] = units[0]
            if file_facts.language in ("ruby", "go"):
                for decl in file_facts.declarations:
                    if decl.kind in TYPE_KINDS:
                        index.by_simple[family].setdefault(decl.name, []).append(units[0])
            if family in ("js", "go"):
                index.exports[units[0]].update(d.name for d in file_facts.declarations if d.container is None)
            if file_facts.language == "go" and file_facts.namespace:
                index.go_names.setdefault(units[0], file_facts.namespace)
    for names in index.by_simple.values():
        for name, owners in names.items():
            names[name] = sorted(set(owners))
    return index


class _TypeResolver:
    """Resolves type names from one file of a class-per-file language (Java, C#, PHP)."""

    def __init__(self, index: _Index, facts: FileFacts) -> None:
        self.index = index
        self.facts = facts
        self.separator = "\\" if facts.language == "php" else "."
        self.simple = index.by_simple.get(_family(facts.language), {})
        namespace = facts.namespace or ""
        self.scopes: list[str] = [namespace] if namespace else []
        if facts.language == "csharp" and namespace:
            parts = namespace.split(".")
            self.scopes += [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]
        self.imported: dict[str, str] = {}
        self.imported_scopes: list[str] = []
        self.import_units: list[tuple[str, int]] = []
        for item in facts.imports:
            module = item.module.lstrip("\\")
            target = self._qualified_prefix(module)
            if target is not None:
                self.import_units.append((target, item.line))
                self.imported[module.split(self.separator)[-1]] = target
            else:
                scope = module.removesuffix(".*").removesuffix("\\*")
                if scope in index.namespaces:
                    self.imported_scopes.append(scope)

    def _qualified_prefix(self, name: str) -> str | None:
        """The unit named by a qualified name or one of its prefixes (``a.B.Inner``, ``a.B.m``)."""
        parts = name.split(self.separator)
        for end in range(len(parts), 0, -1):
            found = self.index.by_qualified.get(self.separator.join(parts[:end]))
            if found is not None:
                return found
        return None

    def resolve(self, name: str) -> str | None:
        """The unit a type name written in this file means, or None."""
        name = name.lstrip("\\").split("<", 1)[0]
        if not name:
            return None
        separator = self.separator if self.separator in name else ("::" if "::" in name else None)
        if separator is not None:
            found = self._qualified_prefix(name.replace("::", self.separator))
            if found is not None:
                return found
            name = name.split(separator)[0]
        if name in self.imported:
            return self.imported[name]
        owners = self.simple.get(name)
        if not owners:
            return None
        if len(owners) == 1 and self.facts.language == "csharp":
            return owners[0]
        for scope in (*self.scopes, *self.imported_scopes):
            prefix = scope + self.separator
            for owner in owners:
                if owner.startswith(prefix) and self.separator not in owner[len(prefix) :]:
                    return owner
        return None


def _python_module(index: _Index, path: str, module: str) -> tuple[str, str] | None:
    """(unit, remainder) for an imported dotted name, relative imports resolved from ``path``."""
    if module.startswith("."):
        dots = len(module) - len(module.lstrip("."))
        package = module_name(path, "python").split(".")
        if not path.endswith("__init__.py"):
            package = package[:-1]
        base = package[: len(package) - (dots - 1)] if dots > 1 else package
        rest = module[dots:]
        module = ".".join([*base, rest] if rest else base)
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        unit = index.modules.get(".".join(parts[:end]))
        if unit is not None:
            return unit, ".".join(parts[end:])
    return None


def _js_module(index: _Index, path: str, spec: str) -> str | None:
    if not spec.startswith("."):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), spec))
    for suffix in _JS_SUFFIXES:
        if joined.endswith(suffix):
            joined = joined[: -len(suffix)]
            break
    return index.modules.get(joined) or index.modules.get(joined + "/index")


def _ruby_module(index: _Index, path: str, spec: str) -> str | None:
    base = posixpath.dirname(path) if spec.startswith(".") else ""
    joined = posixpath.normpath(posixpath.join(base, spec)).removesuffix(".rb")
    return (
        index.modules.get(joined) or index.modules.get("lib/" + joined) or index.modules.get("app/" + joined)
    )


def _go_module(index: _Index, spec: str) -> str | None:
    best: str | None = None
    for folder in index.modules:
        if (spec == folder or spec.endswith("/" + folder)) and (best is None or len(folder) > len(best)):
            best = folder
    return index.modules[best] if best is not None else None


def _head(text: str) -> str:
    match = _IDENT.match(text)
    return match.group(0) if match else ""


def _named(text: str | None) -> bool:
    """True when a callee or receiver is a plain (qualified) name, not a chain on a call's
    result: ``Locator.get().open()`` calls ``Locator`` once, not twice."""
    return text is not None and text != "" and "(" not in text


class _Collector:
    def __init__(self) -> None:
        self.edges: dict[tuple[str, str], EdgeEvidence] = defaultdict(EdgeEvidence)

    def add(self, source: str, target: str | None, kind: str, count: int = 1) -> None:
        if target is None or target == source:
            return
        evidence = self.edges[(source, target)]
        setattr(evidence, kind, getattr(evidence, kind) + count)


def _type_language_edges(index: _Index, facts: FileFacts, units: tuple[str, ...], out: _Collector) -> None:
    resolver = _TypeResolver(index, facts)
    primary = _primary_unit(facts, units)
    for imported, line in resolver.import_units:
        out.add(unit_at(facts, line) if len(units) > 1 else primary, imported, "imports")
    for name in dict.fromkeys(resolver.resolve(ref) for ref in facts.references):
        out.add(primary, name, "references")
    target: str | None
    for call in facts.calls:
        if call.kind == "new":
            target = resolver.resolve(call.callee)
        elif call.receiver and call.receiver[:1].isupper() and _named(call.receiver):
            target = resolver.resolve(_head(call.receiver))
        else:
            continue
        if target is not None:
            out.add(unit_at(facts, call.line), target, "calls")


def _python_edges(index: _Index, facts: FileFacts, unit: str, out: _Collector) -> None:
    local: dict[str, str] = {}
    for item in facts.imports:
        found = _python_module(index, facts.path, item.module)
        if found is None:
            continue
        target, remainder = found
        out.add(unit, target, "imports")
        local[remainder.split(".")[0] if remainder else item.module.rsplit(".", 1)[-1]] = target
    for call in facts.calls:
        if _named(call.callee):
            out.add(unit, local.get(_head(call.callee)), "calls")
        for arg in call.args:
            literal = arg.strip("'\"")
            if literal != arg and "." in literal:
                # a module named in a string: include("orders.urls"), import_module("x.y")
                out.add(unit, index.modules.get(literal), "references")
            else:
                # an imported name passed along: path("cart/", views.cart_view), ForeignKey(Customer)
                out.add(unit, local.get(_head(arg.rpartition("=")[2].strip())), "references")


def _imported_names(index: _Index, facts: FileFacts, targets: list[str]) -> dict[str, str]:
    """Local name → imported unit, for JS/TS and Go call sites.

    JS/TS: a module's file stem (``store`` for ``require("../store")``, ``import * as store``)
    and the names it declares at top level (``import { zoneFor }``); Go: the imported package's
    name (``billing`` in ``billing.Raise()``). A name two imported units both offer, or one the
    file declares itself, stays unresolved.
    """
    offered: dict[str, set[str]] = defaultdict(set)
    for target in targets:
        if facts.language == "go":
            offered[index.go_names.get(target, posixpath.basename(target))].add(target)
            continue
        stem = posixpath.basename(target)
        offered[posixpath.basename(posixpath.dirname(target)) if stem == "index" else stem].add(target)
        for name in index.exports.get(target, ()):
            offered[name].add(target)
    own = {d.name for d in facts.declarations if d.container is None}
    return {name: next(iter(units)) for name, units in offered.items() if len(units) == 1 and name not in own}


def _path_language_edges(index: _Index, facts: FileFacts, unit: str, out: _Collector) -> None:
    language = facts.language
    targets: list[str] = []
    for item in facts.imports:
        if language in _JS_LANGUAGES:
            target = _js_module(index, facts.path, item.module)
        elif language == "ruby":
            target = _ruby_module(index, facts.path, item.module)
        else:
            target = _go_module(index, item.module)
        out.add(unit, target, "imports")
        if target is not None and target != unit:
            targets.append(target)
    if language != "ruby":
        local = _imported_names(index, facts, targets)
        for call in facts.calls:
            head = _head(call.receiver) if call.receiver else _head(call.callee)
            if call.receiver and language == "go" and call.receiver != head:
                continue  # a method on a value (s.repo.Get), not a package function
            if _named(call.callee):
                out.add(unit, local.get(head), "calls")
        return
    simple = index.by_simple.get("ruby", {})

    def constant(name: str) -> str | None:
        owners = simple.get(name.split("::")[-1])
        return owners[0] if owners and len(owners) == 1 else None

    for name in facts.references:
        out.add(unit, constant(name), "references")
    for call in facts.calls:
        if call.receiver and call.receiver[:1].isupper() and _named(call.receiver):
            out.add(unit, constant(_head(call.receiver)), "calls")


@dataclass(frozen=True)
class StaticGraph:
    """The static graph and what it was built from."""

    graph: nx.DiGraph
    file_units: dict[str, tuple[str, ...]]
    evidence: dict[tuple[str, str], EdgeEvidence]


def build_static_graph(facts: Mapping[str, FileFacts], weights: StaticWeights) -> StaticGraph:
    """Every code unit as a node (with ``file``, ``language``, ``package``, ``code_lines``) and
    every resolved static dependency as a weighted directed edge."""
    file_units = code_units(facts, exclude_tests=weights.exclude_tests)
    index = _build_index(facts, file_units)
    out = _Collector()
    for path, units in file_units.items():
        file_facts = facts[path]
        if file_facts.language in _TYPE_UNIT_LANGUAGES:
            _type_language_edges(index, file_facts, units, out)
        elif file_facts.language == "python":
            _python_edges(index, file_facts, units[0], out)
        else:
            _path_language_edges(index, file_facts, units[0], out)
    graph = nx.DiGraph()
    lines: Counter[str] = Counter()
    for path, units in file_units.items():
        share = facts[path].code_lines // len(units)
        for unit in units:
            lines[unit] += max(share, 1)
    for unit in sorted(index.units):
        file_facts = index.units[unit]
        graph.add_node(
            unit,
            file=index.unit_files[unit],
            language=file_facts.language,
            package=package_of(unit, file_facts),
            code_lines=lines[unit],
        )
    for (source, target), evidence in sorted(out.edges.items()):
        weight = evidence.weight(weights)
        if weight > 0 and source in graph and target in graph:
            graph.add_edge(
                source,
                target,
                weight=weight,
                imports=evidence.imports,
                references=evidence.references,
                calls=evidence.calls,
            )
    return StaticGraph(graph, file_units, dict(out.edges))
