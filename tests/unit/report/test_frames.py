"""Tidy frames of assessments: one row per thing, values equal to the model's."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from assess import report
from assess.model import Dimension, Severity
from assess.pipeline import scan
from assess.report.frames import (
    APP_COLUMNS,
    CANDIDATE_COLUMNS,
    NO_BUSINESS_UNIT,
    Portfolio,
    apps_frame,
    as_portfolio,
    candidates_frame,
    contributions_frame,
    data_access_frame,
    dependencies_frame,
    findings_frame,
    load_portfolio,
)

from .conftest import SAMPLES


def test_loading_a_portfolio_folder_gives_every_sample_app(portfolio_dir: Path, portfolio: Portfolio) -> None:
    samples = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
    assert sorted(portfolio.apps) == samples
    assert portfolio.failures == ()
    assert portfolio.root == portfolio_dir


def test_apps_frame_has_one_row_per_app_with_the_model_values(portfolio: Portfolio) -> None:
    apps = apps_frame(portfolio)
    assert list(apps.columns[: len(APP_COLUMNS)]) == list(APP_COLUMNS)
    assert len(apps) == len(portfolio.assessments)
    for assessment in portfolio.assessments:
        row = apps.set_index("app").loc[assessment.app]
        cont = assessment.score(Dimension.CONTAINERIZATION)
        deco = assessment.score(Dimension.DECOMPOSITION)
        assert cont is not None and deco is not None
        assert row["containerization_score"] == cont.score
        assert row["containerization_band"] == cont.band
        assert row["decomposition_score"] == deco.score
        assert row["code_lines"] == assessment.code_lines
        assert row["findings"] == len(assessment.findings)
        assert row["blockers"] == sum(f.severity is Severity.BLOCKER for f in assessment.findings)
        assert row["primary_language"] == (assessment.stack.primary_language or "")
        assert row["status"] == "ok"
        assert row["business_unit"] == NO_BUSINESS_UNIT
        if assessment.migration is not None:
            assert row["migration_path"] == assessment.migration.path
        if assessment.effort is not None:
            assert row["effort_days_high"] == assessment.effort.days_high


def test_top_blockers_are_the_costliest_rules_of_the_app(portfolio: Portfolio) -> None:
    apps = apps_frame(portfolio).set_index("app")
    for assessment in portfolio.assessments:
        score = assessment.score(Dimension.CONTAINERIZATION)
        assert score is not None
        rules = {f.rule_id for f in assessment.findings}
        costs = sorted(
            (c.points, c.source) for c in score.contributions if c.points < 0 and c.source in rules
        )
        expected = [source for _, source in costs[:3]]
        listed = [r for r in apps.loc[assessment.app, "top_blockers"].split(";") if r]
        assert listed == expected


def test_portfolio_csv_columns_and_metadata_join_the_apps_frame(portfolio_dir: Path) -> None:
    apps = apps_frame(portfolio_dir)
    # columns only the portfolio export writes come along, typed
    assert "tool_version" in apps.columns
    assert apps["skipped_files"].dtype.kind in "iuf"


def test_business_unit_comes_from_metadata(make_app: Callable[..., Path]) -> None:
    root = make_app({"app.py": "print('hi')\n"}, name="billing")
    assessment = scan(root, metadata=[("Business Unit", "Retail"), ("owner", "=cmd|' /C calc'!A0")])
    apps = apps_frame(assessment)
    assert apps.loc[0, "business_unit"] == "Retail"
    assert apps.loc[0, "owner"] == "=cmd|' /C calc'!A0"


def test_findings_frame_has_every_finding_with_location(portfolio: Portfolio) -> None:
    findings = findings_frame(portfolio)
    assert len(findings) == sum(len(a.findings) for a in portfolio.assessments)
    for assessment in portfolio.assessments:
        rows = findings[findings["app"] == assessment.app]
        expected = sorted((f.rule_id, f.file, f.line) for f in assessment.findings)
        assert sorted(zip(rows["rule_id"], rows["file"], rows["line"], strict=True)) == expected
        # most severe first
        order = [list(Severity).index(Severity(s)) for s in rows["severity"]]
        assert order == sorted(order)
    with_line = findings[findings["line"] > 0].iloc[0]
    assert with_line["location"] == f"{with_line['file']}:{with_line['line']}"


def test_contributions_explain_every_score(portfolio: Portfolio) -> None:
    contributions = contributions_frame(portfolio)
    for assessment in portfolio.assessments:
        for score in assessment.scores:
            rows = contributions[
                (contributions["app"] == assessment.app)
                & (contributions["dimension"] == score.dimension.value)
            ]
            assert len(rows) == len(score.contributions)
            assert math.isclose(
                score.base + rows["points"].sum(), score.score, abs_tol=0.051 * (len(rows) + 1)
            )


def test_dependencies_and_data_access_frames(portfolio: Portfolio) -> None:
    dependencies = dependencies_frame(portfolio)
    assert len(dependencies) == sum(len(a.dependencies) for a in portfolio.assessments)
    spring = dependencies[dependencies["app"] == "spring-monolith"]
    assert (spring["ecosystem"] == "maven").all() and len(spring) > 0
    access = data_access_frame(portfolio)
    assert len(access) == sum(len(a.data.accesses) for a in portfolio.assessments)
    assert list(access.columns) == ["app", "unit", "table", "mode", "via", "file", "line"]


def test_candidates_frame_lists_each_candidate_service(portfolio: Portfolio) -> None:
    candidates = candidates_frame(portfolio)
    assert list(candidates.columns) == list(CANDIDATE_COLUMNS)
    expected = [
        (a.app, s.name, s.code_lines)
        for a in portfolio.assessments
        if a.decomposition is not None
        for s in a.decomposition.services
    ]
    assert (
        list(zip(candidates["app"], candidates["candidate"], candidates["code_lines"], strict=True))
        == expected
    )
    spring = portfolio.get("spring-monolith")
    assert spring.decomposition is not None and spring.decomposition.services
    first = spring.decomposition.services[0]
    row = candidates[(candidates["app"] == "spring-monolith") & (candidates["candidate"] == first.name)].iloc[
        0
    ]
    assert row["units"] == len(first.units)
    assert row["cut_weight"] == pytest.approx(sum(w for _, _, w in (*first.calls_in, *first.calls_out)))


def test_without_decomposition_the_candidates_frame_is_empty_with_its_columns(portfolio: Portfolio) -> None:
    bare = dataclasses.replace(portfolio.get("go-service"), decomposition=None)
    frame = candidates_frame(bare)
    assert frame.empty and list(frame.columns) == list(CANDIDATE_COLUMNS)


def test_every_kind_of_input_is_accepted(portfolio_dir: Path, portfolio: Portfolio) -> None:
    one = portfolio.get("flask-12factor")
    assert as_portfolio(one).apps == ["flask-12factor"]
    assert as_portfolio([one, portfolio.get("go-service")]).apps == ["flask-12factor", "go-service"]
    assert as_portfolio(str(portfolio_dir)).apps == portfolio.apps
    assert as_portfolio(portfolio_dir / "json").apps == portfolio.apps
    assert as_portfolio(portfolio_dir / "json" / "go-service.json").apps == ["go-service"]
    assert report.apps_frame(portfolio_dir)["app"].tolist() == apps_frame(portfolio)["app"].tolist()
    assert set(report.all_frames(portfolio)) >= {"apps", "findings", "candidates", "data_access"}


def test_unreadable_json_and_error_rows_become_failures(portfolio_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "json").mkdir(parents=True)
    for file in (portfolio_dir / "json").glob("*.json"):
        (out / "json" / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "json" / "broken.json").write_text("{not json", encoding="utf-8")
    rows = pd.read_csv(portfolio_dir / "assessments.csv", dtype=str, keep_default_na=False)
    error = dict.fromkeys(rows.columns, "")
    error.update({"app": "gone", "source": "/nowhere", "status": "error", "error": "not a folder: /nowhere"})
    pd.concat([rows, pd.DataFrame([error])]).to_csv(out / "assessments.csv", index=False)

    loaded = load_portfolio(out)
    reasons = {f.app: f.error for f in loaded.failures}
    assert set(reasons) == {"broken", "gone"}
    assert reasons["gone"] == "not a folder: /nowhere"
    apps = apps_frame(loaded)
    failed = apps[apps["status"] == "error"]
    assert set(failed["app"]) == {"broken", "gone"}
    assert failed["containerization_score"].isna().all()


def test_dockerfiles_of_the_portfolio_folder_are_read(portfolio_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "json").mkdir(parents=True)
    source = portfolio_dir / "json" / "go-service.json"
    (out / "json" / "go-service.json").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "dockerfiles" / "go-service").mkdir(parents=True)
    (out / "dockerfiles" / "go-service" / "Dockerfile").write_text("FROM scratch\n", encoding="utf-8")
    (out / "dockerfiles" / "go-service" / ".dockerignore").write_text(".git\n", encoding="utf-8")
    loaded = load_portfolio(out)
    assert list(loaded.dockerfiles["go-service"]) == ["Dockerfile", ".dockerignore"]
    assert apps_frame(loaded).loc[0, "has_dockerfile"]
    assert json.loads(source.read_text(encoding="utf-8"))["app"] == "go-service"
