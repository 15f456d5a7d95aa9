"""The top blockers of an app name the rules that cost it most: never the rubric's own terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess import scan
from assess.model import Dimension
from assess.portfolio.exports import assessment_row
from assess.report.frames import top_blockers

SAMPLES = Path(__file__).resolve().parents[2] / "sample_repos"


@pytest.mark.parametrize("app", ["flask-12factor", "go-service", "django-monolith"])
def test_top_blockers_are_costly_rules_of_the_app(app: str) -> None:
    assessment = scan(SAMPLES / app)
    listed = [r for r in str(assessment_row(assessment)["top_blockers"]).split(";") if r]
    score = assessment.score(Dimension.CONTAINERIZATION)
    assert score is not None
    cost = {c.source: c.points for c in score.contributions}
    rules = {f.rule_id for f in assessment.findings}
    assert all(rule in rules and cost[rule] < 0 for rule in listed)
    assert listed == [rule for rule, _, _ in top_blockers(assessment)]
    assert [cost[r] for r in listed] == sorted(cost[r] for r in listed)
