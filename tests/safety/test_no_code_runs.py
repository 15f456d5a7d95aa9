"""Promise 1: no code from a scanned repository ever runs.

The trap repository (``traps.py``) holds build scripts, package-manager lifecycle scripts, test
runner hooks, every git hook and every git setting that names a program, each leaving a marker
file when run. A control test proves the traps are armed (plain git commands spring them); the
other tests scan, clone, fetch, plan a Dockerfile, run a portfolio and render every report of
the repository, and assert that no marker appeared. A wrapper placed in front of ``git`` checks
that every git command the tool runs carries the hardening settings.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from assess import scan
from assess.config import ScanConfig
from assess.source import open_snapshot
from assess.source.git import SAFE_GIT_CONFIG, clone
from tests.conftest import GIT_ENV
from tests.safety.support import cli, tar_folder
from tests.safety.traps import make_trap_repo, sprung


@pytest.fixture(scope="module")
def trapped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(repository, markers folder)."""
    base = tmp_path_factory.mktemp("trapped")
    return make_trap_repo(base / "trap-app", base / "markers"), base / "markers"


def _plain_git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, env=GIT_ENV, stdin=subprocess.DEVNULL, capture_output=True, timeout=60
    )


def test_the_traps_are_armed(tmp_path: Path) -> None:
    """Control: ordinary git commands in the trap repository do run its hooks and programs."""
    markers = tmp_path / "markers"
    repo = make_trap_repo(tmp_path / "control", markers)
    _plain_git(repo, "status")
    _plain_git(repo, "log", "-1")
    (repo / "app.py").unlink()
    _plain_git(repo, "checkout", "--", "app.py")
    _plain_git(
        repo,
        "-c",
        "filter.trap.process=",
        "-c",
        "filter.trap.required=false",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "x",
    )
    ran = set(sprung(markers))
    assert {"gpg-openpgp", "hookspath-pre-commit", "hookspath-post-commit"} <= ran, ran
    assert ran & {"core-fsmonitor", "included-fsmonitor"}, ran
    assert ran & {"filter-process", "filter-smudge", "included-smudge"}, ran


def test_scanning_a_local_repository_runs_nothing(trapped: tuple[Path, Path], tmp_path: Path) -> None:
    repo, markers = trapped
    assessment = scan(repo, ScanConfig(cache_dir=tmp_path / "cache"))
    assert assessment.commit is not None
    paths = {f.path for f in open_snapshot(repo).files}
    assert {"setup.py", "package.json", "Makefile", "gradlew", "mvnw", "conftest.py"} <= paths
    assert assessment.decomposition is not None
    assert sprung(markers) == []


def test_cloning_by_path_and_file_url_runs_nothing(trapped: tuple[Path, Path], tmp_path: Path) -> None:
    repo, markers = trapped
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=GIT_ENV, capture_output=True, text=True, check=True
    ).stdout.strip()
    for number, (target, shallow) in enumerate(
        [(str(repo), True), (str(repo), False), (f"file://{repo}", True), (f"file://{repo}", False)]
    ):
        dest = clone(target, tmp_path / f"cache{number}", shallow=shallow)
        assert (dest / "setup.py").is_file() and (dest / ".gitattributes").is_file()
        config = (dest / ".git" / "config").read_text(encoding="utf-8")
        assert '"trap"' not in config and f"{repo.name}-bin" not in config, "no remote config is copied"
        assessment = scan(target, ScanConfig(cache_dir=tmp_path / f"cache{number}", shallow=shallow))
        assert assessment.commit == head
    assert sprung(markers) == []


def test_dockerfile_plan_and_notebook_display_run_nothing(trapped: tuple[Path, Path]) -> None:
    from assess.dockerfile.inputs import read_app_files
    from assess.dockerfile.plan import plan_dockerfile
    from assess.dockerfile.render import render
    from assess.pipeline import assess_snapshot, load_toolkit
    from assess.report.html import assessment_html

    repo, markers = trapped
    snapshot = open_snapshot(repo)
    assessment = assess_snapshot(snapshot, load_toolkit())
    scaffold = render(plan_dockerfile(assessment, read_app_files(snapshot)))
    assert scaffold.plan.app == assessment.app
    assert "<div" in assessment._repr_html_() and "<div" in assessment_html(assessment)
    assert sprung(markers) == []


