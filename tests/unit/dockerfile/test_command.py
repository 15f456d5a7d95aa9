"""`assess dockerfile` end to end (real scans of copies of the samples) and the portfolio hook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assess.cli import main
from assess.dockerfile.command import portfolio_hook
from assess.pipeline import scan

SAMPLES = Path(__file__).resolve().parents[3] / "sample_repos"


@pytest.fixture
def go_app(tmp_path: Path) -> Path:
    app = tmp_path / "go-service"
    shutil.copytree(SAMPLES / "go-service", app)
    (app / "Dockerfile").unlink(missing_ok=True)
    return app


def test_prints_by_default_and_writes_nothing(go_app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dockerfile", str(go_app)]) == 0
    printed = capsys.readouterr().out
    assert 'ENTRYPOINT ["/usr/local/bin/stock-service"]' in printed
    assert not (go_app / "Dockerfile").exists()


def test_write_never_overwrites_without_force(go_app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dockerfile", str(go_app), "--write"]) == 0
    first = (go_app / "Dockerfile").read_text()
    assert ".git" in (go_app / ".dockerignore").read_text().splitlines()
    (go_app / "Dockerfile").write_text("FROM mine\n")
    assert main(["dockerfile", str(go_app), "--write"]) == 2
    assert "use --force" in capsys.readouterr().err
    assert (go_app / "Dockerfile").read_text() == "FROM mine\n"
    assert main(["dockerfile", str(go_app), "--write", "--force"]) == 0
    assert (go_app / "Dockerfile").read_text() == first


def test_out_and_base_image_map(go_app: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "images.yaml"
    mapping.write_text("registry: registry.corp.example/mirror\n")
    out = tmp_path / "out"
    assert main(["dockerfile", str(go_app), "--out", str(out), "--base-image-map", str(mapping)]) == 0
    froms = [line for line in (out / "Dockerfile").read_text().splitlines() if line.startswith("FROM ")]
    assert len(froms) == 2 and all(f.startswith("FROM registry.corp.example/mirror/") for f in froms)


def test_base_image_pairs_override_the_map_file(
    go_app: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "images.yaml"
    mapping.write_text("registry: registry.corp.example/mirror\n")
    pair = "golang=registry.corp.example/approved/go"
    assert main(["dockerfile", str(go_app), "--base-image-map", str(mapping), "--base-image", pair]) == 0
    froms = [line for line in capsys.readouterr().out.splitlines() if line.startswith("FROM ")]
    assert froms[0] == "FROM registry.corp.example/approved/go:${GO_VERSION}-bookworm AS build"
    assert froms[1].startswith("FROM registry.corp.example/mirror/gcr.io/distroless/")
    assert main(["dockerfile", str(go_app), "--base-image", "golang"]) == 2
    assert "expected FROM=TO" in capsys.readouterr().err


def test_a_bad_map_is_exit_2(go_app: Path, tmp_path: Path) -> None:
    assert main(["dockerfile", str(go_app), "--base-image-map", str(tmp_path / "missing.yaml")]) == 2


def test_portfolio_hook_writes_scaffolds_and_why(tmp_path: Path) -> None:
    for name in ("flask-12factor", "dotnet-framework-legacy"):
        portfolio_hook(scan(SAMPLES / name), tmp_path)
    assert (tmp_path / "dockerfiles" / "flask-12factor" / "Dockerfile").read_text().count("\nFROM ") == 2
    assert (tmp_path / "dockerfiles" / "flask-12factor" / ".dockerignore").exists()
    legacy = tmp_path / "dockerfiles" / "dotnet-framework-legacy"
    assert not (legacy / "Dockerfile").exists()
    assert "runs only on Windows" in (legacy / "WHY.txt").read_text()
    assert "windowsservercore" in (legacy / "Dockerfile.windows").read_text()


def test_portfolio_hook_drops_files_of_an_earlier_run(tmp_path: Path) -> None:
    folder = tmp_path / "dockerfiles" / "flask-12factor"
    folder.mkdir(parents=True)
    (folder / "WHY.txt").write_text("stale\n")
    portfolio_hook(scan(SAMPLES / "flask-12factor"), tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == [".dockerignore", "Dockerfile"]


def test_a_portfolio_run_writes_dockerfiles_per_app(tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    for name in ("flask-12factor", "dotnet-framework-legacy"):
        shutil.copytree(SAMPLES / name, apps / name)
    out = tmp_path / "out"
    code = main(
        ["portfolio", str(apps), "-o", str(out), "--no-report", "--no-parquet", "-w", "1", "--no-progress"]
    )
    assert code == 0
    flask = out / "dockerfiles" / "flask-12factor"
    assert "USER 10001:10001" in (flask / "Dockerfile").read_text()
    assert (out / "dockerfiles" / "dotnet-framework-legacy" / "WHY.txt").exists()
