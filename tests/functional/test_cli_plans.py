"""Effort, migration path and the container audit through the command line and the exports."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.cli import main
from assess.portfolio.exports import ASSESSMENT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
DOCKERISED = {
    "app.py": "import os\nPORT = os.getenv('PORT', '8000')\n",
    "requirements.txt": "flask==3.0.3\n",
    "Dockerfile": 'FROM python:3.12.3-slim\nENV SECRET_KEY=abc123def456\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
}


def test_scan_prints_the_plan_and_the_container_findings(
    make_app: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_app(DOCKERISED, name="dockerised")
    assert main(["scan", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Migration path" in out and "decision rule" in out
    assert "story points" in out and "person-days" in out
    assert "container-secret-in-image" in out
    assert "abc123def456" not in out


def test_csv_row_has_effort_and_migration_columns(make_app: Callable[..., Path], tmp_path: Path) -> None:
    root = make_app(DOCKERISED, name="dockerised")
    target = tmp_path / "row.csv"
    assert main(["scan", str(root), "--format", "csv", "-o", str(target)]) == 0
    with target.open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    for column in (
        "effort_points",
        "effort_days_low",
        "effort_days_high",
        "migration_path",
        "migration_reasons",
    ):
        assert column in ASSESSMENT_COLUMNS and row[column]
    assert row["migration_path"] in {"rehost", "replatform", "refactor", "retain", "retire"}
    assert float(row["effort_days_low"]) <= float(row["effort_days_high"])
    with (tmp_path / "row-findings.csv").open(newline="", encoding="utf-8") as handle:
        rules = {r["rule_id"] for r in csv.DictReader(handle)}
    assert {"container-secret-in-image", "container-runs-as-root"} <= rules


def test_readme_documents_every_assessment_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for column in (
        "effort_points",
        "effort_days_low",
        "effort_days_high",
        "migration_path",
        "migration_reasons",
    ):
        assert f"`{column}`" in readme


def test_rules_validate_lists_every_error_of_a_user_rubric_with_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "extends: default\n"
        "severity_weights: {mandatory: lots}\n"
        "dimensions:\n  containerization:\n    bands: [{name: ok, min: 50}, {name: bad, min: 0}]\n"
        "    gates: []\n"
        "migration:\n  rules:\n    - {id: rehost-ready, path: lift-and-shift}\n",
        encoding="utf-8",
    )
    assert main(["rules", "validate", "--rubric", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: severity_weights.mandatory" in err
    assert f"{bad}:9: migration.rules" in err and "lift-and-shift" not in err.split("Input should")[0][-5:]
    assert "'ready' is not a containerization band" in err
    assert "'moderate work' is not a containerization band" in err


def test_rules_validate_accepts_a_good_override_and_warns_about_unknown_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "extends: default\nrule_caps: {java-local-file-write: 10, jav-local-file-write: 3}\n"
        "rule_weights: {shared-database-schema: 2, malformed-manifest: 0.5, eol-runtime: 2}\n"
        "effort:\n  rule_effort: {container-runs-as-root: 3, cross-domain-transaction: 5}\n",
        encoding="utf-8",
    )
    assert main(["rules", "validate", "--rubric", str(good)]) == 0
    captured = capsys.readouterr()
    assert "container checks" in captured.out
    assert "rule_caps.jav-local-file-write: no rule or check has this id" in captured.err
    assert "java-local-file-write:" not in captured.err
    for analyzer_id in (
        "shared-database-schema",
        "malformed-manifest",
        "eol-runtime",
        "cross-domain-transaction",
    ):
        assert analyzer_id not in captured.err


def test_rules_test_runs_the_container_check_fixtures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", "container-add-from-url", "container-k8s-host-path"]) == 0
    assert "2 passed, 0 failed" in capsys.readouterr().out
