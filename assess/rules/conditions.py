"""Compiled rule conditions and their evaluation against one file of one app.

A condition evaluates to ``None`` (no match) or a list of sites ``(path, line)``; a match
that points at no particular line (``not``) is an empty list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import pathspec

from assess.model import Assignment, Call, Dependency, FileFacts, SkippedFile
from assess.parse.config import BUILD_SCRIPT
from assess.rules.schema import Condition

Site = tuple[str, int]
Sites = list[Site] | None


@dataclass(frozen=True)
class FileView:
    """What a condition may look at in one file: parse facts or comment-blanked config text."""

    path: str
    language: str
    facts: FileFacts | None = None
    config_text: str | None = None
    code_applies: bool = False


@dataclass
class AppView:
    """App-wide facts (file list, dependencies) and a per-app cache for app-level conditions."""

    paths: tuple[str, ...]
    dependencies: tuple[Dependency, ...]
    cache: dict[int, Sites] = field(default_factory=dict)
    skipped: tuple[SkippedFile, ...] = ()


class Matcher(Protocol):
    """A compiled condition."""

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        """Sites matched in ``file`` (or app-wide), or None."""


def _opt(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern is not None else None


@dataclass(frozen=True)
class CallMatcher:
    name: re.Pattern[str] | None
    callee: re.Pattern[str] | None
    receiver: re.Pattern[str] | None
    kind: str | None
    args: re.Pattern[str] | None
    args_not: re.Pattern[str] | None

    def accepts(self, call: Call) -> bool:
        """True when one call site meets every part of the condition (the one-pass engine
        calls this directly for each candidate call: keep every per-call test here)."""
        if self.name is not None and not self.name.fullmatch(call.name):
            return False
        if self.callee is not None and not self.callee.fullmatch(call.callee):
            return False
        if self.kind is not None and call.kind != self.kind:
            return False
        if self.receiver is not None and not (call.receiver and self.receiver.search(call.receiver)):
            return False
        if self.args is not None or self.args_not is not None:
            joined = ", ".join(call.args)
            if self.args is not None and not self.args.search(joined):
                return False
            if self.args_not is not None and self.args_not.search(joined):
                return False
        return True

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        sites = [(file.path, call.line) for call in file.facts.calls if self.accepts(call)]
        return sites or None


@dataclass(frozen=True)
class ImportMatcher:
    pattern: re.Pattern[str]

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        sites = [(file.path, i.line) for i in file.facts.imports if self.pattern.fullmatch(i.module)]
        return sites or None


@dataclass(frozen=True)
class AnnotationMatcher:
    name: re.Pattern[str]
    args: re.Pattern[str] | None

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        sites = [
            (file.path, a.line)
            for a in file.facts.annotations
            if self.name.fullmatch(a.name) and (self.args is None or self.args.search(a.args))
        ]
        return sites or None


@dataclass(frozen=True)
class StringMatcher:
    pattern: re.Pattern[str]

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        sites = [(file.path, s.line) for s in file.facts.strings if self.pattern.search(s.value)]
        return sites or None


@dataclass(frozen=True)
class FileMatcher:
    spec: pathspec.GitIgnoreSpec

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        key = id(self)
        if key not in app.cache:
            sites = [(path, 1) for path in app.paths if self.spec.match_file(path)]
            app.cache[key] = sites or None
        return app.cache[key]


@dataclass(frozen=True)
class ConfigMatcher:
    pattern: re.Pattern[str]
    files: pathspec.GitIgnoreSpec | None

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if file.config_text is None:
            return None
        if self.files is None and file.language == BUILD_SCRIPT:
            return None  # build scripts are read only by conditions that name them
        if self.files is not None and not self.files.match_file(file.path):
            return None
        sites = [
            (file.path, number)
            for number, line in enumerate(file.config_text.splitlines(), start=1)
            if self.pattern.search(line)
        ]
        return sites or None


@dataclass(frozen=True)
class DependencyMatcher:
    name: re.Pattern[str]
    ecosystem: str | None

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        key = id(self)
        if key not in app.cache:
            sites = [
                (dep.file, dep.line)
                for dep in app.dependencies
                if self.name.fullmatch(dep.name)
                and (self.ecosystem is None or dep.ecosystem == self.ecosystem)
            ]
            app.cache[key] = sites or None
        return app.cache[key]


_CHAIN = re.compile(r"(?<![\w$@.>])[$@]{0,2}[A-Za-z_]\w*(?:(?:\.|->)[A-Za-z_]\w*)*")
_CHAIN_STEP = re.compile(r"\.|->")


def _names_in(text: str) -> set[str]:
    """Every identifier chain in ``text`` and its prefixes (``self.d.x`` → self, self.d, self.d.x)."""
    found: set[str] = set()
    for chain in _CHAIN.findall(text):
        found.add(chain)
        for step in _CHAIN_STEP.finditer(chain):
            found.add(chain[: step.start()])
    return found


class AssignedValues:
    """The assignments of one file by name, to follow a variable back to where its value came from."""

    def __init__(self, assignments: tuple[Assignment, ...]) -> None:
        self._by_name: dict[str, list[tuple[int, str]]] = {}
        for item in assignments:
            self._by_name.setdefault(item.name, []).append((item.line, item.value))

    def _value_at(self, name: str, line: int) -> tuple[int, str] | None:
        """The value of the last assignment to ``name`` at or before ``line`` (else the first one)."""
        found = self._by_name.get(name)
        if not found:
            return None
        before = [item for item in found if item[0] <= line]
        return before[-1] if before else found[0]

    def derives_from(self, text: str, line: int, source: re.Pattern[str], depth: int = 4) -> bool:
        """Whether ``text`` (at ``line``) names a variable whose value matches ``source``, directly or
        through up to ``depth`` simple assignments."""
        if depth <= 0 or not self._by_name:
            return False
        for name in _names_in(text):
            assigned = self._value_at(name, line)
            if assigned is None:
                continue
            at, value = assigned
            if source.search(value) or self.derives_from(value, at, source, depth - 1):
                return True
        return False


@dataclass(frozen=True)
class AssignedFromCallMatcher:
    """A call condition with ``args_not_from``: the call matches unless its arguments or receiver
    name a variable assigned (in the same file) from a value that matches ``source``."""

    call: CallMatcher
    source: re.Pattern[str]

    def exempt(self, call: Call, values: AssignedValues) -> bool:
        """Whether an accepted call's arguments or receiver derive from ``source``."""
        mentioned = ", ".join(call.args) + (f", {call.receiver}" if call.receiver else "")
        return values.derives_from(mentioned, call.line, self.source)

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        values: AssignedValues | None = None
        sites: list[Site] = []
        for call in file.facts.calls:
            if not self.call.accepts(call):
                continue
            if values is None:
                values = AssignedValues(file.facts.assignments)
            if not self.exempt(call, values):
                sites.append((file.path, call.line))
        return sites or None


