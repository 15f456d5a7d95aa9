"""Local git repositories and git URLs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assess.config import ScanConfig
from assess.source import SourceError, open_snapshot
from assess.source.git import is_git_url
from tests.conftest import git


def test_local_repository_records_its_commit(make_app: Callable[..., Path]) -> None:
    root = make_app({"app.py": "x = 1"}, commit=True)
    head = git(root, "rev-parse", "HEAD").strip()
    assert open_snapshot(root).commit == head


def test_empty_repository_has_no_commit(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    git(root, "init", "-q")
    snapshot = open_snapshot(root)
    assert snapshot.commit is None
    assert snapshot.files == ()


def test_git_url_is_cloned_shallow_into_the_cache(make_app: Callable[..., Path], tmp_path: Path) -> None:
    origin = make_app({"app.py": "x = 1"}, commit=True)
    (origin / "second.py").write_text("y = 2")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "second")
    head = git(origin, "rev-parse", "HEAD").strip()
    cache = tmp_path / "cache"
    snapshot = open_snapshot(f"file://{origin}", ScanConfig(cache_dir=cache))
    assert snapshot.commit == head
    assert {f.path for f in snapshot.files} == {"app.py", "second.py"}
    assert snapshot.root.is_relative_to(cache)
    assert git(snapshot.root, "rev-list", "--count", "HEAD").strip() == "1"
    assert snapshot.name == origin.name


def test_unreachable_git_url_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"cannot clone file:///nonexistent/repo\.git: .*repository"):
        open_snapshot("file:///nonexistent/repo.git", ScanConfig(cache_dir=tmp_path))


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://github.com/acme/shop.git", True),
        ("git@github.com:acme/shop.git", True),
        ("ssh://git@host/x", True),
        ("file:///srv/x", True),
        ("/srv/repos/shop", False),
        ("shop", False),
        ("C:/repos/shop", False),
    ],
)
def test_git_url_recognition(target: str, expected: bool) -> None:
    assert is_git_url(target) is expected
