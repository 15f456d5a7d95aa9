"""Promise 7: no secrets leak.

A repository full of planted credentials (``secrets_repo.py``: passwords, AWS keys, tokens,
private keys, connection strings; in Python, Java, C#, JavaScript, Go, Ruby, PHP, properties,
YAML, JSON, XML, INI, .env, Dockerfile, compose and Kubernetes files, requirement and package
manifests, a Procfile) is scanned, decomposed, run as a portfolio, reported, shown in a notebook
and given a Dockerfile scaffold. Every output (CSV, JSON, SARIF, Parquet, the store, the HTML
report, the notebook display, the console and log output, the scaffold) is searched for every
planted value: none may appear. The lines holding them do reach the outputs, masked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assess import scan
from assess.model import Assessment
from assess.source import open_snapshot
from tests.safety.secrets_repo import SECRETS, leaks, make_secrets_repo
from tests.safety.support import cli, output_texts


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_secrets_repo(tmp_path_factory.mktemp("secrets") / "secrets-app")


@pytest.fixture(scope="module")
def assessment(repo: Path) -> Assessment:
    return scan(repo)


def test_the_planted_secrets_are_really_there_and_reach_the_outputs_masked(
    repo: Path, assessment: Assessment
) -> None:
    text = "".join(
        p.read_text(encoding="utf-8") for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts
    )
    assert [name for name, value in SECRETS.items() if value not in text] == []
    masked_files = {f.file for f in assessment.findings if "****" in f.snippet}
    assert len(masked_files) >= 15, sorted(masked_files)
    assert assessment.stack.start_command is not None and "****" in assessment.stack.start_command.value
    assert any(d.version and "****" in d.version for d in assessment.dependencies)


def test_no_output_of_the_command_line_holds_a_planted_secret(repo: Path, tmp_path: Path) -> None:
    outputs: dict[str, str] = {}
    table = cli(["scan", str(repo)])
    outputs["scan table (stdout, stderr)"] = table.stdout + table.stderr
    cli(["scan", str(repo), "--format", "json", "-o", str(tmp_path / "scan.json")])
    outputs["scan --format json"] = (tmp_path / "scan.json").read_text(encoding="utf-8")
    cli(["scan", str(repo), "--format", "csv", "-o", str(tmp_path / "scan.csv")])
    outputs["scan --format csv"] = (tmp_path / "scan.csv").read_text(encoding="utf-8") + (
        tmp_path / "scan-findings.csv"
    ).read_text(encoding="utf-8")
    findings = cli(["scan", str(repo), "--format", "csv"])
    outputs["scan --format csv (stdout)"] = findings.stdout + findings.stderr
    decomposed = cli(["decompose", str(repo), "--format", "json"])
    outputs["decompose"] = decomposed.stdout + decomposed.stderr
    out = tmp_path / "out"
    run = cli(["portfolio", str(repo), "-o", str(out), "-w", "1", "--summary", "--no-progress"])
    outputs["portfolio console and log"] = run.stdout + run.stderr
    report = cli(["report", str(out), "--html", str(tmp_path / "report.html")])
    outputs["report command"] = report.stdout + report.stderr + (tmp_path / "report.html").read_text("utf-8")
    for name, text in output_texts(out).items():
        outputs[f"portfolio output {name}"] = text
    assert {"assessments.csv", "findings.csv", "report.html", "store.sqlite"} <= set(output_texts(out))
    assert any(name.endswith(".sarif") for name in output_texts(out))
    assert any(name.endswith(".parquet") for name in output_texts(out))
    leaked = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert leaked == {}


def test_notebook_displays_and_the_dockerfile_scaffold_hold_no_planted_secret(
    repo: Path, assessment: Assessment
) -> None:
    from assess.dockerfile.inputs import read_app_files
    from assess.dockerfile.plan import plan_dockerfile
    from assess.dockerfile.render import render
    from assess.model import assessment_to_json
    from assess.report.html import assessment_html

    outputs = {
        "_repr_html_": assessment._repr_html_(),
        "assessment_html": assessment_html(assessment, limit=1000),
        "assessment json": assessment_to_json(assessment),
        "repr": repr(assessment),
    }
    scaffold = render(plan_dockerfile(assessment, read_app_files(open_snapshot(repo))))
    outputs["scaffold plan"] = repr(scaffold.plan)
    for name, text in scaffold.files.items():
        outputs[f"scaffold {name}"] = text
    leaked = {name: leaks(text) for name, text in outputs.items() if leaks(text)}
    assert leaked == {}
