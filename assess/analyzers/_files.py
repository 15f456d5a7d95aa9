"""Bounded, cached access to the files of a snapshot, shared by the manifest and stack analyzers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import Protocol

from assess.model import ScanError, SourceFile
from assess.source.snapshot import SourceError

MAX_READ_BYTES = 1 << 20
"""Files larger than this (1 MiB) are never read by the analyzers."""


class SnapshotLike(Protocol):
    """The part of :class:`assess.source.snapshot.RepoSnapshot` the analyzers use."""

    @property
    def files(self) -> tuple[SourceFile, ...]: ...

    def read_text(self, path: str) -> str: ...


def name_of(path: str) -> str:
    """The file name of a POSIX path."""
    return path.rsplit("/", 1)[-1]


def dir_of(path: str) -> str:
    """The folder of a POSIX path ('' for the root)."""
    return path.rsplit("/", 1)[0] if "/" in path else ""


def join(folder: str, rel: str) -> str:
    """Join and normalise a relative POSIX path; '' stands for the root."""
    parts: list[str] = []
    for part in PurePosixPath(folder, rel.replace("\\", "/")).parts:
        if part in ("", ".", "/"):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a path glob where ``*`` stays inside one folder and ``**`` crosses folders."""
    parts = re.split(r"(\*\*/?|\*|\?)", pattern)
    table = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(table.get(p, re.escape(p)) for p in parts))


def depth_key(path: str) -> tuple[int, str]:
    """Sort key putting shallow paths first, then alphabetical."""
    return (path.count("/"), path)


class Reader:
    """Reads snapshot files once, refusing files over :data:`MAX_READ_BYTES`.

    Read failures are collected as :class:`ScanError` values of ``stage``.
    """

    def __init__(self, snapshot: SnapshotLike, stage: str) -> None:
        self._snapshot = snapshot
        self._stage = stage
        self._files = {f.path: f for f in snapshot.files}
        self._ordered = sorted(self._files, key=depth_key)
        self._by_name: dict[str, list[str]] = {}
        for path in self._ordered:
            self._by_name.setdefault(name_of(path).lower(), []).append(path)
        self._cache: dict[str, str | None] = {}
        self.errors: list[ScanError] = []

    def exists(self, path: str) -> bool:
        """True when the snapshot holds ``path``."""
        return path in self._files

    def paths(self, predicate: Callable[[str], bool]) -> Iterator[str]:
        """Paths matching ``predicate``, shallowest first."""
        return (p for p in self._ordered if predicate(p))

    def named(self, *names: str) -> list[str]:
        """Paths whose file name is one of ``names`` (case-insensitive), shallowest first."""
        found = [p for n in {n.lower() for n in names} for p in self._by_name.get(n, [])]
        return sorted(found, key=depth_key)

    def text(self, path: str, limit: int = MAX_READ_BYTES) -> str | None:
        """The decoded text of ``path``, or None when absent, too large or unreadable."""
        found = self._files.get(path)
        if found is None or found.size > limit:
            return None
        if path not in self._cache:
            try:
                self._cache[path] = self._snapshot.read_text(path)
            except (OSError, ValueError, SourceError) as exc:
                self.errors.append(ScanError(self._stage, f"{path}: cannot be read ({exc})", path))
                self._cache[path] = None
        return self._cache[path]

    def folders_matching(self, base: str, patterns: Iterable[str], marker: str) -> list[str]:
        """Folders under ``base`` matching workspace globs (``packages/*``) that hold ``marker``."""
        found: list[str] = []
        candidates = [dir_of(p) for p in self.named(marker)]
        for pattern in patterns:
            regex = glob_regex(join(base, pattern.rstrip("/")))
            found.extend(c for c in candidates if c and c != base and regex.fullmatch(c))
        return sorted(set(found))
