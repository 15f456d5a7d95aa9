"""`assess portfolio` for real: git repositories and URLs, archives, manifests, parallel runs,
incremental re-runs, per-app limits, and every output (CSV, Parquet, JSON, SARIF, summary)."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assess.cli import main
from assess.model import Assessment, assessment_from_json
from assess.portfolio.assessor import AppLimits, WorkerSettings
from assess.portfolio.exports import ASSESSMENT_COLUMNS
from assess.portfolio.inputs import input_items
from assess.portfolio.outputs import file_name
from assess.portfolio.runner import PortfolioResult, RunOptions, run_portfolio
from tests.conftest import git, write_tree
from tests.functional.portfolio_support import (
    GO_APP,
    JAVA_APP,
    JS_APP,
    PY_APP,
    assert_same_outputs,
    commit_file,
    make_portfolio,
    make_repo,
    make_tar,
    make_zip,
    parquet_rows,
    python_app,
    read_rows,
    rows_by_app,
    sarif_problems,
    worker_baseline_mb,
)

METADATA = ("business_unit", "owner", "criticality")


def _run(inputs: list[str], out: Path, **options: Any) -> PortfolioResult:
    return run_portfolio(input_items(inputs), out, options=RunOptions(**options))


@pytest.fixture
def manifest_portfolio(tmp_path: Path) -> Path:
    """A manifest mixing a local folder, a local git repository, a git URL with a ref and a
    subfolder, a tar.gz and a zip archive, and a missing source; with business metadata."""
    write_tree(tmp_path / "src" / "billing", PY_APP)
    make_repo(tmp_path / "src" / "inventory", GO_APP)
    origin = make_repo(tmp_path / "origin", {"services/orders/" + k: v for k, v in JAVA_APP.items()})
    git(origin, "branch", "release-1")
    commit_file(origin, "services/orders/NOTES.md", "after the release branch")
    make_tar(tmp_path / "src" / "legacy.tar.gz", JS_APP, prefix="legacy-1.0/")
    make_zip(tmp_path / "src" / "web.zip", PY_APP)
    manifest = tmp_path / "portfolio.csv"
    manifest.write_text(
        "id,source,ref,subfolder,business_unit,owner,criticality\n"
        "billing,src/billing,,,Finance,ana@example.com,high\n"
        "inventory,src/inventory,,,Supply,bo@example.com,medium\n"
        f"orders,file://{origin},release-1,services/orders,Retail,cy@example.com,high\n"
        "legacy,src/legacy.tar.gz,,,Retail,di@example.com,low\n"
        "web,src/web.zip,,,Digital,ed@example.com,=cmd|calc\n"
        "ghost,src/ghost,,,Finance,fa@example.com,low\n",
        encoding="utf-8",
    )
    return manifest


def test_manifest_metadata_reaches_every_output(manifest_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["portfolio", "--manifest", str(manifest_portfolio), "-o", str(out), "-w", "2"]) == 0
    rows = rows_by_app(out)
    assert set(rows) == {"billing", "inventory", "orders", "legacy", "web", "ghost"}
    assert {app for app, row in rows.items() if row["status"] == "ok"} == set(rows) - {"ghost"}
    assert "no such file or folder" in rows["ghost"]["error"]
    expected = {
        "billing": ("Finance", "ana@example.com", "high"),
        "ghost": ("Finance", "fa@example.com", "low"),
        "web": ("Digital", "ed@example.com", "'=cmd|calc"),  # a formula is neutralised in CSV
    }
    for app, values in expected.items():
        assert tuple(rows[app][k] for k in METADATA) == values
    header = list(read_rows(out / "assessments.csv")[0])
    assert header == [*ASSESSMENT_COLUMNS, *METADATA]

    findings = read_rows(out / "findings.csv")
    assert {f["app"] for f in findings} >= {"billing", "orders", "legacy", "web"}
    assert all(f["business_unit"] for f in findings)
    assert {f["business_unit"] for f in findings if f["app"] == "orders"} == {"Retail"}

    table = {r["app"]: r for r in parquet_rows(out / "assessments.parquet")}
    assert table["billing"]["owner"] == "ana@example.com" and table["ghost"]["status"] == "error"
    assert isinstance(table["billing"]["code_lines"], int) and table["ghost"]["code_lines"] is None
    assert table["web"]["criticality"] == "=cmd|calc"  # Parquet keeps the value as it is
    finding_table = parquet_rows(out / "findings.parquet")
    assert {r["criticality"] for r in finding_table if r["app"] == "billing"} == {"high"}

    billing = assessment_from_json((out / "json" / "billing.json").read_text())
    assert dict(billing.metadata)["business_unit"] == "Finance"
    assert not (out / "json" / "ghost.json").exists()
    for app in rows:
        log = json.loads((out / "sarif" / f"{file_name(app)}.sarif").read_text())
        assert log["runs"][0]["properties"]["metadata"]["owner"] == rows[app]["owner"]

    # sources of every kind, with their versions
    origin = tmp_path / "origin"
    release = git(origin, "rev-parse", "release-1").strip()
    assert rows["orders"]["commit"] == release
    assert rows["orders"]["source"] == f"file://{origin}#release-1//services/orders"
    assert rows["orders"]["primary_language"] == "java"
    assert rows["orders"]["files"] == "2"  # the subfolder at release-1: pom.xml and Store.java, no NOTES.md
    inventory_head = git(tmp_path / "src" / "inventory", "rev-parse", "HEAD").strip()
    assert rows["inventory"]["commit"] == inventory_head
    assert rows["legacy"]["primary_language"] == "javascript" and rows["legacy"]["commit"] == ""
    assert rows["web"]["primary_language"] == "python"


def test_sarif_logs_are_valid_and_point_at_findings(manifest_portfolio: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["portfolio", "-m", str(manifest_portfolio), "-o", str(out), "--no-parquet"]) == 0
    for path in sorted((out / "sarif").glob("*.sarif")):
        log = json.loads(path.read_text())
        assert sarif_problems(log) == [], path.name
    broken = json.loads((out / "sarif" / "billing.sarif").read_text())
    result = broken["runs"][0]["results"][0]
    del result["message"]
    result["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    broken["runs"][0]["tool"]["driver"]["rule"] = []
    problems = " | ".join(sarif_problems(broken))
    assert "'message' is a required property" in problems
    assert "less than the minimum of 1" in problems and "'rule' was unexpected" in problems
    billing = json.loads((out / "sarif" / "billing.sarif").read_text())["runs"][0]
    results = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in billing["results"]
    }
    assert ("python-local-file-write", 5) in results
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in billing["results"]}
    assert "app.py" in uris
    assert billing["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")
    assert billing["invocations"][0]["executionSuccessful"] is True
    assert not any("hunter22" in json.dumps(r) for r in billing["results"])
    ghost = json.loads((out / "sarif" / "ghost.sarif").read_text())["runs"][0]
    assert ghost["invocations"][0]["executionSuccessful"] is False
    assert (
        "no such file or folder"
        in ghost["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    )
    orders = json.loads((out / "sarif" / "orders.sarif").read_text())["runs"][0]
    assert orders["versionControlProvenance"][0]["revisionId"] == rows_by_app(out)["orders"]["commit"]


def test_parallel_runs_equal_sequential_runs(tmp_path: Path) -> None:
    apps = {
        name: dict(files)
        for name, files in {"py": PY_APP, "go": GO_APP, "js": JS_APP, "java": JAVA_APP}.items()
    }
    apps.update({f"gen{i}": python_app(4 + i, seed=i) for i in range(6)})
    portfolio = make_portfolio(tmp_path / "portfolio", apps)
    sequential, parallel = tmp_path / "one", tmp_path / "two"
    first = _run([str(portfolio)], sequential, workers=1)
    second = _run([str(portfolio)], parallel, workers=2)
    assert first.assessed == second.assessed == len(apps)
    assert_same_outputs(sequential, parallel)


def test_rerun_skips_unchanged_apps_and_reassesses_changed_ones(tmp_path: Path) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"py": PY_APP, "js": JS_APP})
    repo = make_repo(portfolio / "go", GO_APP)
    origin = make_repo(tmp_path / "origin", JAVA_APP)
    manifest = tmp_path / "remote.csv"
    manifest.write_text(f"id,source,team\nremote,file://{origin},core\n", encoding="utf-8")
    inputs = [str(portfolio), str(manifest)]
    out = tmp_path / "out"

    first = _run(inputs, out, workers=2)
    assert (first.total, first.assessed, first.unchanged) == (4, 4, 0)
    before = (out / "assessments.csv").read_bytes()

    again = _run(inputs, out, workers=2)
    assert (again.assessed, again.unchanged) == (0, 4)
    assert (out / "assessments.csv").read_bytes() == before

    (portfolio / "py" / "app.py").write_text("import os\nprint(os.environ['PORT'])\n")
    head = commit_file(repo, "extra.go", "package main\n")
    remote_head = commit_file(origin, "README.md", "now with docs\n")
    changed = _run(inputs, out, workers=2)
    assert (changed.assessed, changed.unchanged) == (3, 1)
    rows = rows_by_app(out)
    assert rows["go"]["commit"] == head and rows["remote"]["commit"] == remote_head
    assert "python-local-file-write" not in rows["py"]["top_blockers"]

    forced = _run(inputs, out, workers=2, force=True)
    assert (forced.assessed, forced.unchanged) == (4, 0)


def test_changed_metadata_or_rubric_settings_reassess(tmp_path: Path) -> None:
    write_tree(tmp_path / "apps" / "a", PY_APP)
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,source,criticality\na,apps/a,low\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run([str(manifest)], out).assessed == 1
    assert _run([str(manifest)], out).unchanged == 1
    manifest.write_text("id,source,criticality\na,apps/a,high\n", encoding="utf-8")
    assert _run([str(manifest)], out).assessed == 1
    assert rows_by_app(out)["a"]["criticality"] == "high"


def test_apps_that_fail_or_time_out_become_error_rows(tmp_path: Path) -> None:
    slow = "".join(
        f"def f{i}(x):\n    open('/var/data/f{i}.txt', 'w').write(str(x) + 'http://localhost:{i}')\n"
        for i in range(9000)
    )
    slow_files = {"app.py": slow, "more.py": slow}  # each file under the size limit, so both are read
    portfolio = make_portfolio(tmp_path / "portfolio", {"slow": slow_files, "fine": GO_APP})
    (portfolio / "broken.zip").write_bytes(b"PK not a zip")
    out = tmp_path / "out"
    # "slow" takes seconds to scan and "fine" a few milliseconds: the limit sits far from both,
    # so a loaded machine neither lets "slow" finish nor times "fine" out
    settings = WorkerSettings(limits=AppLimits(timeout=1.5))
    started = time.monotonic()
    result = run_portfolio(
        input_items([str(portfolio)]), out, settings=settings, options=RunOptions(workers=2)
    )
    assert time.monotonic() - started < 30
    rows = rows_by_app(out)
    assert rows["slow"]["status"] == "error" and rows["slow"]["error"] == "timed out after 1.5 s"
    assert rows["broken"]["status"] == "error" and "cannot read archive" in rows["broken"]["error"]
    assert rows["fine"]["status"] == "ok"
    assert result.failed == 2
    # the timeout is remembered, and retried once the limit is raised
    again = run_portfolio(
        input_items([str(portfolio)]), out, settings=settings, options=RunOptions(workers=2)
    )
    assert again.unchanged == 3
    raised = WorkerSettings(limits=AppLimits(timeout=120))
    third = run_portfolio(input_items([str(portfolio)]), out, settings=raised, options=RunOptions(workers=2))
    assert (third.assessed, third.unchanged) == (1, 2)
    assert rows_by_app(out)["slow"]["status"] == "ok"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")
def test_an_app_over_the_memory_limit_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    big = "".join(f"def f{i}(x):\n    open('/var/data/f{i}.txt', 'w').write(str(x))\n" for i in range(60000))
    portfolio = make_portfolio(
        tmp_path / "portfolio", {"huge": {"app.py": big}, "small": GO_APP, "tiny": JS_APP}
    )
    limit = worker_baseline_mb() + 80
    out = tmp_path / "out"
    assert (
        main(
            [
                "portfolio",
                str(portfolio),
                "-o",
                str(out),
                "-w",
                "1",
                "--max-memory-mb",
                str(limit),
                "--max-file-bytes",
                str(10 * 1024 * 1024),
                "--no-parquet",
            ]
        )
        == 0
    )
    rows = rows_by_app(out)
    assert rows["huge"]["status"] == "error" and "memory limit" in rows["huge"]["error"]
    assert rows["small"]["status"] == rows["tiny"]["status"] == "ok"


def test_cli_summary_and_outputs(
    manifest_portfolio: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["portfolio", "-m", str(manifest_portfolio), "-o", str(out), "--summary"]) == 0
    printed = capsys.readouterr()
    assert "6 apps: 5 assessed, 0 unchanged, 1 failed" in printed.err
    assert "Containerization (apps per band)" in printed.out
    assert "Migration path" in printed.out and "Most common blockers" in printed.out
    assert "no such file or folder" in printed.out  # the failure reasons
    assert main(["portfolio", "-o", str(out), "--summary"]) == 0
    assert "Containerization (apps per band)" in capsys.readouterr().out
    assert main(["portfolio", "-o", str(tmp_path / "empty"), "--summary"]) == 2


def test_duplicate_app_ids_are_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_portfolio(tmp_path / "a", {"api": PY_APP})
    make_portfolio(tmp_path / "b", {"api": GO_APP})
    assert main(["portfolio", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "out")]) == 2
    assert "app id 'api' is used twice" in capsys.readouterr().err


def test_apps_removed_from_the_portfolio_leave_the_outputs(tmp_path: Path) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"keep": PY_APP, "drop": GO_APP})
    out = tmp_path / "out"
    _run([str(portfolio)], out)
    assert (out / "json" / "drop.json").exists()
    for path in (portfolio / "drop").rglob("*"):
        path.unlink()
    (portfolio / "drop").rmdir()
    _run([str(portfolio)], out)
    assert set(rows_by_app(out)) == {"keep"}
    assert sorted(p.name for p in (out / "json").iterdir()) == ["keep.json"]
    assert sorted(p.name for p in (out / "sarif").iterdir()) == ["keep.sarif"]


def test_output_hooks_get_every_assessed_app(tmp_path: Path) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"py": PY_APP, "go": GO_APP})
    (portfolio / "missing.zip").write_bytes(b"")
    seen: list[str] = []

    def hook(assessment: Assessment, out: Path) -> None:
        seen.append(assessment.app)
        (out / "hooked").mkdir(exist_ok=True)
        if assessment.app == "go":
            raise RuntimeError("boom")

    result = run_portfolio(input_items([str(portfolio)]), tmp_path / "out", hooks=[hook])
    assert sorted(seen) == ["go", "py"]
    assert result.export.hook_errors == ["go: hook: RuntimeError: boom"]


def _run_cli(args: list[str], *, tty: bool) -> str:
    command = [sys.executable, "-m", "assess.cli", "portfolio", *args]
    if not tty:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "150", "TERM": "xterm-256color"}
    proc = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary, env=env)
    os.close(secondary)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.5)
        if ready:
            try:
                data = os.read(primary, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    assert proc.wait(timeout=30) == 0
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_plain_lines_otherwise(tmp_path: Path) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"py": PY_APP, "go": GO_APP})
    plain = _run_cli([str(portfolio), "-o", str(tmp_path / "plain")], tty=False)
    assert "[1/2] " in plain and "[2/2] " in plain and "\x1b[" not in plain
    bar = _run_cli([str(portfolio), "-o", str(tmp_path / "bar"), "--force"], tty=True)
    assert "apps/min" in bar and "2/2" in bar and "failed" in bar and "left" in bar
    assert "\x1b[" in bar and "[1/2] " not in bar


def test_candidate_services_and_metadata_reach_the_rows(tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parents[2] / "sample_repos"
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "id,source,criticality,business_value\n"
        f"keep,{samples / 'spring-monolith'},high,high\n"
        f"sunset,{samples / 'spring-monolith'},low,low\n"
        f"django,{samples / 'django-monolith'},medium,medium\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["portfolio", "-m", str(manifest), "-o", str(out), "--no-report", "-w", "2"]) == 0
    rows = rows_by_app(out)
    for app, row in rows.items():
        assessment = assessment_from_json((out / "json" / f"{app}.json").read_text())
        assert assessment.decomposition is not None
        names = [service.name for service in assessment.decomposition.services]
        assert row["candidate_services"] == str(len(names)), app
        assert row["service_names"] == ";".join(names), app
    assert int(rows["keep"]["candidate_services"]) >= 2
    # the same code with other business metadata takes another migration path
    assert rows["sunset"]["migration_path"] == "retire"
    assert rows["keep"]["migration_path"] != "retire"
    assert "business value low" in rows["sunset"]["migration_reasons"].lower()
    table = {r["app"]: r for r in parquet_rows(out / "assessments.parquet")}
    assert table["keep"]["candidate_services"] == int(rows["keep"]["candidate_services"])


def test_apps_over_the_file_or_size_limit_become_error_rows(tmp_path: Path) -> None:
    many = {f"src/mod{i}.py": f"VALUE_{i} = {i}\n" for i in range(30)}
    big = {"requirements.txt": "flask\n", **{f"data/table{i}.csv": "id,name\n" * 50_000 for i in range(3)}}
    portfolio = make_portfolio(tmp_path / "portfolio", {"many": many, "big": big, "fine": GO_APP})
    out = tmp_path / "out"
    limits = ["--max-files", "20", "--max-app-mb", "1"]
    args = ["portfolio", str(portfolio), "-o", str(out), "--no-report", "--no-parquet"]
    assert main([*args, *limits]) == 0
    rows = rows_by_app(out)
    assert rows["many"]["status"] == "error"
    assert rows["many"]["error"] == "too large: 30 files to read, over the limit of 20 (--max-files)"
    assert rows["big"]["status"] == "error"
    assert rows["big"]["error"].startswith("too large: 1.1 MiB of files to read")
    assert rows["big"]["error"].endswith("over the limit of 1 MiB (--max-app-mb)")
    assert rows["fine"]["status"] == "ok"
    sarif = json.loads((out / "sarif" / "many.sarif").read_text())
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
    # the same limits keep the stored errors; a raised limit re-assesses the apps it stopped only
    assert main([*args, *limits]) == 0
    assert main([*args, "--max-files", "40", "--max-app-mb", "1"]) == 0
    assert {app: row["status"] for app, row in rows_by_app(out).items()} == {
        "many": "ok",
        "big": "error",
        "fine": "ok",
    }
    again = run_portfolio(input_items([str(portfolio)]), out, options=RunOptions(parquet=False))
    assert (again.assessed, again.unchanged) == (1, 2)
    assert rows_by_app(out)["big"]["status"] == "ok"


def _mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith(("store.sqlite", "."))
    }


def test_an_unchanged_rerun_leaves_the_outputs_and_report_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    portfolio = make_portfolio(tmp_path / "portfolio", {"py": PY_APP, "go": GO_APP})
    out = tmp_path / "out"
    args = ["portfolio", str(portfolio), "-o", str(out), "-w", "2"]
    assert main(args) == 0
    assert (out / "report.html").is_file()
    written = _mtimes(out)
    capsys.readouterr()

    assert main(args) == 0
    printed = capsys.readouterr().err
    assert "2 apps: 0 assessed, 2 unchanged" in printed and "(outputs unchanged)" in printed
    assert "report unchanged" in printed
    assert _mtimes(out) == written

    # a damaged table is written again, and so is the report
    original = (out / "findings.csv").read_bytes()
    (out / "findings.csv").write_text("damaged\n")
    assert main(args) == 0
    assert "(outputs unchanged)" not in capsys.readouterr().err
    assert (out / "findings.csv").read_bytes() == original
    assert (out / "report.html").stat().st_mtime_ns != written["report.html"]

    # a run that stops before its export leaves nothing that claims the outputs are current
    written = _mtimes(out)
    assert main(["portfolio", str(portfolio), str(portfolio), "-o", str(out)]) == 2  # duplicate ids
    assert main(args) == 0
    assert "(outputs unchanged)" not in capsys.readouterr().err
    assert _mtimes(out)["assessments.csv"] != written["assessments.csv"]

    # a changed app rewrites the outputs
    written = _mtimes(out)
    (portfolio / "py" / "app.py").write_text("import os\nprint(os.environ['PORT'])\n")
    assert main(args) == 0
    assert "1 assessed, 1 unchanged" in capsys.readouterr().err
    assert _mtimes(out)["json/py.json"] != written["json/py.json"]


def test_a_local_repository_with_a_ref_is_read_at_that_ref(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", GO_APP)
    tagged = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "tag", "v1")
    head = commit_file(repo, "extra.go", "package main\n")
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,source,ref\nold,repo,v1\nnew,repo,\n", encoding="utf-8")
    out = tmp_path / "out"
    _run([str(manifest)], out)
    rows = rows_by_app(out)
    assert (rows["old"]["commit"], rows["old"]["files"]) == (tagged, "2")
    assert (rows["new"]["commit"], rows["new"]["files"]) == (head, "3")


def test_tables_shared_by_several_apps_are_reported_for_each_of_them(tmp_path: Path) -> None:
    schema = (
        "CREATE TABLE billing.invoices (id INT PRIMARY KEY, customer_id INT);\n"
        "CREATE TABLE billing.payments (id INT PRIMARY KEY, invoice_id INT REFERENCES billing.invoices(id));\n"
    )
    query = (
        'ROWS = "SELECT i.id, p.id FROM billing.invoices i JOIN billing.payments p ON p.invoice_id = i.id"\n'
    )
    root = make_portfolio(
        tmp_path / "apps",
        {
            "ledger": {"db/schema.sql": schema, "ledger.py": "import os\n"},
            "dunning": {"dunning/report.py": query},
            "catalog": {
                "db/schema.sql": "CREATE TABLE products (id INT PRIMARY KEY);\n",
                "app.py": "x = 1\n",
            },
        },
    )
    out = tmp_path / "out"
    _run([str(root)], out)
    shared = [r for r in read_rows(out / "findings.csv") if r["rule_id"] == "shared-database-schema"]
    by_app = {(r["app"], r["file"]) for r in shared}
    assert by_app == {("ledger", "db/schema.sql"), ("dunning", "dunning/report.py")}
    assert any("also used by dunning" in r["snippet"] for r in shared if r["app"] == "ledger")
    assert rows_by_app(out)["catalog"]["status"] == "ok"
