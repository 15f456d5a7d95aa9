"""Git access: recognise URLs, clone them safely into a cache, read a folder's commit.

Every git command on a scanned repository runs with :data:`SAFE_GIT_CONFIG` (hooks, fsmonitor,
the LFS filter, the ``ext::`` transport and signature checks off), so neither a clone nor a local
repository's own ``.git/config`` gets to run a program; checkouts never execute anything.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import git

from assess.source.snapshot import SourceError

_URL = re.compile(r"^(?:https?|ssh|git|file)://|^[\w.-]+@[\w.-]+:")
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_GIT_ENV_DROP = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
)

SAFE_GIT_CONFIG: tuple[str, ...] = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.symlinks=true",
    "protocol.ext.allow=never",
    "filter.lfs.smudge=",
    "filter.lfs.process=",
    "filter.lfs.required=false",
    "log.showSignature=false",
)
"""``-c`` settings for every git command run on a scanned repository."""


def is_git_url(target: str) -> bool:
    """True for ``https://``, ``ssh://``, ``git://``, ``file://`` and ``user@host:path`` targets."""
    return bool(_URL.match(target))


def _safe_options() -> list[str]:
    return [f"--config={item}" for item in SAFE_GIT_CONFIG]


def clone(url: str, cache_dir: Path, *, shallow: bool = True, ref: str | None = None) -> Path:
    """Clone ``url`` (optionally at branch/tag ``ref``) into the cache and return the folder.

    A cached clone is reused. Raises :class:`SourceError` with git's reason on failure.
    """
    key = hashlib.sha256(f"{url}#{ref or ''}".encode()).hexdigest()[:20]
    dest = cache_dir / "repos" / key
    if (dest / ".git").is_dir():
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    options = _safe_options()
    kwargs: dict[str, object] = {
        "multi_options": options,
        "allow_unsafe_options": True,  # only our own hardening options above
        "env": {"GIT_TERMINAL_PROMPT": "0"},
    }
    if shallow:
        kwargs["depth"] = 1
    if ref:
        kwargs["branch"] = ref
    try:
        git.Repo.clone_from(url, dest, **kwargs)  # type: ignore[arg-type]
    except git.GitCommandError as exc:
        shutil.rmtree(dest, ignore_errors=True)
        fatal = [line for line in str(exc.stderr).splitlines() if "fatal:" in line]
        detail = fatal[0].split("fatal:", 1)[1].strip() if fatal else f"git exited with {exc.status}"
        raise SourceError(f"cannot clone {url}: {detail}") from exc
    return dest


def git_environment() -> dict[str, str]:
    """The process environment for git on a scanned repository: no inherited repository
    location (``GIT_DIR``, ``GIT_WORK_TREE``, ...) and never a prompt."""
    env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV_DROP}
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def safe_git_argv(args: list[str]) -> list[str]:
    """``git -c <each of SAFE_GIT_CONFIG> ARGS``: the command line for any git command run on a
    scanned repository."""
    argv = ["git"]
    for item in SAFE_GIT_CONFIG:
        argv += ["-c", item]
    return [*argv, *args]


def head_commit(folder: Path) -> str | None:
    """The commit checked out in ``folder`` when it is the top of a git work tree, else None."""
    if not (folder / ".git").exists():
        return None
    try:
        done = subprocess.run(
            safe_git_argv(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
            cwd=folder,
            env=git_environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    sha = done.stdout.strip()
    return sha if done.returncode == 0 and _SHA.fullmatch(sha) else None
