"""The scoring rubric: a pydantic model of ``rubrics/default.yaml`` and user files extending it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assess.decompose.settings import DecompositionSettings
from assess.model import EFFORT_LADDER, Confidence, Dimension, Severity
from assess.rules.loader import default_rubrics_dir
from assess.scoring.overrides import cross_problems, merge, user_line
from assess.scoring.plans import EffortRubric, MigrationRubric


class RubricError(Exception):
    """A rubric file that cannot be read or does not validate (every problem listed)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Band(_Strict):
    """A named score range: the first band whose ``min`` a score reaches."""

    name: str
    min: float = Field(ge=0, le=100)


class Gate(_Strict):
    """Any finding of ``severity`` caps the dimension at ``max_band``."""

    severity: Severity
    max_band: str


class SizeRule(_Strict):
    """How application size moves the decomposition score."""

    small_below_lines: int = Field(ge=0)
    small_penalty: float = Field(ge=0)
    large_above_lines: int = Field(ge=0)
    large_bonus: float = Field(ge=0)


class DimensionRubric(_Strict):
    """How one dimension is scored."""

    base: float = Field(ge=0, le=100)
    max_boost: float = Field(ge=0)
    bands: list[Band] = Field(min_length=1)
    gates: list[Gate] = Field(default_factory=list)
    size: SizeRule | None = None

    @model_validator(mode="after")
    def _bands_descend(self) -> DimensionRubric:
        mins = [b.min for b in self.bands]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("bands must be listed from the highest `min` to the lowest, each distinct")
        if mins[-1] != 0:
            raise ValueError("the last band must have `min: 0`")
        names = {b.name for b in self.bands}
        for gate in self.gates:
            if gate.max_band not in names:
                raise ValueError(f"gate max_band {gate.max_band!r} is not a band ({sorted(names)})")
        return self

    def band_for(self, score: float) -> str:
        """The band a score falls in."""
        return next(b.name for b in self.bands if score >= b.min)

    def band_ceiling(self, band: str) -> float:
        """The highest score inside ``band`` (just under the next band up)."""
        names = [b.name for b in self.bands]
        index = names.index(band)
        return 100.0 if index == 0 else self.bands[index - 1].min - 0.1


class Rubric(_Strict):
    """Weights, factors, caps, bands and gates for every dimension."""

    version: int = 1
    severity_weights: dict[Severity, float]
    confidence_factors: dict[Confidence, float]
    effort_factors: dict[int, float]
    cap_multiplier: float = Field(gt=0)
    rule_weights: dict[str, float] = Field(default_factory=dict)
    rule_caps: dict[str, float] = Field(default_factory=dict)
    dimensions: dict[Dimension, DimensionRubric]
    effort: EffortRubric
    migration: MigrationRubric
    decomposition: DecompositionSettings = Field(default_factory=DecompositionSettings)

    @model_validator(mode="after")
    def _complete(self) -> Rubric:
        missing = [s.value for s in Severity if s not in self.severity_weights]
        missing += [c.value for c in Confidence if c not in self.confidence_factors]
        missing += [str(e) for e in EFFORT_LADDER if e not in self.effort_factors]
        missing += [d.value for d in Dimension if d not in self.dimensions]
        if missing:
            raise ValueError(f"missing entries: {', '.join(missing)}")
        return self

    def digest(self) -> str:
        """A stable hash of the effective rubric."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def default_rubric_path() -> Path:
    """The bundled ``rubrics/default.yaml``."""
    return default_rubrics_dir() / "default.yaml"


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RubricError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RubricError(f"{path}: a rubric must be a mapping")
    return data


def load_rubric(path: Path | None = None) -> Rubric:
    """The default rubric, or ``path`` merged over it when the file says ``extends: default``."""
    data = _read_yaml(default_rubric_path())
    source = default_rubric_path()
    text = ""
    if path is not None:
        user = _read_yaml(path)
        source = path
        text = path.read_text(encoding="utf-8")
        data = merge(data, user) if user.pop("extends", None) == "default" else user
    problems: list[tuple[tuple[str | int, ...], str]] = []
    rubric = None
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        problems.extend((tuple(e["loc"]), e["msg"]) for e in exc.errors())
    problems.extend(cross_problems(data))
    if problems or rubric is None:
        raise RubricError("\n".join(_located(source, text, data, loc, msg) for loc, msg in problems))
    return rubric


def _located(source: Path, text: str, data: dict[str, Any], loc: tuple[str | int, ...], msg: str) -> str:
    line = user_line(text, loc, data) if text else 0
    where = f"{source}:{line}" if line else str(source)
    return f"{where}: {'.'.join(str(p) for p in loc) or '(top)'}: {msg}"
