"""Where an item's code is, and what version of it: cheap fingerprints and checkouts.

:func:`resolve` runs in the coordinating process before any work is sent out. It names the
version of an item's code without reading the code: the remote commit of a git URL
(``git ls-remote``), the commit plus a stat fingerprint (paths, sizes, mtimes) of a local folder,
the size and mtime of an archive. The store keys results on it, so an unchanged app is skipped.

:func:`materialize` runs in a worker: it gives the folder to scan, fetching a git URL into a
commit-addressed cache folder or extracting an archive safely, and the commit it holds.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assess.portfolio.archives import ArchiveLimits, extract_archive
from assess.portfolio.inputs import SourceKind, WorkItem, check_subfolder
from assess.source.git import SAFE_GIT_CONFIG, head_commit
from assess.source.inventory import SKIPPED_DIRS
from assess.source.snapshot import SourceError

_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_VCS_DIRS = frozenset({".git", ".hg", ".svn"})
_GIT_ENV_DROP = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_CEILING_DIRECTORIES",
)


@dataclass(frozen=True)
class SourceState:
    """The version of an item's code: ``fingerprint`` (what the store keys on) and the commit."""

    fingerprint: str
    commit: str | None


# --------------------------------------------------------------------------- git


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV_DROP}
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def git_command(args: list[str], *, cwd: Path | None = None, timeout: float | None = None) -> str:
    """Run git with the hardening options of :data:`SAFE_GIT_CONFIG`; raise SourceError on failure."""
    command = ["git"]
    for option in SAFE_GIT_CONFIG:
        command += ["-c", option]
    command += args
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=_git_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SourceError(f"git {args[0]} took longer than {timeout:g} s") from exc
    except OSError as exc:
        raise SourceError(f"cannot run git: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        fatal = [line for line in done.stderr.splitlines() if line.startswith(("fatal:", "error:"))]
        detail = fatal[0].split(":", 1)[1].strip() if fatal else f"git exited with {done.returncode}"
        raise SourceError(detail)
    return done.stdout


def remote_commit(url: str, ref: str | None, *, timeout: float = 120.0) -> str:
    """The commit ``ref`` (default: HEAD) names on the remote, asked with ``git ls-remote``."""
    if ref and _SHA.match(ref):
        return ref
    wanted = ref or "HEAD"
    try:
        out = git_command(["ls-remote", "--", url, wanted], timeout=timeout)
    except SourceError as exc:
        raise SourceError(f"cannot reach {url}: {exc}") from exc
    refs: dict[str, str] = {}
    for line in out.splitlines():
        sha, _, name = line.partition("\t")
        refs[name.strip()] = sha.strip()
    for name in (f"refs/tags/{wanted}^{{}}", f"refs/heads/{wanted}", f"refs/tags/{wanted}", wanted):
        if name in refs:
            return refs[name]
    if refs:
        return next(iter(refs.values()))
    raise SourceError(f"cannot reach {url}: no ref {wanted!r} there")


def fetch_commit(
    url: str, ref: str | None, cache_dir: Path, *, expected: str | None = None, shallow: bool = True
) -> tuple[Path, str]:
    """A checkout of ``url`` at ``ref`` in ``cache_dir/checkouts/<url hash>/<commit>``.

    Checkouts are immutable and addressed by commit, so workers share them safely; a new one is
    fetched into a temporary folder and renamed into place. Returns (folder, commit).
    """
    base = cache_dir / "checkouts" / hashlib.sha256(url.encode()).hexdigest()[:20]
    if expected and (base / expected / ".git").is_dir():
        return base / expected, expected
    base.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".fetch-", dir=base))
    try:
        git_command(["init", "-q", str(tmp)])
        depth = ["--depth", "1"] if shallow else []
        target = ref or "HEAD"
        try:
            git_command(["fetch", "-q", "--no-tags", *depth, "--", url, target], cwd=tmp)
        except SourceError as exc:
            raise SourceError(f"cannot clone {url}{f' at {ref}' if ref else ''}: {exc}") from exc
        git_command(["checkout", "-q", "--detach", "FETCH_HEAD"], cwd=tmp)
        commit = git_command(["rev-parse", "HEAD"], cwd=tmp).strip()
        dest = base / commit
        try:
            tmp.rename(dest)
        except OSError:
            if not (dest / ".git").is_dir():
                raise
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest, commit


