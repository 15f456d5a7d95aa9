"""``estimate_effort()``: a pure function from findings to story points and person-days."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from assess.model import Contribution, Effort, Finding, Stack
from assess.scoring.rubric import Rubric


def _half_days(value: float) -> float:
    """Round up to the next half day."""
    return math.ceil(value * 2 - 1e-9) / 2


def estimate_effort(rubric: Rubric, findings: Sequence[Finding], stack: Stack) -> Effort:
    """Story points per rule (effort × (1 + log2(sites)), capped), plus setup, and the
    person-day range the rubric converts them to. Each rule's share is an item."""
    plan = rubric.effort
    counted = set(plan.severities)
    dimensions = set(plan.dimensions)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.severity in counted and finding.dimension in dimensions:
            by_rule[finding.rule_id].append(finding)
    items: list[Contribution] = []
    has_setup = bool(stack.container_artifacts)
    setup = (
        plan.setup_points.with_container_artifacts
        if has_setup
        else plan.setup_points.without_container_artifacts
    )
    if setup:
        why = (
            "container artefacts exist: review and adapt them" if has_setup else "no container artefacts yet"
        )
        items.append(Contribution("setup", setup, 0, f"image, build pipeline and deployment: {why}"))
    for rule_id, group in by_rule.items():
        per_site = plan.rule_effort.get(rule_id, group[0].effort)
        hits = len(group)
        points = round(min(per_site * (1 + math.log2(hits)), per_site * plan.max_multiplier), 1)
        if points <= 0:
            continue
        where = f"{group[0].file}:{group[0].line}" + (f" and {hits - 1} more" if hits > 1 else "")
        items.append(
            Contribution(
                rule_id, points, hits, f"{rule_id} ({per_site} points a site) at {where}: {points:g}"
            )
        )
    items.sort(key=lambda item: (-item.points, item.source))
    total = round(sum(item.points for item in items), 1)
    return Effort(
        points=total,
        days_low=_half_days(total * plan.days_per_point.low),
        days_high=_half_days(total * plan.days_per_point.high),
        items=tuple(items),
    )
