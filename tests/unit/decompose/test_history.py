"""Change coupling read from real git repositories in one streamed ``git log`` pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.decompose.history import (
    ChangeLog,
    count_log,
    coupled_pairs,
    log_command,
    read_change_log,
    unquote_path,
)
from assess.decompose.settings import HistorySettings
from tests.history_support import commit, init_repo, run_git

LOOSE = HistorySettings(min_revisions=3, min_shared_revisions=2, min_coupling=50, max_changeset_size=3)


def _script(repo: Path) -> Path:
    """Six counted commits, one too large, one merge (see the expected counts below)."""
    init_repo(repo)
    commit(repo, {"a.py": "1", "b.py": "1"}, "c1", day=0)
    commit(repo, {"a.py": "2", "b.py": "2"}, "c2", day=1)
    commit(repo, {"a.py": "3", "b.py": "3", "c.py": "3"}, "c3", day=2)
    commit(repo, {"a.py": "4", "c.py": "4"}, "c4", day=3)
    run_git(repo, "checkout", "-q", "-b", "topic")
    commit(repo, {"b.py": "5"}, "c5 on a branch", day=4)
    run_git(repo, "checkout", "-q", "main")
    run_git(repo, "merge", "-q", "--no-ff", "-m", "merge topic", "topic", day=5)
    commit(repo, {"a.py": "6", "b.py": "6", "c.py": "6", "d.py": "6"}, "c6 too large", day=6)
    return repo


def test_counts_revisions_and_shared_revisions(tmp_path: Path) -> None:
    log = read_change_log(_script(tmp_path / "repo"), LOOSE)
    # c1..c6 are read (the merge is not); c6 touches 4 > 3 files and is ignored
    assert (log.commits, log.counted, log.large) == (6, 5, 1)
    assert dict(log.revisions) == {"a.py": 4, "b.py": 4, "c.py": 2}
    assert dict(log.shared) == {("a.py", "b.py"): 3, ("a.py", "c.py"): 2, ("b.py", "c.py"): 1}
    assert log.shallow is False
    assert log.note is None


def test_coupled_pairs_follow_code_maat_thresholds(tmp_path: Path) -> None:
    log = read_change_log(_script(tmp_path / "repo"), LOOSE)
    pairs = coupled_pairs(log, LOOSE)
    # (a, b): 3 / mean(4, 4) = 75 %; (a, c): 2 / mean(4, 2) = 66.7 %; (b, c) shares only 1
    assert [(p.a, p.b, p.shared) for p in pairs] == [("a.py", "b.py", 3), ("a.py", "c.py", 2)]
    assert pairs[0].degree == pytest.approx(75.0)
    assert pairs[1].degree == pytest.approx(200 / 3)
    stricter = LOOSE.model_copy(update={"min_coupling": 70})
    assert [(p.a, p.b) for p in coupled_pairs(log, stricter)] == [("a.py", "b.py")]
    fewer = LOOSE.model_copy(update={"min_revisions": 4})  # mean(4, 2) = 3 < 4
    assert [(p.a, p.b) for p in coupled_pairs(log, fewer)] == [("a.py", "b.py")]


def test_keep_selects_files_but_commit_size_counts_all(tmp_path: Path) -> None:
    log = read_change_log(_script(tmp_path / "repo"), LOOSE, keep={"a.py", "c.py"}.__contains__)
    assert dict(log.revisions) == {"a.py": 4, "c.py": 2}
    assert dict(log.shared) == {("a.py", "c.py"): 2}
    assert log.large == 1


def test_commit_and_time_windows(tmp_path: Path) -> None:
    repo = _script(tmp_path / "repo")
    assert read_change_log(repo, LOOSE.model_copy(update={"max_commits": 2})).commits == 2
    # newest commit on day 6; the last 3 days reach back to day 3 (c4, c5, c6)
    windowed = read_change_log(repo, LOOSE.model_copy(update={"since_days": 3}))
    assert windowed.commits == 3
    assert dict(windowed.revisions) == {"a.py": 1, "b.py": 1, "c.py": 1}


def test_renamed_file_starts_a_fresh_history(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, {"old.py": "x\n" * 20, "b.py": "1"}, "one", day=0)
    commit(repo, {"old.py": "x\n" * 21, "b.py": "2"}, "two", day=1)
    run_git(repo, "mv", "old.py", "new.py")
    commit(repo, {"b.py": "3"}, "rename", day=2)
    log = read_change_log(repo, LOOSE)
    assert log.revisions["old.py"] == 3  # added, changed, deleted
    assert log.revisions["new.py"] == 1
    current = read_change_log(repo, LOOSE, keep={"new.py", "b.py"}.__contains__)
    assert "old.py" not in current.revisions
    assert current.shared[("b.py", "new.py")] == 1


def test_an_app_in_a_subfolder_gets_the_history_of_its_folder(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "mono")
    commit(repo, {"shop/a.py": "1", "shop/b.py": "1", "blog/x.py": "1"}, "both apps", day=0)
    commit(repo, {"shop/a.py": "2", "shop/b.py": "2"}, "shop", day=1)
    commit(repo, {"blog/x.py": "2", "blog/y.py": "2"}, "blog only", day=2)
    commit(repo, {"shop/b.py": "3", "blog/y.py": "3"}, "both again", day=3)
    log = read_change_log(repo / "shop", LOOSE)
    # the blog-only commit is not read; paths are relative to shop/, blog files never count
    assert (log.commits, log.counted) == (3, 3)
    assert dict(log.revisions) == {"a.py": 2, "b.py": 3}
    assert dict(log.shared) == {("a.py", "b.py"): 2}
    assert log.note is None
    whole = read_change_log(repo, LOOSE)
    assert whole.commits == 4 and whole.revisions["shop/b.py"] == 3


def test_shallow_clone_is_flagged(tmp_path: Path) -> None:
    origin = _script(tmp_path / "origin")
    run_git(tmp_path, "clone", "-q", "--depth", "2", f"file://{origin}", "shallow")
    log = read_change_log(tmp_path / "shallow", LOOSE)
    assert log.shallow is True
    assert log.commits == 2
    assert log.note is not None and "shallow" in log.note


def test_repository_without_commits(tmp_path: Path) -> None:
    log = read_change_log(init_repo(tmp_path / "empty"), LOOSE)
    assert log.commits == 0
    assert log.note is not None and "no change coupling" in log.note


def test_folder_without_git(tmp_path: Path) -> None:
    log = read_change_log(tmp_path, LOOSE)
    assert log == ChangeLog(note="not a git repository: no change coupling")


def test_switched_off(tmp_path: Path) -> None:
    log = read_change_log(_script(tmp_path / "repo"), LOOSE.model_copy(update={"enabled": False}))
    assert log.commits == 0 and log.note is not None and "switched off" in log.note


def test_odd_file_names(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    names = ["caf\u00e9 menu.py", 'quote"d.py', "tab\tname.py"]
    commit(repo, dict.fromkeys(names, "1"), "odd names")
    log = read_change_log(repo, LOOSE)
    assert sorted(log.revisions) == sorted(names)


def test_unquote_path() -> None:
    assert unquote_path(b"plain/path.py") == "plain/path.py"
    assert unquote_path(b'"a\\"b.py"') == 'a"b.py'
    assert unquote_path(b'"caf\\303\\251.py"') == "caf\u00e9.py"
    assert unquote_path(b'"t\\tb\\\\c"') == "t\tb\\c"


def test_count_log_is_independent_of_chunk_boundaries() -> None:
    text = (
        b"\x00aaa 300\n\nx.py\ny.py\n\x00bbb 200\n\n\x00ccc 100\n\ny.py\nz.py\nx.py\n"
        b"\x00ddd 50\n\nx.py\ny.py\n"
    )
    whole = count_log([text], LOOSE)
    for size in (1, 3, 7, 16):
        parts = [text[i : i + size] for i in range(0, len(text), size)]
        split = count_log(parts, LOOSE)
        assert (split.commits, split.revisions, split.shared) == (
            whole.commits,
            whole.revisions,
            whole.shared,
        )
    assert whole.commits == 4 and whole.counted == 4
    assert dict(whole.shared) == {("x.py", "y.py"): 3, ("x.py", "z.py"): 1, ("y.py", "z.py"): 1}
    assert (whole.newest, whole.oldest) == (300, 50)


def test_the_log_command_reads_names_only_without_merges_or_renames() -> None:
    command = log_command(HistorySettings(max_commits=100))
    assert command[0] == "git"
    for flag in ("log", "--no-merges", "--name-only", "--no-renames", "--max-count=100"):
        assert flag in command
    assert "--relative" not in command
    assert log_command(HistorySettings(), subfolder=True)[-3:] == ["--relative", "--", "."]
