"""Shared test helpers: real git repositories and small app folders made on disk."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity and no user config."""
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=GIT_ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``{relative path: content}`` below ``root`` and return ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Path]:
    """Make an app folder from a dict of files; ``git=True`` commits it in a real repository."""
    counter = iter(range(10_000))

    def make(files: Mapping[str, str | bytes], *, name: str | None = None, commit: bool = False) -> Path:
        root = tmp_path / (name or f"app{next(counter)}")
        root.mkdir(parents=True)
        write_tree(root, files)
        if commit:
            git(root, "init", "-q")
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", "initial")
        return root

    return make


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSESS_CACHE_DIR", str(tmp_path_factory.mktemp("assess-cache")))
