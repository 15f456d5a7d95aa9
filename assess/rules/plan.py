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

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from assess.model import Annotation, Assignment, Call, Import, StringLiteral
from assess.rules.conditions import (
    AllMatcher,
    AnnotationMatcher,
    AnyMatcher,
    AppView,
    AssignedFromCallMatcher,
    AssignedValues,
    AssignmentMatcher,
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
from assess.rules.literals import (
    anchored_at_start,
    combined,
    fold,
    literal_set,
    required_literals,
    trie_alternation,
)

CODE_LEAVES = (
    CallMatcher,
    AssignedFromCallMatcher,
    ImportMatcher,
    AnnotationMatcher,
    StringMatcher,
    AssignmentMatcher,
)
FILE_LEAVES = (*CODE_LEAVES, ConfigMatcher)

CallLeaf = CallMatcher | AssignedFromCallMatcher
"""A leaf found through the call index."""

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


_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""A line break as ``str.splitlines`` cuts at it."""


def _gated(need: frozenset[str] | None) -> frozenset[str] | None:
    """Literals usable for the gate: none may hold a line break (config lines are gated whole)."""
    return None if need is None or any(_BREAK.search(lit) for lit in need) else need


WEAK_LITERAL = 3
"""In short values (string literals), patterns whose literals may be shorter than this are not
gated: such literals occur almost everywhere and would only slow the gate down."""


@dataclass(frozen=True)
class _Group:
    """Pattern indexes tried together behind one combined prefilter (None: always tried)."""

    indexes: tuple[int, ...] = ()
    prefilter: re.Pattern[str] | None = None

    @classmethod
    def of(cls, indexes: Sequence[int], patterns: Sequence[re.Pattern[str]]) -> _Group:
        chosen = [patterns[i] for i in indexes]
        return cls(tuple(indexes), combined(chosen) if len(chosen) > 1 else None)

    def add_to(self, chosen: set[int], value: str, anchored: bool = False) -> None:
        if not self.indexes:
            return
        if self.prefilter is not None:
            hit = self.prefilter.match(value) if anchored else self.prefilter.search(value)
            if hit is None:
                return
        chosen.update(self.indexes)


@dataclass
class _Searches(Generic[L]):
    """Leaves whose pattern is searched in a value, behind a literal gate.

    Each pattern's required literals (:func:`~assess.rules.literals.required_literals`) make one
    case-sensitive alternation (a trie) searched in the folded value
    (:func:`~assess.rules.literals.fold`): a pattern is tried only where one of its literals
    occurs. The gate captures, at every position, the longest literal found there; every pattern
    one of whose literals is a prefix of it is then a candidate, which is exact. The other
    patterns sit behind a combined prefilter: for ``short`` values (string literals) one for the
    patterns anchored at the start (tried at the start only) and one for those without literals
    or with weak ones.
    """

    short: bool = False
    pairs: list[tuple[L, re.Pattern[str]]] = field(default_factory=list)
    gate: re.Pattern[str] | None = None
    gate_any: re.Pattern[str] | None = None
    implied: dict[str, tuple[int, ...]] = field(default_factory=dict)
    anchored: _Group = _Group()
    loose: _Group = _Group()

    def add(self, leaf: L, pattern: re.Pattern[str]) -> None:
        self.pairs.append((leaf, pattern))

    def freeze(self) -> None:
        patterns = [pattern for _, pattern in self.pairs]
        needs = [_gated(required_literals(pattern)) for pattern in patterns]
        anchored: list[int] = []
        loose: list[int] = []
        for index, pattern in enumerate(patterns):
            if self.short and anchored_at_start(pattern):
                anchored.append(index)
            elif needs[index] is None or (self.short and min(map(len, needs[index] or ())) < WEAK_LITERAL):
                loose.append(index)
            else:
                continue
            needs[index] = None
        self.anchored = _Group.of(anchored, patterns)
        self.loose = _Group.of(loose, patterns)
        literals = sorted({lit for need in needs if need for lit in need}, key=lambda x: (-len(x), x))
        if not literals:
            return
        alternation = trie_alternation(literals)
        self.gate = re.compile(f"(?=({alternation}))")
        self.gate_any = re.compile(alternation)
        self.implied = {
            found: tuple(i for i, need in enumerate(needs) if need and any(found.startswith(n) for n in need))
            for found in literals
        }

    @property
    def always(self) -> bool:
        """Whether some pattern is tried on every value (a line-by-line scan is then needed)."""
        return bool(self.anchored.indexes or self.loose.indexes)

    def candidates(self, value: str) -> Sequence[int]:
        """Indexes of the pairs whose pattern may match ``value``, in order."""
        chosen: set[int] = set()
        self.anchored.add_to(chosen, value, anchored=True)
        self.loose.add_to(chosen, value)
        if self.gate is not None and self.gate_any is not None:
            folded = fold(value)
            if self.gate_any.search(folded):
                for literal in set(self.gate.findall(folded)):
                    chosen.update(self.implied[literal])
        return sorted(chosen) if len(chosen) > 1 else tuple(chosen)


def _hit(hits: dict[int, list[Site]], leaf: Matcher, site: Site) -> None:
    found = hits.get(id(leaf))
    if found is None:
        hits[id(leaf)] = [site]
    else:
        found.append(site)


class FilePlan:
    """The file leaves of a set of rules, arranged for one pass over a file's facts."""

    def __init__(self, file_leaves: Sequence[Matcher]) -> None:
        self.by_name: _Index[CallLeaf] = _Index()
        self.by_callee: _Index[CallLeaf] = _Index()
        self.assignments: _Index[AssignmentMatcher] = _Index()
        self.assignment_names: _Searches[AssignmentMatcher] = _Searches(short=True)
        self.unnamed_assignments: list[AssignmentMatcher] = []
        self.imports: _Index[ImportMatcher] = _Index()
        self.annotations: _Index[AnnotationMatcher] = _Index()
        self.strings: _Searches[StringMatcher] = _Searches(short=True)
        self.configs: _Searches[ConfigMatcher] = _Searches()
        self.empty = not file_leaves
        for leaf in file_leaves:
            if isinstance(leaf, CallMatcher | AssignedFromCallMatcher):
                call = leaf if isinstance(leaf, CallMatcher) else leaf.call
                if call.name is not None and literal_set(call.name) is not None:
                    self.by_name.add(leaf, call.name)
                elif call.callee is not None:
                    self.by_callee.add(leaf, call.callee)
                else:
                    self.by_name.add(leaf, call.name)
            elif isinstance(leaf, AssignmentMatcher):
                if leaf.name is None:
                    self.unnamed_assignments.append(leaf)
                elif literal_set(leaf.name) is not None:
                    self.assignments.add(leaf, leaf.name)
                else:
                    self.assignment_names.add(leaf, leaf.name)
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
        self.assignment_names.freeze()
        self._other_calls = self.by_name.other + self.by_callee.other

    def scan(self, file: FileView) -> dict[int, list[Site]]:
        """Sites of every leaf that matches in ``file``, keyed by ``id(leaf)``."""
        hits: dict[int, list[Site]] = {}
        if self.empty:
            return hits
        facts = file.facts
        if facts is not None and file.code_applies:
            self._calls(facts.calls, file, hits)
            self._assignments(facts.assignments, file.path, hits)
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
        values: AssignedValues | None = None
        for call in calls:
            named = by_name.get(call.name)
            called = by_callee.get(call.callee)
            if named is None and called is None and not others:
                continue
            for group in (named, called, others):
                if not group:
                    continue
                for leaf in group:
                    if isinstance(leaf, CallMatcher):
                        if leaf.accepts(call):
                            _hit(hits, leaf, (file.path, call.line))
                    elif leaf.call.accepts(call):
                        if values is None:
                            values = AssignedValues(file.facts.assignments if file.facts else ())
                        if not leaf.exempt(call, values):
                            _hit(hits, leaf, (file.path, call.line))

    def _assignments(self, assignments: Sequence[Assignment], path: str, hits: dict[int, list[Site]]) -> None:
        exact = self.assignments.exact
        names = self.assignment_names
        unnamed = self.unnamed_assignments
        if not (exact or names.pairs or unnamed):
            return
        for item in assignments:
            for leaf in exact.get(item.name, ()):
                if leaf.accepts(item):
                    _hit(hits, leaf, (path, item.line))
            if names.pairs:
                for index in names.candidates(item.name):
                    leaf = names.pairs[index][0]
                    if leaf.accepts(item):
                        _hit(hits, leaf, (path, item.line))
            for leaf in unnamed:
                if leaf.accepts(item):
                    _hit(hits, leaf, (path, item.line))

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
        searches = self.strings
        pairs = searches.pairs
        if not pairs:
            return
        for item in strings:
            value = item.value
            for index in searches.candidates(value):
                leaf, pattern = pairs[index]
                if pattern.search(value):
                    _hit(hits, leaf, (path, item.line))

    def _config(self, text: str, path: str, hits: dict[int, list[Site]]) -> None:
        searches = self.configs
        wanted = {
            index
            for index, (leaf, _) in enumerate(searches.pairs)
            if leaf.files is None or leaf.files.match_file(path)
        }
        if not wanted:
            return
        for number, line, indexes in _config_lines(searches, text):
            for index in indexes:
                if index in wanted:
                    leaf, pattern = searches.pairs[index]
                    if pattern.search(line):
                        _hit(hits, leaf, (path, number))


def _config_lines(searches: _Searches[ConfigMatcher], text: str) -> Iterator[tuple[int, str, list[int]]]:
    """``(line number, line, candidate pattern indexes)`` for the lines of ``text`` (numbered as
    ``splitlines`` cuts them) where some pattern may match. When every pattern has literals, the
    text is gated as a whole: only the lines where the gate finds a literal are visited."""
    if searches.gate is None or searches.always:
        for number, line in enumerate(text.splitlines(), start=1):
            indexes = list(searches.candidates(line))
            if indexes:
                yield number, line, indexes
        return
    folded = fold(text)
    first = searches.gate.search(folded)
    if first is None:
        return
    breaks = [m.start() for m in _BREAK.finditer(text)]
    ends = [m.end() for m in _BREAK.finditer(text)]
    by_line: dict[int, set[int]] = {}
    for hit in searches.gate.finditer(folded, first.start()):
        number = bisect.bisect_right(ends, hit.start()) + 1
        by_line.setdefault(number, set()).update(searches.implied[hit.group(1)])
    for number in sorted(by_line):
        start = ends[number - 2] if number > 1 else 0
        end = breaks[number - 1] if number <= len(breaks) else len(text)
        yield number, text[start:end], sorted(by_line[number])
