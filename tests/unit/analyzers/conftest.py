"""Fixtures for analyzer tests: real app folders on disk opened as snapshots, hand-made facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from assess.analyzers.manifests import ManifestResult, parse_manifests
from assess.analyzers.stack import detect_stack
from assess.model import Annotation, Call, FileFacts, Stack, StringLiteral
from assess.source import RepoSnapshot, open_snapshot

Files = Mapping[str, str | bytes]


def call(
    name: str, *args: str, line: int = 1, receiver: str | None = None, callee: str | None = None
) -> Call:
    """A call fact (``callee`` defaults to ``receiver.name``)."""
    return Call(name, callee or (f"{receiver}.{name}" if receiver else name), receiver, args, line)


def facts(
    path: str,
    language: str,
    code_lines: int = 10,
    *,
    calls: Sequence[Call] = (),
    strings: Sequence[str] = (),
    annotations: Sequence[str] = (),
) -> FileFacts:
    """Facts of one file, as the parser would report them."""
    return FileFacts(
        path,
        language,
        code_lines,
        calls=tuple(calls),
        strings=tuple(StringLiteral(s, 1) for s in strings),
        annotations=tuple(Annotation(a, "", 1) for a in annotations),
    )


@pytest.fixture
def snapshot_of(make_app: Callable[..., Path]) -> Callable[[Files], RepoSnapshot]:
    """Write the files of a small app and open it as a snapshot."""

    def build(files: Files) -> RepoSnapshot:
        return open_snapshot(make_app(files))

    return build


@pytest.fixture
def manifests_of(snapshot_of: Callable[[Files], RepoSnapshot]) -> Callable[[Files], ManifestResult]:
    """Parse the manifests of a small app."""

    def run(files: Files) -> ManifestResult:
        return parse_manifests(snapshot_of(files))

    return run


@pytest.fixture
def stack_of(snapshot_of: Callable[[Files], RepoSnapshot]) -> Callable[..., Stack]:
    """Detect the stack of a small app; ``code`` gives the facts of its code files."""

    def run(files: Files, code: Sequence[FileFacts] = ()) -> Stack:
        snapshot = snapshot_of(files)
        return detect_stack(snapshot, {f.path: f for f in code}, parse_manifests(snapshot))

    return run