# --------------------------------------------------------------------------- fingerprints


def tree_fingerprint(root: Path) -> str:
    """A hash of every path, size and mtime below ``root`` (VCS, vendored and generated folders
    are named but not entered; symlinks hashed by target). Cheap: stat calls only."""
    digest = hashlib.blake2b(digest_size=16)
    stack: list[tuple[str, str]] = [(str(root), "")]
    while stack:
        directory, rel_dir = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            digest.update(f"!{rel_dir}:{exc.errno}\n".encode("utf-8", "surrogateescape"))
            continue
        subdirs: list[tuple[str, str]] = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_symlink():
                    line = f"L{rel}\0{os.readlink(entry.path)}"
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name in _VCS_DIRS:
                        continue
                    line = f"D{rel}"
                    if entry.name not in SKIPPED_DIRS and not os.path.exists(
                        os.path.join(entry.path, "pyvenv.cfg")
                    ):
                        subdirs.append((entry.path, rel))
                else:
                    info = entry.stat(follow_symlinks=False)
                    line = f"F{rel}\0{info.st_size}\0{info.st_mtime_ns}"
            except OSError as exc:
                line = f"!{rel}:{exc.errno}"
            digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
        stack.extend(reversed(subdirs))
    return digest.hexdigest()


def _local_folder(item: WorkItem) -> Path:
    base = Path(item.source)
    if not base.exists():
        raise SourceError(f"no such file or folder: {item.source}")
    if not base.is_dir():
        raise SourceError(f"not a folder: {item.source}")
    return _subfolder(base, item.subfolder)


def _subfolder(base: Path, subfolder: str | None) -> Path:
    rel = check_subfolder(subfolder or "")
    if not rel:
        return base
    folder = base / rel
    real_base = base.resolve()
    try:
        real = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise SourceError(f"no subfolder {rel!r} in {base}") from exc
    if not real.is_relative_to(real_base):
        raise SourceError(f"subfolder {rel!r} leads outside {base}")
    if not real.is_dir():
        raise SourceError(f"subfolder {rel!r} of {base} is not a folder")
    return folder


def resolve(item: WorkItem, *, git_timeout: float = 120.0) -> SourceState:
    """Name the version of ``item``'s code without reading it. Raises :class:`SourceError`."""
    kind = item.kind
    if kind is SourceKind.GIT:
        commit = remote_commit(item.source, item.ref, timeout=git_timeout)
        return SourceState(f"git:{commit}", commit)
    if kind is SourceKind.ARCHIVE:
        path = Path(item.source)
        try:
            info = path.stat()
        except OSError as exc:
            raise SourceError(f"no such file or folder: {item.source}") from exc
        if not path.is_file():
            raise SourceError(f"not an archive file: {item.source}")
        return SourceState(f"archive:{info.st_size}:{info.st_mtime_ns}", None)
    folder = _local_folder(item)
    head = head_commit(Path(item.source))
    tree = tree_fingerprint(folder)
    return SourceState(f"tree:{tree}" + (f":{head}" if head else ""), head)


# --------------------------------------------------------------------------- checkouts


def materialize(
    item: WorkItem,
    cache_dir: Path,
    *,
    expected_commit: str | None = None,
    shallow: bool = True,
    archive_limits: ArchiveLimits | None = None,
) -> tuple[Path, str | None]:
    """The folder to scan for ``item`` and the commit it holds. Raises :class:`SourceError`."""
    kind = item.kind
    if kind is SourceKind.GIT:
        root, commit = fetch_commit(
            item.source, item.ref, cache_dir, expected=expected_commit, shallow=shallow
        )
        return _subfolder(root, item.subfolder), commit
    if kind is SourceKind.ARCHIVE:
        path = Path(item.source)
        if not path.is_file():
            raise SourceError(f"no such archive: {item.source}")
        root = extract_archive(path, cache_dir, archive_limits)
        return _subfolder(root, item.subfolder), None
    return _local_folder(item), head_commit(Path(item.source))
