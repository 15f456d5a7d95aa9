"""A read-only view of one application's files at one commit."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from assess.model import SkippedFile, SourceFile


class SourceError(Exception):
    """A target that cannot be opened as an application (missing, unreachable, not a folder)."""


def decode_text(data: bytes) -> str:
    """Decode file bytes: UTF-8/UTF-16 byte-order marks honoured, invalid bytes replaced."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").lstrip("\ufeff")
    return data.decode("utf-8", errors="replace")


def read_regular(path: str | Path, limit: int = -1) -> bytes:
    """The bytes of a regular file (at most ``limit``; -1: all). The file is opened without
    blocking and checked after opening, so a FIFO or device swapped in raises OSError instead of
    hanging or streaming forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class RepoSnapshot:
    """The files of one application: where they are, which commit, what was skipped.

    Paths are POSIX paths relative to ``root``; reads never leave ``root``.
    """

    root: Path
    name: str
    source: str
    commit: str | None
    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]

    def _resolve(self, path: str) -> Path:
        rel = PurePosixPath(path)
        if rel.is_absolute() or ".." in rel.parts:
            raise SourceError(f"path escapes the scan root: {path!r}")
        full = (self.root / rel).resolve()
        if not full.is_relative_to(self.root):
            raise SourceError(f"path escapes the scan root: {path!r}")
        return full

    def read_bytes(self, path: str) -> bytes:
        """The raw bytes of one inventoried file (OSError when it is no longer a regular file)."""
        return read_regular(self._resolve(path))

    def read_text(self, path: str) -> str:
        """The decoded text of one inventoried file (see :func:`decode_text`)."""
        return decode_text(self.read_bytes(path))

    def has(self, path: str) -> bool:
        """True when ``path`` is one of the inventoried files."""
        return any(f.path == path for f in self.files)

    def by_language(self, *languages: str) -> tuple[SourceFile, ...]:
        """The inventoried files of the given languages."""
        wanted = set(languages)
        return tuple(f for f in self.files if f.language in wanted)
