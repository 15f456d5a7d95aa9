"""Without a browser the browser tests skip on a developer machine, and fail in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(("required", "outcome"), [("1", "1 error"), ("", "1 skipped")])
def test_a_missing_chromium_fails_when_the_browser_is_required(
    required: str, outcome: str, tmp_path: Path
) -> None:
    tools = tmp_path / "bin"  # git (GitPython wants it), but no `chromium` on PATH
    tools.mkdir()
    git = shutil.which("git")
    assert git is not None
    (tools / "git").symlink_to(git)
    env = {
        **os.environ,
        "ASSESS_CHROMIUM": str(tmp_path / "no-chromium"),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), str(tools)]),
        "ASSESS_REQUIRE_BROWSER": required,
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "tests/browser/test_html_report.py::test_hostile_names_and_snippets_show_as_text",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outcome in result.stdout, result.stdout + result.stderr
    if required:
        assert result.returncode != 0
        assert "ASSESS_REQUIRE_BROWSER is set but Debian's chromium is not installed" in result.stdout
    else:
        assert result.returncode == 0
