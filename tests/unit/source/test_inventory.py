"""The file inventory: what is read, what is skipped and why."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.config import ScanConfig
from assess.source import SourceError, open_snapshot


def _skips(snapshot: object) -> dict[str, str]:
    return {s.path: s.reason for s in snapshot.skipped}  # type: ignore[attr-defined]


def test_languages_by_extension_name_and_shebang(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            "src/App.java": "class App {}",
            "Program.cs": "class P {}",
            "app.py": "x = 1",
            "web/index.ts": "let x = 1",
            "web/util.mjs": "export const x = 1",
            "main.go": "package main",
            "Gemfile": "source 'https://rubygems.org'",
            "index.php": "<?php echo 1;",
            "bin-tools/run": "#!/usr/bin/env python3\nprint(1)\n",
            "config/app.yml": "a: 1",
            "Web.config": "<configuration/>",
            ".env.production": "A=1",
            "README.md": "# hi",
        }
    )
    languages = {f.path: f.language for f in open_snapshot(root).files}
    assert languages == {
        "src/App.java": "java",
        "Program.cs": "csharp",
        "app.py": "python",
        "web/index.ts": "typescript",
        "web/util.mjs": "javascript",
        "main.go": "go",
        "Gemfile": "ruby",
        "index.php": "php",
        "bin-tools/run": "python",
        "config/app.yml": "yaml",
        "Web.config": "xml",
        ".env.production": "env",
        "README.md": "other",
    }


def test_gitignore_and_vendored_folders_are_skipped(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            ".gitignore": "*.log\nsecret/\n",
            "app.py": "x = 1",
            "debug.log": "noise",
            "secret/key.py": "k = 1",
            "node_modules/lib/index.js": "x",
            "target/classes/A.java": "class A {}",
            "sub/.gitignore": "local.py\n",
            "sub/local.py": "x = 1",
            "sub/kept.py": "x = 1",
            "venv-custom/pyvenv.cfg": "home = /usr",
            "venv-custom/lib/site.py": "x = 1",
        }
    )
    snapshot = open_snapshot(root)
    paths = {f.path for f in snapshot.files}
    assert paths == {".gitignore", "app.py", "sub/.gitignore", "sub/kept.py"}
    skips = _skips(snapshot)
    assert skips["node_modules/"] == "generated or vendored folder"
    assert skips["target/"] == "generated or vendored folder"
    assert "venv-custom/" in skips


def test_binary_and_large_files_are_skipped_with_reason(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            "lib/native.so": b"\x7fELF\x00\x00\x01",
            "big.py": "x = 1\n" * 50_000,
            "utf16.cs": "class A {}".encode("utf-16"),
            "ok.py": "x = 1",
        }
    )
    snapshot = open_snapshot(root, ScanConfig(max_file_bytes=100_000))
    skips = _skips(snapshot)
    assert skips["lib/native.so"] == "binary file"
    assert skips["big.py"].startswith("larger than 100000 bytes")
    assert {f.path for f in snapshot.files} == {"utf16.cs", "ok.py"}
    assert snapshot.read_text("utf16.cs") == "class A {}"


def test_symlinks_never_lead_outside_and_loops_end(make_app: Callable[..., Path], tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("secret = 1")
    root = make_app({"app.py": "x = 1", "inner/real.py": "y = 2"})
    os.symlink(outside, root / "escape.py")
    os.symlink("/etc", root / "etc-link")
    os.symlink(".", root / "inner" / "loop")
    os.symlink("inner/real.py", root / "alias.py")
    os.symlink("missing.py", root / "dangling.py")
    snapshot = open_snapshot(root)
    skips = _skips(snapshot)
    assert skips["escape.py"] == "symlink pointing outside the scan root"
    assert skips["etc-link"] == "symlink pointing outside the scan root"
    assert skips["inner/loop"] == "symlinked folder not followed"
    assert skips["dangling.py"] == "broken or looping symlink"
    assert {f.path for f in snapshot.files} == {"alias.py", "app.py", "inner/real.py"}
    with pytest.raises(SourceError):
        snapshot.read_bytes("../outside.py")


def test_special_files_are_not_read(make_app: Callable[..., Path]) -> None:
    root = make_app({"a.py": "x = 1"})
    os.mkfifo(root / "pipe.py")
    snapshot = open_snapshot(root)
    assert _skips(snapshot)["pipe.py"] == "not a regular file"
    assert [f.path for f in snapshot.files] == ["a.py"]


def test_missing_target_and_plain_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or folder"):
        open_snapshot(tmp_path / "nope")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(SourceError, match="not a folder"):
        open_snapshot(tmp_path / "file.txt")


def test_file_limit_is_recorded(make_app: Callable[..., Path]) -> None:
    root = make_app({f"m{i}.py": "x = 1" for i in range(5)})
    snapshot = open_snapshot(root, ScanConfig(max_files=3))
    assert len(snapshot.files) == 3
    assert sum("file limit" in s.reason for s in snapshot.skipped) == 2
