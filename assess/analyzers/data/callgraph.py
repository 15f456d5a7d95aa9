"""A static call graph over the app's own code, good enough to follow a transaction's calls.

Callee names are resolved to function and method declarations of the code base: by the
receiver's declared type (``OrderRepository orders`` → ``OrderRepository``), by a constructor
(``Cart(session).lines()``), by a variable named after a class (``cart.totals()`` → ``Cart``),
within the calling class, through imports, or by a unique non-generic name. Calls that name
declarations of the code base but cannot be pinned to one are reported as unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from assess.analyzers.data.chain import split_chain
from assess.analyzers.data.naming import type_candidates, variable_stem
from assess.analyzers.data.records import FileData
from assess.analyzers.units import module_name
from assess.model import Call, Declaration, FileFacts

_FUNCTIONS = frozenset({"function", "method"})
_TYPES = frozenset({"class", "interface", "struct", "enum", "module"})
_SELF = frozenset({"self", "this", "$this", "static", "cls", "super", "parent", "super()"})
_STATIC_LANGUAGES = frozenset({"java", "csharp"})
GENERIC_NAMES = frozenset(
    str.split(
        """get set save update delete create find call run execute add remove render process handle init __init__ new
    close open read write send load apply build perform invoke next map filter each all first last count to_s to_h
    to_json as_json toString equals hashCode main start stop reset clear validate parse format join split push pop
    info debug warning warn error log emit on then catch resolve reject exec query where select order_by include
    with pluck sum size length keys values items put post patch fetch list show index store destroy edit upload
    download import export id name value key type status result data text json"""
    )
)


@dataclass(frozen=True, slots=True)
class FuncRef:
    """A function or method declaration of the code base."""

    path: str
    decl: Declaration


def _names_module(module: str, imported: set[str]) -> bool:
    """True when ``module`` is one of ``imported`` or ends with ``.`` and one of them."""
    if module in imported:
        return True
    at = module.find(".")
    while at != -1:
        suffix = module[at + 1 :]
        if suffix and suffix in imported:
            return True
        at = module.find(".", at + 1)
    return False


class CallGraph:
    """Resolves call sites to declarations across the files of one app."""

    def __init__(
        self,
        facts: Mapping[str, FileFacts],
        data: Mapping[str, FileData],
        detailed: Callable[[str], FileData] | None = None,
    ) -> None:
        self.facts = facts
        self.data = data
        self._detailed = detailed
        self.by_name: dict[str, list[FuncRef]] = {}
        self.type_names: set[str] = set()
        self.module_files: dict[str, list[str]] = {}
        for path, file_facts in facts.items():
            self.module_files.setdefault(module_name(path, file_facts.language), []).append(path)
            for decl in file_facts.declarations:
                if decl.kind in _FUNCTIONS:
                    self.by_name.setdefault(decl.name, []).append(FuncRef(path, decl))
                elif decl.kind in _TYPES:
                    self.type_names.add(decl.name)
        self.supertypes: dict[str, set[str]] = {}
        self.subtypes: dict[str, set[str]] = {}
        for file_data in data.values():
            for name, supers in file_data.types.items():
                self.supertypes.setdefault(name, set()).update(supers)
                for parent in supers:
                    self.subtypes.setdefault(parent, set()).add(name)
        self._calls: dict[str, list[Call]] = {
            p: sorted(f.calls, key=lambda c: c.line) for p, f in facts.items()
        }

    def _data_of(self, path: str) -> FileData | None:
        """A file's data, its details (variable types, return types) read if still pending."""
        if path not in self.data:
            return None
        return self._detailed(path) if self._detailed is not None else self.data[path]

    # ------------------------------------------------------------------ helpers

    def calls_in(self, path: str, start: int, end: int) -> list[Call]:
        """Calls of a file between two lines (inclusive)."""
        return [c for c in self._calls.get(path, ()) if start <= c.line <= end]

    def _family(self, type_name: str) -> set[str]:
        """The type with its ancestors and descendants (not its siblings)."""
        family = {type_name}
        for relation in (self.supertypes, self.subtypes):
            stack = [type_name]
            while stack and len(family) < 200:
                for related in relation.get(stack.pop(), ()):
                    if related not in family:
                        family.add(related)
                        stack.append(related)
        return family

    def _enclosing_type(self, path: str, line: int) -> str | None:
        best: Declaration | None = None
        for decl in self.facts[path].declarations:
            inside = decl.kind in _TYPES and decl.start_line <= line <= decl.end_line
            if inside and (best is None or decl.start_line >= best.start_line):
                best = decl
        return best.name if best else None

    def _receiver_type(self, path: str, receiver: str) -> str | None:
        segments = split_chain(receiver)
        if not segments:
            return None
        if len(segments) == 2 and segments[0].name in _SELF:
            segments = segments[1:]
        if len(segments) == 1:
            head = segments[0]
            name = head.name
            if name.startswith("new "):
                return name[4:].strip().rsplit(".", 1)[-1] or None
            stem = variable_stem(name)
            declared = self._data_of(path)
            if declared is not None and stem in declared.declared:
                return declared.declared[stem].type
            if head.args is not None or re.fullmatch(r"\\?[A-Z][\w\\]*", name):
                simple = re.split(r"[.\\]|::", name)[-1]
                return simple if simple in self.type_names else None
            for candidate in type_candidates(stem):
                if candidate in self.type_names:
                    return candidate
            return None
        if len(segments) == 2 and segments[1].name == "new" and segments[1].args is not None:
            simple = re.split(r"[.\\]|::", segments[0].name)[-1]
            return simple if simple in self.type_names else None
        return None

    def _returned_type(self, path: str, receiver: str, line: int, depth: int) -> str | None:
        """The type a receiver that ends in a call returns (``get(id)`` → ``Invoice``)."""
        segments = split_chain(receiver)
        if depth > 3 or not segments or segments[-1].args is None or segments[-1].name.startswith("new "):
            return None
        last = segments[-1]
        head = receiver[: receiver.rfind(last.name)].rstrip(".>-:?&") or None
        call = Call(last.name, receiver, head, (), line)
        targets = self._resolve(path, call, depth + 1)
        if not targets or len({t.decl.container for t in targets}) != 1:
            return None
        target = self._data_of(targets[0].path)
        return target.returns.get(f"{targets[0].decl.container}.{last.name}") if target else None

    def _imported(self, path: str, name: str, candidates: list[FuncRef]) -> list[FuncRef]:
        modules = {
            i.module.rsplit(".", 1)[0].lstrip(".")
            for i in self.facts[path].imports
            if i.module.rsplit(".", 1)[-1] == name or i.module.endswith(("/" + name, "\\" + name))
        }
        modules |= {i.module.lstrip(".") for i in self.facts[path].imports}
        return [
            c for c in candidates if _names_module(module_name(c.path, self.facts[c.path].language), modules)
        ]

    # ------------------------------------------------------------------ resolve

    def resolve(self, path: str, call: Call) -> list[FuncRef] | None:
        """Declarations a call may run ([] when it leaves the code base, None when ambiguous)."""
        return self._resolve(path, call, 0)

    def _resolve(self, path: str, call: Call, depth: int) -> list[FuncRef] | None:
        candidates = self.by_name.get(call.name, [])
        if call.kind == "new":
            return [c for c in candidates if c.decl.container == call.name]
        if not candidates:
            return []
        language = self.facts[path].language
        receiver = call.receiver
        if receiver is not None and receiver not in _SELF and receiver not in ("@", "super()"):
            type_name = self._receiver_type(path, receiver) or self._returned_type(
                path, receiver, call.line, depth
            )
            if type_name is not None:
                family = self._family(type_name)
                return [c for c in candidates if c.decl.container in family]
            if language in _STATIC_LANGUAGES and split_chain(receiver)[-1:] and receiver[:1].islower():
                declared = self._data_of(path)
                stem = variable_stem(split_chain(receiver)[-1].name)
                if declared is not None and stem in declared.declared:
                    return []  # typed with a type from outside the code base
            return self._unique(candidates, call.name)
        owner = self._enclosing_type(path, call.line)
        if owner is not None:
            family = self._family(owner)
            inside = [c for c in candidates if c.decl.container in family]
            if inside:
                return inside
            if language in _STATIC_LANGUAGES:
                return []
        same_file = [c for c in candidates if c.path == path and c.decl.container is None]
        if same_file:
            return same_file
        imported = self._imported(path, call.name, candidates)
        if imported:
            return imported
        return self._unique(candidates, call.name)

    @staticmethod
    def _unique(candidates: list[FuncRef], name: str) -> list[FuncRef] | None:
        if name in GENERIC_NAMES:
            return []
        return candidates if len(candidates) == 1 else None
