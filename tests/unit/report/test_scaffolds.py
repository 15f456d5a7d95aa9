"""Container files on app pages: written ones shown as they are, else generated, else "no scaffold"."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape

from assess.model import Assessment
from assess.pipeline import scan
from assess.report.frames import Portfolio
from assess.report.html import app_sections, render_report
from assess.report.scaffolds import FROM_FOLDER, GENERATED, GENERATED_BLIND, generate, scaffold_for
from tests.conftest import write_tree

SAMPLES = Path(__file__).resolve().parents[3] / "sample_repos"


@pytest.fixture(scope="module")
def flask() -> Assessment:
    return scan(SAMPLES / "flask-12factor")


def test_files_written_by_the_portfolio_run_are_shown_as_they_are(flask: Assessment) -> None:
    written = {flask.app: {".dockerignore": ".git\n", "Dockerfile": "FROM python:3.12-slim\n"}}
    scaffold = scaffold_for(flask, written)
    assert scaffold.note == FROM_FOLDER
    assert list(scaffold.files) == ["Dockerfile", ".dockerignore"]
    assert scaffold.files["Dockerfile"] == "FROM python:3.12-slim\n"


def test_without_written_files_the_generator_is_asked(flask: Assessment) -> None:
    scaffold = scaffold_for(flask, {})
    assert scaffold.note == GENERATED
    dockerfile = scaffold.files["Dockerfile"]
    assert next(iter(scaffold.files)) == "Dockerfile"
    assert dockerfile.lstrip().startswith(("#", "ARG", "FROM"))
    assert "\nFROM " in "\n" + dockerfile
    assert flask.stack.port is not None
    assert f"EXPOSE {flask.stack.port.value}" in dockerfile


def test_an_app_whose_folder_is_gone_gets_a_scaffold_from_the_assessment_alone(
    flask: Assessment, tmp_path: Path
) -> None:
    moved = replace(flask, source=str(tmp_path / "gone"))
    scaffold = generate(moved)
    assert scaffold.note == GENERATED_BLIND
    assert "Dockerfile" in scaffold.files


def test_no_runtime_means_no_scaffold_and_says_why(tmp_path: Path) -> None:
    app = write_tree(tmp_path / "docs-only", {"README.md": "# nothing to run\n"})
    assessment = scan(app)
    scaffold = generate(assessment)
    assert scaffold.files == {}
    assert scaffold.note.startswith("no scaffold: ")
    page = app_sections(Portfolio((assessment,)), assessment.app)["dockerfile"]
    assert "no scaffold: " in page and "<pre" not in page


def test_without_the_generator_reports_still_render(
    flask: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The generator is an optional part for reports: simulate an install without it.
    for name in [m for m in sys.modules if m.startswith("assess.dockerfile")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "assess.dockerfile", None)
    scaffold = generate(flask)
    assert scaffold.files == {}
    assert scaffold.note.startswith("no scaffold: the Dockerfile generator is not available")
    document = render_report(flask)
    assert "no scaffold: the Dockerfile generator is not available" in document


def test_the_report_page_of_an_app_shows_its_dockerfile(flask: Assessment) -> None:
    document = render_report(flask)
    expected = generate(flask).files["Dockerfile"]
    first_line = next(line for line in expected.splitlines() if line.startswith("FROM "))
    assert str(escape(first_line)) in document