@dataclass(frozen=True)
class AssignmentMatcher:
    name: re.Pattern[str] | None
    value: re.Pattern[str] | None
    value_not: re.Pattern[str] | None
    scope: re.Pattern[str] | None

    def accepts(self, item: Assignment) -> bool:
        """True when one assignment meets every part of the condition."""
        return (
            (self.name is None or self.name.fullmatch(item.name) is not None)
            and (self.scope is None or self.scope.fullmatch(item.scope) is not None)
            and (self.value is None or self.value.search(item.value) is not None)
            and (self.value_not is None or self.value_not.search(item.value) is None)
        )

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        if not file.code_applies or file.facts is None:
            return None
        sites = [(file.path, item.line) for item in file.facts.assignments if self.accepts(item)]
        return sites or None


@dataclass(frozen=True)
class SkippedMatcher:
    """Files the inventory skipped (binaries, oversized files) whose path matches; site line 0."""

    spec: pathspec.GitIgnoreSpec
    reason: re.Pattern[str]

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        key = id(self)
        if key not in app.cache:
            sites = [
                (item.path, 0)
                for item in app.skipped
                if self.reason.search(item.reason) and self.spec.match_file(item.path)
            ]
            app.cache[key] = sites or None
        return app.cache[key]


@dataclass(frozen=True)
class AllMatcher:
    children: tuple[Matcher, ...]

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        chosen: list[Site] | None = None
        for child in self.children:
            sites = child.evaluate(file, app)
            if sites is None:
                return None
            if chosen is None and sites:
                chosen = sites
        return chosen or []


@dataclass(frozen=True)
class AnyMatcher:
    children: tuple[Matcher, ...]

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        matched = False
        sites: list[Site] = []
        for child in self.children:
            found = child.evaluate(file, app)
            if found is not None:
                matched = True
                sites.extend(found)
        return sites if matched else None


@dataclass(frozen=True)
class NotMatcher:
    child: Matcher

    def evaluate(self, file: FileView, app: AppView) -> Sites:
        return [] if self.child.evaluate(file, app) is None else None


def _glob(pattern: str) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines([pattern])


def compile_condition(condition: Condition) -> Matcher:
    """Turn a validated condition tree into matchers with compiled regexes."""
    if condition.call is not None:
        c = condition.call
        call = CallMatcher(
            _opt(c.name), _opt(c.callee), _opt(c.receiver), c.kind, _opt(c.args), _opt(c.args_not)
        )
        return call if c.args_not_from is None else AssignedFromCallMatcher(call, re.compile(c.args_not_from))
    if condition.assignment is not None:
        a = condition.assignment
        return AssignmentMatcher(_opt(a.name), _opt(a.value), _opt(a.value_not), _opt(a.scope))
    if condition.skipped is not None:
        return SkippedMatcher(_glob(condition.skipped.path), re.compile(condition.skipped.reason))
    if condition.import_ is not None:
        return ImportMatcher(re.compile(condition.import_))
    if condition.annotation is not None:
        return AnnotationMatcher(re.compile(condition.annotation.name), _opt(condition.annotation.args))
    if condition.string is not None:
        return StringMatcher(re.compile(condition.string))
    if condition.file is not None:
        return FileMatcher(_glob(condition.file))
    if condition.config is not None:
        files = condition.config.files
        return ConfigMatcher(re.compile(condition.config.pattern), _glob(files) if files else None)
    if condition.dependency is not None:
        return DependencyMatcher(re.compile(condition.dependency.name), condition.dependency.ecosystem)
    if condition.all_ is not None:
        return AllMatcher(tuple(compile_condition(c) for c in condition.all_))
    if condition.any_ is not None:
        return AnyMatcher(tuple(compile_condition(c) for c in condition.any_))
    if condition.not_ is not None:
        return NotMatcher(compile_condition(condition.not_))
    raise ValueError("empty condition")
