"""Every bundled sample app matches its expected.yaml exactly: stack facts, findings, traps."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from assess import scan
from assess.config import ScanConfig
from assess.model import Assessment, Sourced, assessment_from_json, assessment_to_json

SAMPLES = Path(__file__).resolve().parents[2] / "sample_repos"
APPS = sorted(p.name for p in SAMPLES.iterdir() if (p / "expected.yaml").is_file())


AS_OF = date(2026, 11, 25)
"""The scan date the expected end-of-life findings hold for (the table in rubrics/eol.yaml)."""


@cache
def assessed(app: str) -> Assessment:
    return scan(SAMPLES / app, ScanConfig(as_of=AS_OF))


def expected(app: str) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / app / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _sourced(item: Sourced | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"value": item.value, "file": item.file, "line": item.line}


def _want_sourced(item: dict[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"value": str(item["value"]), "file": item["file"], "line": int(item.get("line", 0))}


def test_there_are_at_least_ten_samples() -> None:
    assert len(APPS) >= 10


@pytest.mark.parametrize("app", APPS)
def test_stack_matches(app: str) -> None:
    want = expected(app)["stack"]
    stack = assessed(app).stack
    assert stack.primary_language == want["primary_language"]
    assert sorted(s.language for s in stack.languages if s.code_lines > 0) == sorted(want["languages"])
    assert sorted({t.value for t in stack.build_tools}) == sorted(want["build_tools"])
    assert sorted({f.value for f in stack.frameworks}) == sorted(want["frameworks"])
    assert (stack.runtime.value if stack.runtime else None) == want["runtime"]
    assert _sourced(stack.runtime_version) == _want_sourced(want["runtime_version"])
    assert _sourced(stack.port) == _want_sourced(want.get("port"))
    if "start_command" in want:
        assert _sourced(stack.start_command) == _want_sourced(want["start_command"])
    artifacts = sorted((a.kind, a.path) for a in stack.container_artifacts)
    assert artifacts == sorted((a["kind"], a["path"]) for a in want.get("container_artifacts") or [])


@pytest.mark.parametrize("app", APPS)
def test_findings_match_exactly(app: str) -> None:
    want = {(f["rule"], f["file"], int(f["line"])) for f in expected(app).get("findings") or []}
    got = {(f.rule_id, f.file, f.line) for f in assessed(app).findings}
    assert sorted(got - want) == [], "reported but not expected"
    assert sorted(want - got) == [], "expected but not reported"


@pytest.mark.parametrize("app", APPS)
def test_traps_stay_silent(app: str) -> None:
    traps = expected(app).get("traps") or []
    got = {(f.rule_id, f.file, f.line) for f in assessed(app).findings}
    sprung = [t for t in traps if (t["rule"], t["file"], int(t["line"])) in got]
    assert sprung == []


@pytest.mark.parametrize("app", APPS)
def test_every_score_is_explained(app: str) -> None:
    assessment = assessed(app)
    assert assessment.errors == ()
    for result in assessment.scores:
        assert result.score == pytest.approx(result.base + sum(c.points for c in result.contributions))
        assert 0 <= result.score <= 100
        assert all(c.reason for c in result.contributions)


@pytest.mark.parametrize("app", APPS)
def test_assessment_round_trips_through_json_unchanged(app: str) -> None:
    original = assessed(app)
    text = assessment_to_json(original)
    again = assessment_from_json(text)
    assert again == original
    assert assessment_to_json(again) == text
    with pytest.raises(dataclasses.FrozenInstanceError):
        original.app = "changed"  # type: ignore[misc]


DATA_APPS = [app for app in APPS if "data" in expected(app)]


def test_the_data_samples_are_covered() -> None:
    assert {"spring-monolith", "django-monolith", "aspnet-core-api", "rails-app", "laravel-app"} <= set(
        DATA_APPS
    )


@pytest.mark.parametrize("app", DATA_APPS)
def test_data_model_matches_exactly(app: str) -> None:
    want = expected(app)["data"]
    data = assessed(app).data
    assert [t.name for t in data.tables] == want["tables"]
    assert sorted({(e.unit, e.table) for e in data.entities}) == sorted(
        (e["unit"], e["table"]) for e in want.get("entities") or []
    )
    assert sorted({(k.table, k.ref_table, k.columns) for k in data.foreign_keys}) == sorted(
        (k["table"], k["ref_table"], tuple(k["columns"])) for k in want["foreign_keys"]
    )
    assert sorted({(a.unit, a.table, a.mode) for a in data.accesses}) == sorted(
        (a["unit"], a["table"], a["mode"]) for a in want["accesses"]
    )
    assert sorted((t.unit, t.name, t.file, t.line, t.tables) for t in data.transactions) == sorted(
        (t["unit"], t["name"], t["file"], int(t["line"]), tuple(t["tables"])) for t in want["transactions"]
    )
    for access in data.accesses:  # every access carries its evidence line
        assert access.line > 0 and access.file
