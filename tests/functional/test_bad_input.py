"""Bad input gets a clear message or a recorded skip, never a traceback, and never stops a run."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assess import scan
from assess.pipeline import assess_snapshot, load_toolkit
from assess.source import SourceError, open_snapshot
from tests.conftest import git


def test_invalid_utf8_and_nul_bytes_are_read_not_fatal(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {
            "latin1.py": "name = 'caf\xe9'\nopen('/srv/out.txt', 'w')\n".encode("latin-1"),
            "Bad.java": b'class Bad { void f() { new java.io.FileWriter("/x\xff\xfe"); } }\n',
            "ok.py": "x = 1\n",
        }
    )
    assessment = scan(root)
    assert assessment.errors == ()
    assert ("python-local-file-write", "latin1.py", 2) in {
        (f.rule_id, f.file, f.line) for f in assessment.findings
    }
    assert any(f.file == "Bad.java" for f in assessment.findings)


def test_file_that_vanishes_after_inventory_is_an_error_entry(make_app: Callable[..., Path]) -> None:
    root = make_app({"a.py": "open('/srv/a', 'w')\n", "b.py": "open('/srv/b', 'w')\n"})
    snapshot = open_snapshot(root)
    (root / "a.py").unlink()
    assessment = assess_snapshot(snapshot, load_toolkit())
    assert [(e.stage, e.path) for e in assessment.errors] == [("read", "a.py")]
    assert "No such file" in assessment.errors[0].message
    assert [f.file for f in assessment.findings] == ["b.py"]


def test_huge_binary_and_looping_inputs_are_skipped(make_app: Callable[..., Path]) -> None:
    root = make_app(
        {"app.py": "x = 1\n", "blob.bin": os.urandom(4096) + b"\x00", "huge.js": "x=1;" * 400_000}
    )
    os.symlink(root, root / "self")
    assessment = scan(root)
    skipped = {s.path: s.reason for s in assessment.skipped}
    assert skipped["blob.bin"] == "binary file"
    assert skipped["huge.js"].startswith("larger than")
    assert skipped["self"] == "symlink pointing outside the scan root" or skipped["self"].startswith(
        "symlinked"
    )
    assert assessment.files == 1


@pytest.mark.parametrize(
    ("files", "needle"),
    [
        ({"pom.xml": "<project><dependencies><dependency>"}, "pom.xml"),
        ({"package.json": '{"name": "x", "dependencies": {"express": '}, "package.json"),
        ({"pyproject.toml": "[project\nname = 'x'"}, "pyproject.toml"),
    ],
)
def test_malformed_manifests_are_reported_and_the_rest_survives(
    make_app: Callable[..., Path], files: dict[str, str], needle: str
) -> None:
    root = make_app({**files, "app.py": "open('/srv/x', 'w')\n"})
    assessment = scan(root)
    assert assessment.errors, "the malformed manifest must be reported"
    assert {e.stage for e in assessment.errors} == {"manifests"}
    assert assessment.errors[0].path == needle and needle in assessment.errors[0].message
    by_rule = {f.rule_id: f for f in assessment.findings}
    assert sorted(by_rule) == ["malformed-manifest", "python-local-file-write"]
    assert by_rule["malformed-manifest"].file == needle


def test_empty_repository_and_empty_folder_scan_cleanly(tmp_path: Path) -> None:
    empty_repo = tmp_path / "repo"
    empty_repo.mkdir()
    git(empty_repo, "init", "-q")
    for target in (empty_repo, tmp_path / "empty"):
        target.mkdir(exist_ok=True)
        assessment = scan(target)
        assert (assessment.files, assessment.code_lines, assessment.findings) == (0, 0, ())
        assert assessment.stack.primary_language is None


def test_unreachable_url_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot clone"):
        scan("file:///nonexistent/app.git")
