"""Walk a scan root and list the files worth reading, with every skip recorded.

The walk honours ``.gitignore`` files (nested ones apply below their folder), skips generated
and vendored folders, never follows a symlinked folder (so loops are impossible) and keeps a
symlinked file only when its target stays inside the scan root.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pathspec

from assess.model import SkippedFile, SourceFile
from assess.source.languages import detect_language
from assess.source.snapshot import read_regular

SKIPPED_DIRS: frozenset[str] = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "bower_components",
        "vendor",
        "target",
        "build",
        "dist",
        "out",
        "bin",
        "obj",
        ".venv",
        "venv",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".gradle",
        ".idea",
        ".vs",
        ".vscode",
        ".next",
        ".nuxt",
        ".terraform",
        "coverage",
        ".bundle",
        "tmp",
        "log",
        "logs",
    }
)
"""Folder names that hold generated, vendored or tool state, never application source."""

_VCS_DIRS = frozenset({".git", ".hg", ".svn"})
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class Inventory:
    """The files of a scan root in path order, and what was left out and why."""

    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]


def _load_gitignore(directory: Path) -> pathspec.GitIgnoreSpec | None:
    path = directory / ".gitignore"
    try:
        if not path.is_file() or path.is_symlink():
            return None
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if spec.patterns else None


def _ignored(rel: str, is_dir: bool, specs: list[tuple[str, pathspec.GitIgnoreSpec]]) -> bool:
    for base, spec in specs:
        sub = rel[len(base) + 1 :] if base else rel
        if spec.match_file(sub + "/" if is_dir else sub):
            return True
    return False


def looks_binary(head: bytes) -> bool:
    """True when the first bytes hold a NUL byte and no UTF-16 byte-order mark."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def is_utf8(name: str) -> bool:
    """False for a file-system name holding bytes that are not UTF-8 (decoded as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def readable_path(path: str) -> str:
    """``path`` with bytes that are not UTF-8 shown as U+FFFD, safe to write to any output."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _inside(root: Path, target: Path) -> bool:
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


def take_inventory(root: Path, *, max_file_bytes: int, max_files: int) -> Inventory:
    """List the files below ``root`` (already resolved), skipping what should not be read."""
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    stack: list[tuple[Path, str, list[tuple[str, pathspec.GitIgnoreSpec]]]] = [(root, "", [])]
    while stack:
        directory, rel_dir, specs = stack.pop()
        own = _load_gitignore(directory)
        if own is not None:
            specs = [*specs, (rel_dir, own)]
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(SkippedFile(rel_dir or ".", f"unreadable folder: {exc.strerror or exc}"))
            continue
        subdirs: list[tuple[Path, str, list[tuple[str, pathspec.GitIgnoreSpec]]]] = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as exc:
                skipped.append(SkippedFile(readable_path(rel), f"unreadable: {exc.strerror or exc}"))
                continue
            if not is_utf8(entry.name):
                # Every output is UTF-8 text: such a name could not be written, so it is not read.
                shown = readable_path(rel) + ("/" if is_dir else "")
                skipped.append(SkippedFile(shown, "name is not valid UTF-8"))
                continue
            if entry.name in _VCS_DIRS:
                continue  # version control state (a folder, or a ``.git`` file of a worktree)
            if is_dir:
                if entry.name in SKIPPED_DIRS or (Path(entry.path) / "pyvenv.cfg").exists():
                    skipped.append(SkippedFile(rel + "/", "generated or vendored folder"))
                elif not _ignored(rel, True, specs):
                    subdirs.append((Path(entry.path), rel, specs))
                continue
            if _ignored(rel, False, specs):
                continue
            if is_link:
                reason = _symlink_problem(root, Path(entry.path))
                if reason:
                    skipped.append(SkippedFile(rel, reason))
                    continue
            if len(files) >= max_files:
                skipped.append(SkippedFile(rel, f"file limit of {max_files} reached"))
                continue
            item = _inspect_file(entry.path, rel, max_file_bytes)
            if isinstance(item, SkippedFile):
                skipped.append(item)
            else:
                files.append(item)
        stack.extend(reversed(subdirs))
    files.sort(key=lambda f: f.path)
    return Inventory(tuple(files), tuple(skipped))


def _symlink_problem(root: Path, path: Path) -> str | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken or looping symlink"
    if not _inside(root, target):
        return "symlink pointing outside the scan root"
    if target.is_dir():
        return "symlinked folder not followed"
    return None


def _inspect_file(path: str, rel: str, max_file_bytes: int) -> SourceFile | SkippedFile:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return SkippedFile(rel, "not a regular file")
        if info.st_size > max_file_bytes:
            return SkippedFile(rel, f"larger than {max_file_bytes} bytes ({info.st_size})")
        head = read_regular(path, _BINARY_SNIFF)
    except OSError as exc:
        return SkippedFile(rel, f"unreadable: {exc.strerror or exc}")
    if looks_binary(head):
        return SkippedFile(rel, "binary file")
    return SourceFile(path=rel, language=detect_language(rel, head), size=info.st_size)
