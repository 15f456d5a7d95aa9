"""The rubric's ``effort`` and ``migration`` sections: pydantic models and their cross-checks.

``effort`` turns findings into story points and a person-day range; ``migration`` is an ordered
decision table whose first matching rule chooses the migration path. Both are plain data in
``rubrics/default.yaml`` that a user rubric (``extends: default``) may override.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from assess.model import EFFORT_LADDER, Dimension, Severity

MIGRATION_PATHS: tuple[str, ...] = ("rehost", "replatform", "refactor", "retain", "retire")
"""Rehost in a container as is; replatform (small changes for the platform); refactor /
decompose into services; retain as it runs today; retire (decommission candidate)."""

MigrationPath = Literal["rehost", "replatform", "refactor", "retain", "retire"]


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {value!r}: {exc}") from exc
    return value


Regex = Annotated[str, AfterValidator(_compiles)]


_YES = {"yes", "true", "y", "on"}
_NO = {"no", "false", "n", "off"}


def _scalar_text(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if isinstance(value, int | float) else value


def metadata_value(value: str) -> str:
    """Business metadata values compare lower-case, with yes/true/on and no/false/off alike."""
    text = value.strip().lower()
    return "yes" if text in _YES else "no" if text in _NO else text


def metadata_key(key: str) -> str:
    """Business metadata keys compare lower-case with spaces and dashes as ``_``
    (``Business Value`` → ``business_value``)."""
    return re.sub(r"[\s-]+", "_", key.strip().lower())


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(_Strict):
    """An inclusive numeric range; either end may be left open."""

    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("a range needs `min`, `max` or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self

    def holds(self, value: float) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


class FindingCount(_Strict):
    """How many findings match ``rule`` / ``category`` (fullmatched regexes) and ``severity``."""

    rule: Regex | None = None
    category: Regex | None = None
    severity: list[Severity] | None = None
    min: int = Field(default=1, ge=0)
    max: int | None = Field(default=None, ge=0)


class Conditions(_Strict):
    """What a decision rule asks of an app; every condition given must hold (none: always)."""

    containerization_band: list[str] | None = Field(default=None, min_length=1)
    containerization_score: Range | None = None
    decomposition_band: list[str] | None = Field(default=None, min_length=1)
    decomposition_score: Range | None = None
    blockers: Range | None = None
    runtime: list[str] | None = Field(default=None, min_length=1)
    findings: FindingCount | None = None
    metadata: dict[str, list[str]] | None = None
    """Business metadata values (case-insensitive; yes/true and no/false are the same); an app
    without the key never matches."""

    @field_validator("metadata", mode="before")
    @classmethod
    def _scalars_as_text(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {
            key: [_scalar_text(v) for v in values] if isinstance(values, list) else values
            for key, values in value.items()
        }

    def bands(self) -> list[tuple[Dimension, str]]:
        """Every band name the conditions mention, with its dimension."""
        named = [(Dimension.CONTAINERIZATION, b) for b in self.containerization_band or ()]
        return named + [(Dimension.DECOMPOSITION, b) for b in self.decomposition_band or ()]

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in type(self).model_fields)


class DecisionRule(_Strict):
    """One row of the migration decision table.

    ``reason`` may name facts in braces: ``{containerization_band}``, ``{containerization_score}``,
    ``{decomposition_band}``, ``{decomposition_score}``, ``{blockers}``, ``{runtime}``,
    ``{runtime_version}``, ``{findings}`` (the count the ``findings`` condition matched) and any
    business metadata key (``{criticality}``, ``{business_value}``).
    """

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    path: MigrationPath
    when: Conditions = Field(default_factory=Conditions)
    reason: str = Field(min_length=10)
    enabled: bool = True
    before: str | None = None
    """Only in a user rubric: insert this new rule before the default rule with this id."""


class MigrationRubric(_Strict):
    """The ordered decision table: the first enabled rule whose conditions hold chooses."""

    rules: list[DecisionRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _well_formed(self) -> MigrationRubric:
        problems = []
        ids = [rule.id for rule in self.rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            problems.append(f"duplicate decision rule id(s): {', '.join(duplicates)}")
        enabled = [rule for rule in self.rules if rule.enabled]
        if not enabled or not enabled[-1].when.is_empty():
            problems.append("the last enabled decision rule must have no conditions (a catch-all)")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class DaysPerPoint(_Strict):
    """Person-days one story point costs, as a range."""

    low: float = Field(gt=0)
    high: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> DaysPerPoint:
        if self.low > self.high:
            raise ValueError(f"low {self.low:g} is above high {self.high:g}")
        return self


class SetupPoints(_Strict):
    """Story points every app costs besides its findings: writing the image, the build
    pipeline and the deployment, less when container artefacts already exist."""

    without_container_artifacts: float = Field(ge=0)
    with_container_artifacts: float = Field(ge=0)


class EffortRubric(_Strict):
    """How findings become story points and person-days."""

    severities: list[Severity] = Field(min_length=1)
    dimensions: list[Dimension] = Field(min_length=1)
    max_multiplier: float = Field(ge=1)
    rule_effort: dict[str, int] = Field(default_factory=dict)
    setup_points: SetupPoints
    days_per_point: DaysPerPoint

    @field_validator("rule_effort")
    @classmethod
    def _on_ladder(cls, value: dict[str, int]) -> dict[str, int]:
        off = sorted(f"{rule}: {points}" for rule, points in value.items() if points not in EFFORT_LADDER)
        if off:
            raise ValueError(f"story points must be on the ladder {list(EFFORT_LADDER)}: {', '.join(off)}")
        return value


def band_problems(migration: MigrationRubric, bands: Mapping[Dimension, Sequence[str]]) -> list[str]:
    """Decision rules that name a band the rubric does not have (one message each)."""
    problems = []
    for index, rule in enumerate(migration.rules):
        for dimension, band in rule.when.bands():
            if band not in bands.get(dimension, ()):
                known = ", ".join(bands.get(dimension, ()))
                problems.append(
                    f"migration.rules.{index} ({rule.id}): {dimension.value} band {band!r} is not a band ({known})"
                )
    return problems
