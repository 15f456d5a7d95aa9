"""Real git repositories built from scripted commits, for the change-coupling tests.

``commit(repo, files, message, day)`` writes files and commits them at a fixed date;
``build_history(sample, script, dest)`` replays a sample app's scripted history (see
``tests/functional/histories/*.yaml``): each commit touches some of the sample's files, each
touch writes a longer prefix of the file's final text, and the last touch writes it whole, so
the final tree is exactly the sample.
"""

from __future__ import annotations

import math
import subprocess
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import GIT_ENV

BASE_DATE = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)


def run_git(repo: Path, *args: str, day: float = 0) -> str:
    """git in ``repo`` with a fixed identity, no user config, and author/committer date ``day``."""
    when = (BASE_DATE + timedelta(days=day)).isoformat()
    env = {**GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    run_git(repo, "init", "-q")
    return repo


def commit(repo: Path, files: Mapping[str, str | None], message: str, day: float = 0) -> None:
    """Write (or delete, for None) files and commit every change."""
    for rel, content in files.items():
        path = repo / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    run_git(repo, "add", "-A")
    run_git(repo, "commit", "-q", "--allow-empty", "-m", message, day=day)


def _sample_files(sample: Path) -> list[str]:
    return sorted(
        str(p.relative_to(sample)) for p in sample.rglob("*") if p.is_file() and p.name != "expected.yaml"
    )


def _resolve(token: str, files: list[str]) -> str:
    """A script token is a path relative to the sample, or a file's unique stem or name."""
    if token in files:
        return token
    matches = [f for f in files if Path(f).stem == token] or [f for f in files if Path(f).name == token]
    if len(matches) != 1:
        raise ValueError(f"history token {token!r} names {len(matches)} files: {matches}")
    return matches[0]


def load_script(path: Path, sample: Path) -> list[tuple[str, list[str]]]:
    """``(message, files)`` per commit; files not named anywhere join the first commit."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = _sample_files(sample)
    script: list[tuple[str, list[str]]] = []
    for entry in data["commits"]:
        message, _, tokens = str(entry).rpartition(":")
        script.append((message.strip(), [_resolve(t, files) for t in tokens.split()]))
    named = {f for _, touched in script for f in touched}
    script[0] = (script[0][0], sorted(set(script[0][1]) | (set(files) - named)))
    return script


def build_history(sample: Path, script_path: Path, dest: Path) -> Path:
    """Replay the scripted history of ``sample`` into a new repository at ``dest``.

    The commits go in through one ``git fast-import`` stream (one commit a day from
    :data:`BASE_DATE`), then the work tree is checked out: a real repository, built fast.
    """
    script = load_script(script_path, sample)
    touches = Counter(f for _, files in script for f in set(files))
    seen: Counter[str] = Counter()
    init_repo(dest)
    stream = bytearray()
    for day, (message, files) in enumerate(script):
        when = int((BASE_DATE + timedelta(days=day)).timestamp())
        text = message.encode()
        stream += b"commit refs/heads/main\nmark :%d\n" % (day + 1)
        stream += b"author Test <test@example.com> %d +0000\n" % when
        stream += b"committer Test <test@example.com> %d +0000\n" % when
        stream += b"data %d\n%s\n" % (len(text), text)
        if day:
            stream += b"from :%d\n" % day
        for rel in sorted(set(files)):
            seen[rel] += 1
            content = (sample / rel).read_bytes()
            if seen[rel] < touches[rel]:
                lines = content.splitlines(keepends=True)
                keep = max(1, math.ceil(len(lines) * seen[rel] / touches[rel]))
                content = b"".join(lines[:keep]) + b"\n" * seen[rel]  # differs from every other touch
            stream += b"M 100644 inline %s\ndata %d\n%s\n" % (rel.encode(), len(content), content)
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=dest,
        env=GIT_ENV,
        input=bytes(stream),
        check=True,
        capture_output=True,
    )
    run_git(dest, "reset", "-q", "--hard", "main")
    return dest
