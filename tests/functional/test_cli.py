"""The `assess` command line, run for real on apps made in the test and on the samples."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.cli import main
from assess.model import assessment_from_json

LEAKY_APP = {
    "app.py": (
        "import os\n"
        "# open('/var/log/old.log', 'w')  -- commented out, must not count\n"
        "def save(report):\n"
        "    with open('/var/data/report.txt', 'w') as fh:\n"
        "        fh.write(report)\n"
        "URL = 'http://localhost:9200/search'\n"
    ),
    "config/app.properties": "db.password=hunter22\n",
    "requirements.txt": "flask==3.0.0\n",
}


def test_scan_prints_a_summary_table(
    make_app: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_app(LEAKY_APP, name="leaky")
    assert main(["scan", str(root)]) == 0
    out = capsys.readouterr().out
    assert "leaky" in out
    assert "containerization" in out
    assert "app.py:4" in out
    assert "python-local-file-write" in out
    assert "hunter22" not in out


def test_scan_json_round_trips(make_app: Callable[..., Path], tmp_path: Path) -> None:
    root = make_app(LEAKY_APP)
    target = tmp_path / "out.json"
    assert main(["scan", str(root), "--format", "json", "-o", str(target)]) == 0
    text = target.read_text()
    assessment = assessment_from_json(text)
    assert json.loads(text) == json.loads(json.dumps(json.loads(text)))
    assert {(f.rule_id, f.line) for f in assessment.findings if f.file == "app.py"} >= {
        ("python-local-file-write", 4),
        ("hardcoded-localhost-url", 6),
    }
    assert "hunter22" not in text


def test_scan_csv_writes_the_row_and_the_findings(make_app: Callable[..., Path], tmp_path: Path) -> None:
    root = make_app(LEAKY_APP, name="leaky")
    target = tmp_path / "leaky.csv"
    assert main(["scan", str(root), "--format", "csv", "-o", str(target)]) == 0
    (row,) = list(csv.DictReader(target.open()))
    assert row["app"] == "leaky" and row["status"] == "ok" and row["primary_language"] == "python"
    findings = list(csv.DictReader((tmp_path / "leaky-findings.csv").open()))
    assert {"python-local-file-write", "hardcoded-credentials"} <= {f["rule_id"] for f in findings}
    assert all("hunter22" not in f["snippet"] for f in findings)


def test_fail_under_gates_ci(make_app: Callable[..., Path]) -> None:
    root = make_app(LEAKY_APP)
    assert main(["scan", str(root), "--fail-under", "99"]) == 1
    assert main(["scan", str(root), "--fail-under", "1"]) == 0


def test_missing_target_is_a_clear_error_without_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assess.cli", "scan", str(tmp_path / "nope")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_portfolio_writes_rows_for_every_app_and_survives_bad_ones(
    make_app: Callable[..., Path], tmp_path: Path
) -> None:
    portfolio = tmp_path / "portfolio"
    make_app(LEAKY_APP, name="portfolio/leaky")
    make_app(
        {"main.go": 'package main\nimport "os"\nfunc main() { os.Getenv("PORT") }\n'}, name="portfolio/gosvc"
    )
    make_app({"README.md": "just docs"}, name="portfolio/docs-only")
    (portfolio / "broken-link").symlink_to(tmp_path / "missing")
    make_app(
        {"pom.xml": "<project><dependencies><dependency>", "src/A.java": "class A {}"},
        name="portfolio/badpom",
    )
    out = tmp_path / "out"
    assert main(["portfolio", str(portfolio), "-o", str(out)]) == 0
    rows = {r["app"]: r for r in csv.DictReader((out / "assessments.csv").open())}
    assert set(rows) == {"leaky", "gosvc", "docs-only", "badpom"}
    assert all(r["status"] == "ok" for r in rows.values())
    assert rows["gosvc"]["primary_language"] == "go"
    assert rows["docs-only"]["primary_language"] == "" and rows["docs-only"]["code_lines"] == "0"
    assert "pom.xml" in rows["badpom"]["error"]
    findings = list(csv.DictReader((out / "findings.csv").open()))
    assert {f["app"] for f in findings} >= {"leaky", "gosvc"}
    assert (out / "json" / "leaky.json").is_file()


def test_rules_validate_and_test_pass_on_the_bundled_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "validate"]) == 0
    assert "rules and the rubric are valid" in capsys.readouterr().out


def test_rules_validate_reports_a_broken_user_rubric(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("extends: default\nseverity_weights: {blocker: oops}\n")
    assert main(["rules", "validate", "--rubric", str(bad)]) == 1
    assert "severity_weights.blocker" in capsys.readouterr().err
