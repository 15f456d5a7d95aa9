"""Safe extraction of zip and tar archives into the cache.

An archive is hostile data. Extraction refuses the whole archive when a member has an absolute
path or a ``..`` part, is a device file or FIFO, or is a link that leads outside the extraction
folder, and stops when the archive holds more members or more bytes than the limits allow.
Files are written with ``O_EXCL | O_NOFOLLOW`` and mode 0644 (nothing executable, no set-id
bits); symbolic links are created last, only inside the folder, and every one is checked again
once all exist. Hard links become copies of a file already extracted.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import re
import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assess.source.snapshot import SourceError

_CHUNK = 1024 * 1024
_MAX_LINK_TARGET = 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ArchiveLimits:
    """At most ``max_members`` members and ``max_bytes`` bytes once extracted."""

    max_bytes: int = 2 * 1024**3
    max_members: int = 100_000


class UnsafeArchive(SourceError):
    """An archive refused as a whole (a path escape, a link out, a device file, too large)."""


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def content_root(folder: Path) -> Path:
    """The folder itself, or its single subfolder when that is all it holds (``repo-main/``)."""
    entries = list(folder.iterdir())
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        return entries[0]
    return folder


def extract_archive(archive: Path, cache_dir: Path, limits: ArchiveLimits | None = None) -> Path:
    """Extract ``archive`` once into ``cache_dir/archives/<sha256>`` and return its content root.

    Extraction goes to a private temporary folder renamed into place when complete, so
    concurrent workers and killed runs never see half an archive. Raises :class:`SourceError`.
    """
    limits = limits or ArchiveLimits()
    try:
        digest = file_digest(archive)
    except OSError as exc:
        raise SourceError(f"cannot read archive {archive}: {exc.strerror or exc}") from exc
    dest = cache_dir / "archives" / digest[:32]
    if dest.is_dir():
        return content_root(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".extract-", dir=dest.parent))
    try:
        _extract_into(archive, tmp, limits)
        tmp.chmod(0o755)
        try:
            tmp.rename(dest)
        except OSError:
            if not dest.is_dir():
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # another worker finished the same archive first
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return content_root(dest)


def _extract_into(archive: Path, root: Path, limits: ArchiveLimits) -> None:
    name = archive.name.lower()
    if name.endswith(".zip"):
        try:
            with zipfile.ZipFile(archive) as zf:
                _Extractor(root, limits, archive.name).run_zip(zf)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error) as exc:
            raise SourceError(f"cannot read archive {archive.name}: {exc}") from exc
    else:
        try:
            with tarfile.open(archive, "r:*") as tf:
                _Extractor(root, limits, archive.name).run_tar(tf)
        except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
            raise SourceError(f"cannot read archive {archive.name}: {exc}") from exc


def member_parts(name: str) -> tuple[str, ...]:
    """The path parts of a member name; raises :class:`UnsafeArchive` for escapes."""
    text = name.replace("\\", "/")
    if "\x00" in text:
        raise UnsafeArchive(f"member name with a NUL byte: {name!r}")
    if text.startswith("/") or _DRIVE.match(text):
        raise UnsafeArchive(f"member with an absolute path: {name!r}")
    parts = tuple(p for p in text.split("/") if p not in ("", "."))
    if ".." in parts:
        raise UnsafeArchive(f"member path escapes the archive: {name!r}")
    return parts


def _inside(root: str, path: str) -> bool:
    return path == root or path.startswith(root + os.sep)


class _Extractor:
    def __init__(self, root: Path, limits: ArchiveLimits, label: str) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.limits = limits
        self.label = label
        self.members = 0
        self.written = 0
        self.links: list[tuple[tuple[str, ...], str, str]] = []
        self.files: set[tuple[str, ...]] = set()

    # ----------------------------------------------------------------- formats

    def run_zip(self, zf: zipfile.ZipFile) -> None:
        infos = zf.infolist()
        self._count(len(infos))
        declared = sum(info.file_size for info in infos)
        if declared > self.limits.max_bytes:
            raise self._too_large()
        for info in infos:
            parts = member_parts(info.filename)
            mode = (info.external_attr >> 16) if info.create_system == 3 else 0
            kind = stat.S_IFMT(mode)
            if info.is_dir() or kind == stat.S_IFDIR:
                self._mkdir(parts, info.filename)
            elif kind == stat.S_IFLNK:
                with zf.open(info) as handle:
                    target = handle.read(_MAX_LINK_TARGET + 1)
                self._defer_link(parts, target, info.filename)
            elif kind in (0, stat.S_IFREG):
                with zf.open(info) as handle:
                    self._write(parts, handle, info.filename)
            else:
                raise UnsafeArchive(f"member is not a regular file, folder or link: {info.filename!r}")
        self._make_links()

    def run_tar(self, tf: tarfile.TarFile) -> None:
        for member in _members(tf):
            self._count(1)
            parts = member_parts(member.name)
            if member.isdir():
                self._mkdir(parts, member.name)
            elif member.issym():
                self._defer_link(parts, member.linkname.encode("utf-8", "surrogateescape"), member.name)
            elif member.islnk():
                source = member_parts(member.linkname)
                if source not in self.files:
                    raise UnsafeArchive(
                        f"hard link to a file not extracted before it: {member.name!r} -> {member.linkname!r}"
                    )
                with open(self._path(source), "rb") as handle:
                    self._write(parts, handle, member.name)
            elif member.isreg():
                content = tf.extractfile(member)
                if content is None:
                    raise UnsafeArchive(f"unreadable member: {member.name!r}")
                with content:
                    self._write(parts, content, member.name)
            else:
                raise UnsafeArchive(f"member is a device file or FIFO: {member.name!r}")
        self._make_links()

    # ----------------------------------------------------------------- limits

    def _count(self, members: int) -> None:
        self.members += members
        if self.members > self.limits.max_members:
            raise UnsafeArchive(f"archive {self.label} has more than {self.limits.max_members} members")

    def _too_large(self) -> UnsafeArchive:
        mib = self.limits.max_bytes / 1024**2
        return UnsafeArchive(f"archive {self.label} expands to more than {mib:g} MiB")

    # ----------------------------------------------------------------- writing

    def _path(self, parts: tuple[str, ...]) -> str:
        return os.path.join(self.root, *parts)

    def _mkdir(self, parts: tuple[str, ...], name: str) -> None:
        if not parts:
            return
        path = self._path(parts)
        os.makedirs(path, mode=0o755, exist_ok=True)
        if not _inside(self.real_root, os.path.realpath(path)):
            raise UnsafeArchive(f"member path escapes the archive through a link: {name!r}")

    def _write(self, parts: tuple[str, ...], source: IO[bytes], name: str) -> None:
        if not parts:
            raise UnsafeArchive(f"file member without a name: {name!r}")
        self._mkdir(parts[:-1], name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(self._path(parts), flags, 0o644)
        except FileExistsError as exc:
            raise UnsafeArchive(f"member appears twice or over a folder: {name!r}") from exc
        except IsADirectoryError as exc:
            raise UnsafeArchive(f"member appears twice or over a folder: {name!r}") from exc
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(_CHUNK):
                self.written += len(chunk)
                if self.written > self.limits.max_bytes:
                    raise self._too_large()
                out.write(chunk)
        self.files.add(parts)

    def _defer_link(self, parts: tuple[str, ...], raw_target: bytes, name: str) -> None:
        if not parts:
            raise UnsafeArchive(f"link member without a name: {name!r}")
        if len(raw_target) > _MAX_LINK_TARGET or b"\x00" in raw_target or not raw_target:
            raise UnsafeArchive(f"link with an invalid target: {name!r}")
        target = raw_target.decode("utf-8", "surrogateescape")
        if target.startswith("/") or _DRIVE.match(target):
            raise UnsafeArchive(f"link points outside the archive: {name!r} -> {target!r}")
        lexical = os.path.normpath(os.path.join(self.root, *parts[:-1], target))
        if not _inside(os.path.normpath(self.root), lexical):
            raise UnsafeArchive(f"link points outside the archive: {name!r} -> {target!r}")
        self.links.append((parts, target, name))

    def _make_links(self) -> None:
        for parts, target, name in self.links:
            self._mkdir(parts[:-1], name)
            path = self._path(parts)
            parent = os.path.realpath(os.path.dirname(path))
            if not _inside(self.real_root, parent):
                raise UnsafeArchive(f"link placed outside the archive through another link: {name!r}")
            try:
                os.symlink(target, path)
            except FileExistsError as exc:
                raise UnsafeArchive(f"member appears twice: {name!r}") from exc
        for parts, target, name in self.links:
            real = os.path.realpath(self._path(parts))
            if not _inside(self.real_root, real):
                raise UnsafeArchive(f"link points outside the archive: {name!r} -> {target!r}")


def _members(tf: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """Members one by one without keeping the whole list (streamed archives stay small)."""
    while True:
        member = tf.next()
        if member is None:
            return
        yield member
        cached = getattr(tf, "members", None)  # tarfile keeps every member; extraction needs none back
        if isinstance(cached, list):
            cached.clear()
