"""What a scaffold needs to know about the app's files besides the Assessment.

:class:`AppFiles` is a plain value (which files exist, and the text of a few small manifests), so
planning stays pure; :func:`read_app_files` fills it from a snapshot at the edge. Nothing here runs
or imports anything from the repository; manifests are read as text with the snapshot's limits.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from assess.model import SkippedFile, SourceFile

MANIFESTS: tuple[str, ...] = ("package.json", "pyproject.toml", "composer.json")
"""File names whose text the planners read (at most :data:`MAX_MANIFEST_BYTES` each)."""
MAX_MANIFEST_BYTES = 1 << 20
MAX_MANIFEST_DEPTH = 3


class SnapshotFiles(Protocol):
    """The part of :class:`assess.source.RepoSnapshot` this module uses."""

    @property
    def files(self) -> tuple[SourceFile, ...]: ...

    @property
    def skipped(self) -> tuple[SkippedFile, ...]: ...

    def read_text(self, path: str) -> str: ...


@dataclass(frozen=True)
class AppFiles:
    """The app's file paths (POSIX, relative to the scan root) and the text of its manifests."""

    paths: frozenset[str] = frozenset()
    texts: Mapping[str, str] = field(default_factory=dict)

    def has(self, path: str) -> bool:
        return path in self.paths

    def has_dir(self, folder: str) -> bool:
        prefix = folder.rstrip("/") + "/"
        return any(p.startswith(prefix) for p in self.paths)

    def under(self, folder: str) -> list[str]:
        """Paths below ``folder`` ('' = everything), relative to it, sorted."""
        if not folder:
            return sorted(self.paths)
        prefix = folder.rstrip("/") + "/"
        return sorted(p[len(prefix) :] for p in self.paths if p.startswith(prefix))

    def json(self, path: str) -> dict[str, Any]:
        text = self.texts.get(path)
        try:
            data = json.loads(text) if text else {}
        except (ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def toml(self, path: str) -> dict[str, Any]:
        text = self.texts.get(path)
        try:
            return tomllib.loads(text) if text else {}
        except (ValueError, RecursionError):
            return {}


def read_app_files(snapshot: SnapshotFiles) -> AppFiles:
    """Paths of the snapshot (inventoried and skipped-as-too-large files) and its small manifests."""
    paths = {f.path for f in snapshot.files}
    # Too large or binary files still exist (a big lock file, gradle-wrapper.jar); skipped folders
    # are kept as ``name/`` (``node_modules/``, ``bin/``), symlinks that leave the root are not.
    paths.update(s.path for s in snapshot.skipped if "symlink" not in s.reason)
    texts: dict[str, str] = {}
    for item in snapshot.files:
        name = item.path.rsplit("/", 1)[-1]
        if (
            name in MANIFESTS
            and item.path.count("/") < MAX_MANIFEST_DEPTH
            and item.size <= MAX_MANIFEST_BYTES
        ):
            try:
                texts[item.path] = snapshot.read_text(item.path)
            except (OSError, ValueError):
                continue
    return AppFiles(frozenset(paths), texts)
