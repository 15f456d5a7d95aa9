"""One pass over a file's facts for every rule at once.

A rule's condition tree has *file leaves* (call, import, annotation, string, config), whose
result depends on the file, and *app leaves* (file glob, dependency), whose result does not.
Instead of letting every rule walk every fact list, a :class:`FilePlan` walks each list once:

- call, import and annotation leaves whose pattern fullmatches a finite set of literals are
  looked up in a dict keyed by the fact's name / callee / module; the others are tried on
  every fact;
- string and config leaves are tried only on values that a combined alternation of all their
  patterns matches.

Both shortcuts are exact (see :mod:`assess.rules.literals`), so every leaf yields the same sites,
in the same order, as its own :meth:`~assess.rules.conditions.Matcher.evaluate`. The rule trees are
then resolved from those leaf results, and only for rules that can match in the file: a rule
none of whose file leaves matched is skipped unless a ``not`` or an app leaf could make it
match anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from assess.model import Annotation, Call, Import, StringLiteral
from assess.rules.conditions import (
    AllMatcher,
    AnnotationMatcher,
    AnyMatcher,
    AppView,
    CallMatcher,
    ConfigMatcher,
    FileView,
    ImportMatcher,
    Matcher,
    NotMatcher,
    Site,
    Sites,
    StringMatcher,
)
from assess.rules.literals import combined, literal_set

CODE_LEAVES = (CallMatcher, ImportMatcher, AnnotationMatcher, StringMatcher)
FILE_LEAVES = (*CODE_LEAVES, ConfigMatcher)

LeafHits = Mapping[int, list[Site]]
"""Sites of every file leaf that matched in one file, keyed by ``id(leaf)``."""


def leaves(matcher: Matcher) -> Iterator[Matcher]:
    """The leaves of a condition tree, depth first."""
    if isinstance(matcher, AllMatcher | AnyMatcher):
        for child in matcher.children:
            yield from leaves(child)
    elif isinstance(matcher, NotMatcher):
        yield from leaves(matcher.child)
    else:
        yield matcher


def matches_without_file_leaves(matcher: Matcher) -> bool:
    """Whether the tree could match in a file where none of its file leaves matched."""
    if isinstance(matcher, AllMatcher):
        return all(matches_without_file_leaves(child) for child in matcher.children)
    if isinstance(matcher, AnyMatcher):
        return any(matches_without_file_leaves(child) for child in matcher.children)
    if isinstance(matcher, NotMatcher):
        return True
    return not isinstance(matcher, FILE_LEAVES)


def resolve(matcher: Matcher, hits: LeafHits, file: FileView, app: AppView) -> Sites:
    """Evaluate a condition tree from precomputed file-leaf results (same semantics as
    :meth:`Matcher.evaluate`)."""
    if isinstance(matcher, AllMatcher):
        chosen: list[Site] | None = None
        for child in matcher.children:
            sites = resolve(child, hits, file, app)
            if sites is None:
                return None
            if chosen is None and sites:
                chosen = sites
        return chosen or []
    if isinstance(matcher, AnyMatcher):
        matched = False
        found: list[Site] = []
        for child in matcher.children:
            sites = resolve(child, hits, file, app)
            if sites is not None:
                matched = True
                found.extend(sites)
        return found if matched else None
    if isinstance(matcher, NotMatcher):
        return [] if resolve(matcher.child, hits, file, app) is None else None
    if isinstance(matcher, FILE_LEAVES):
        return hits.get(id(matcher))
    return matcher.evaluate(file, app)


L = TypeVar("L")


@dataclass
class _Index(Generic[L]):
    """Leaves keyed by the literal strings their fullmatch pattern accepts, plus the rest."""

    exact: dict[str, list[L]] = field(default_factory=dict)
    other: list[L] = field(default_factory=list)

    def add(self, leaf: L, pattern: re.Pattern[str] | None) -> None:
        literals = literal_set(pattern) if pattern is not None else None
        if literals is None:
            self.other.append(leaf)
        else:
            for literal in sorted(literals):
                self.exact.setdefault(literal, []).append(leaf)

    def __bool__(self) -> bool:
        return bool(self.exact or self.other)

    def candidates(self, key: str) -> list[L]:
        found = self.exact.get(key)
        if found is None:
            return self.other
        return [*found, *self.other] if self.other else found


@dataclass
class _Searches(Generic[L]):
    """Leaves whose pattern is searched in a value, behind one combined prefilter."""

    pairs: list[tuple[L, re.Pattern[str]]] = field(default_factory=list)
    prefilter: re.Pattern[str] | None = None

    def add(self, leaf: L, pattern: re.Pattern[str]) -> None:
        self.pairs.append((leaf, pattern))

    def freeze(self) -> None:
        patterns = [pattern for _, pattern in self.pairs]
        self.prefilter = combined(patterns) if len(patterns) > 1 else None


def _hit(hits: dict[int, list[Site]], leaf: Matcher, site: Site) -> None:
    found = hits.get(id(leaf))
    if found is None:
        hits[id(leaf)] = [site]
    else:
        found.append(site)


class FilePlan:
    """The file leaves of a set of rules, arranged for one pass over a file's facts."""

    def __init__(self, file_leaves: Sequence[Matcher]) -> None:
        self.by_name: _Index[CallMatcher] = _Index()
        self.by_callee: _Index[CallMatcher] = _Index()
        self.imports: _Index[ImportMatcher] = _Index()
        self.annotations: _Index[AnnotationMatcher] = _Index()
        self.strings: _Searches[StringMatcher] = _Searches()
        self.configs: _Searches[ConfigMatcher] = _Searches()
        self.empty = not file_leaves
        for leaf in file_leaves:
            if isinstance(leaf, CallMatcher):
                if leaf.name is not None and literal_set(leaf.name) is not None:
                    self.by_name.add(leaf, leaf.name)
                elif leaf.callee is not None:
                    self.by_callee.add(leaf, leaf.callee)
                else:
                    self.by_name.add(leaf, leaf.name)
            elif isinstance(leaf, ImportMatcher):
                self.imports.add(leaf, leaf.pattern)
            elif isinstance(leaf, AnnotationMatcher):
                self.annotations.add(leaf, leaf.name)
            elif isinstance(leaf, StringMatcher):
                self.strings.add(leaf, leaf.pattern)
            elif isinstance(leaf, ConfigMatcher):
                self.configs.add(leaf, leaf.pattern)
        self.strings.freeze()
        self.configs.freeze()
        self._other_calls = self.by_name.other + self.by_callee.other

    def scan(self, file: FileView) -> dict[int, list[Site]]:
        """Sites of every leaf that matches in ``file``, keyed by ``id(leaf)``."""
        hits: dict[int, list[Site]] = {}
        if self.empty:
            return hits
        facts = file.facts
        if facts is not None and file.code_applies:
            self._calls(facts.calls, file, hits)
            self._imports(facts.imports, file.path, hits)
            self._annotations(facts.annotations, file.path, hits)
            self._strings(facts.strings, file.path, hits)
        if file.config_text is not None and self.configs.pairs:
            self._config(file.config_text, file.path, hits)
        return hits

    def _calls(self, calls: Sequence[Call], file: FileView, hits: dict[int, list[Site]]) -> None:
        by_name = self.by_name.exact
        by_callee = self.by_callee.exact
        others = self._other_calls
        if not (by_name or by_callee or others):
            return
        for call in calls:
            named = by_name.get(call.name)
            called = by_callee.get(call.callee)
            if named is None and called is None and not others:
                continue
            for group in (named, called, others):
                if group:
                    for leaf in group:
                        if leaf.accepts(call):
                            _hit(hits, leaf, (file.path, call.line))

    def _imports(self, imports: Sequence[Import], path: str, hits: dict[int, list[Site]]) -> None:
        if not self.imports:
            return
        for item in imports:
            for leaf in self.imports.candidates(item.module):
                if leaf.pattern.fullmatch(item.module):
                    _hit(hits, leaf, (path, item.line))

    def _annotations(self, annotations: Sequence[Annotation], path: str, hits: dict[int, list[Site]]) -> None:
        if not self.annotations:
            return
        for item in annotations:
            for leaf in self.annotations.candidates(item.name):
                if leaf.name.fullmatch(item.name) and (leaf.args is None or leaf.args.search(item.args)):
                    _hit(hits, leaf, (path, item.line))

    def _strings(self, strings: Sequence[StringLiteral], path: str, hits: dict[int, list[Site]]) -> None:
        pairs = self.strings.pairs
        if not pairs:
            return
        prefilter = self.strings.prefilter
        for item in strings:
            value = item.value
            if prefilter is not None and not prefilter.search(value):
                continue
            for leaf, pattern in pairs:
                if pattern.search(value):
                    _hit(hits, leaf, (path, item.line))

    def _config(self, text: str, path: str, hits: dict[int, list[Site]]) -> None:
        wanted = [
            (leaf, pattern)
            for leaf, pattern in self.configs.pairs
            if leaf.files is None or leaf.files.match_file(path)
        ]
        if not wanted:
            return
        prefilter = self.configs.prefilter
        for number, line in enumerate(text.splitlines(), start=1):
            if prefilter is not None and not prefilter.search(line):
                continue
            for leaf, pattern in wanted:
                if pattern.search(line):
                    _hit(hits, leaf, (path, number))