def _git_wrapper(bin_dir: Path, log: Path) -> Path:
    """A ``git`` in front of the real one that records every command line in a file of its own
    under ``log`` (fields end with \\x1f): git commands run at once from parallel workers, and
    records appended to one shared file could interleave."""
    real = shutil.which("git")
    assert real is not None
    bin_dir.mkdir(parents=True)
    log.mkdir(parents=True)
    wrapper = bin_dir / "git"
    wrapper.write_text(
        "#!/bin/sh\n"
        f'printf \'%s\\037\' "$PWD" "$@" > "$(mktemp \'{log}/git.XXXXXXXX\')"\n'
        f"exec '{real}' \"$@\"\n",
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    return bin_dir


def _invocations(log: Path) -> list[list[str]]:
    records = [path.read_text(encoding="utf-8") for path in sorted(log.glob("git.*"))]
    return [record.split("\x1f")[:-1] for record in records]


REQUIRED_GIT_CONFIG = {
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "protocol.ext.allow=never",
    "filter.lfs.smudge=",
    "filter.lfs.process=",
    "log.showSignature=false",
}
"""What every git command on a scanned repository must be given, whatever SAFE_GIT_CONFIG says."""


def _hardened(argv: list[str]) -> bool:
    given = {argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "-c"}
    given |= {arg.removeprefix("--config=") for arg in argv if arg.startswith("--config=")}
    return given >= REQUIRED_GIT_CONFIG | set(SAFE_GIT_CONFIG)


def test_cli_portfolio_and_reports_run_nothing_and_every_git_command_is_hardened(
    trapped: tuple[Path, Path], tmp_path: Path
) -> None:
    repo, markers = trapped
    log = tmp_path / "git-calls"
    bin_dir = _git_wrapper(tmp_path / "bin", log)
    env = {
        "PATH": f"{bin_dir}:{GIT_ENV['PATH']}",
        "ASSESS_CACHE_DIR": str(tmp_path / "cache"),
        "GIT_PYTHON_GIT_EXECUTABLE": str(bin_dir / "git"),
    }
    archive = tar_folder(repo, tmp_path / "trap-archive.tar.gz")
    manifest = tmp_path / "apps.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows(
            [
                ["id", "source", "ref"],
                ["by-url", f"file://{repo}", ""],
                ["by-url-ref", f"file://{repo}", "main"],
                ["by-path", str(repo), ""],
                ["by-archive", str(archive), ""],
            ]
        )
    out = tmp_path / "out"
    cli(["scan", str(repo), "--format", "json", "-o", str(tmp_path / "scan.json")], env=env)
    cli(["scan", f"file://{repo}"], env=env)
    cli(["decompose", str(repo)], env=env)
    cli(["portfolio", "-m", str(manifest), "-o", str(out), "-w", "2"], env=env)
    cli(["report", str(out), "--html", str(tmp_path / "again.html")], env=env)
    rows = {row["app"]: row for row in csv.DictReader((out / "assessments.csv").open(encoding="utf-8"))}
    assert {app: row["status"] for app, row in rows.items()} == dict.fromkeys(
        ("by-url", "by-url-ref", "by-path", "by-archive"), "ok"
    ), rows
    assert (out / "report.html").is_file() and (tmp_path / "again.html").is_file()
    assert sprung(markers) == []

    invocations = _invocations(log)
    assert any("clone" in argv or "fetch" in argv for argv in invocations), "git URLs went through git"
    assert any("log" in argv for argv in invocations), "the history was read with git"
    repository_commands = [argv for argv in invocations if argv[1:] not in (["version"], ["--version"])]
    unhardened = [argv for argv in repository_commands if not _hardened(argv)]
    assert unhardened == [], "every git command on a scanned repository carries SAFE_GIT_CONFIG"
