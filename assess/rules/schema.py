"""The pydantic schema of a rule file (``rubrics/rules/<category>/<id>.yaml``)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from assess.model import EFFORT_LADDER, Confidence, Dimension, Severity
from assess.source.languages import CODE_LANGUAGES


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {value!r}: {exc}") from exc
    return value


Regex = Annotated[str, AfterValidator(_compiles)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CallCondition(_Strict):
    """A call site: ``name``/``callee``/``kind`` are fullmatched, the rest searched."""

    name: Regex | None = None
    callee: Regex | None = None
    receiver: Regex | None = None
    kind: Literal["call", "new"] | None = None
    args: Regex | None = None
    args_not: Regex | None = None
    args_not_from: Regex | None = None
    """Not when an argument or the receiver names a variable whose value (followed through
    simple assignments earlier in the same file) matches this regex: ``d = mkdtemp()`` then
    ``open(join(d, "x"), "w")``."""

    @model_validator(mode="after")
    def _something_to_match(self) -> CallCondition:
        if self.name is None and self.callee is None:
            raise ValueError("a call condition needs `name` or `callee`")
        return self


class AnnotationCondition(_Strict):
    """An annotation/attribute/decorator: ``name`` fullmatched, ``args`` searched."""

    name: Regex
    args: Regex | None = None


class AssignmentCondition(_Strict):
    """A value bound to a name: ``name`` and ``scope`` fullmatched, ``value``/``value_not`` searched."""

    name: Regex | None = None
    value: Regex | None = None
    value_not: Regex | None = None
    scope: Regex | None = None

    @model_validator(mode="after")
    def _something_to_match(self) -> AssignmentCondition:
        if self.name is None and self.value is None:
            raise ValueError("an assignment condition needs `name` or `value`")
        return self


class SkippedCondition(_Strict):
    """A file the inventory skipped (e.g. a binary): ``path`` is a glob, ``reason`` searched."""

    path: str
    reason: Regex = "binary"


class ConfigCondition(_Strict):
    """A regex searched line by line in config files (comments blanked)."""

    pattern: Regex
    files: str | None = None


class DependencyCondition(_Strict):
    """A declared dependency whose name fullmatches ``name``."""

    name: Regex
    ecosystem: str | None = None


class Condition(_Strict):
    """Exactly one of the keys below; ``all``/``any``/``not`` nest conditions."""

    call: CallCondition | None = None
    import_: Regex | None = Field(default=None, alias="import")
    annotation: AnnotationCondition | None = None
    string: Regex | None = None
    file: str | None = None
    assignment: AssignmentCondition | None = None
    skipped: SkippedCondition | None = None
    config: ConfigCondition | None = None
    dependency: DependencyCondition | None = None
    all_: list[Condition] | None = Field(default=None, alias="all", min_length=1)
    any_: list[Condition] | None = Field(default=None, alias="any", min_length=1)
    not_: Condition | None = Field(default=None, alias="not")

    @field_validator("annotation", mode="before")
    @classmethod
    def _annotation_shorthand(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("dependency", mode="before")
    @classmethod
    def _dependency_shorthand(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @field_validator("skipped", mode="before")
    @classmethod
    def _skipped_shorthand(cls, value: Any) -> Any:
        return {"path": value} if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _exactly_one(cls, data: Any) -> Any:
        if isinstance(data, dict) and len(data) != 1:
            keys = ", ".join(sorted(map(str, data))) or "nothing"
            raise ValueError(f"a condition has exactly one key, got: {keys}")
        return data

    def kind(self) -> str:
        """The condition's key (``call``, ``import``, ``all``, …)."""
        for name, field in type(self).model_fields.items():
            if getattr(self, name) is not None:
                return field.alias or name
        raise ValueError("empty condition")


class Rule(_Strict):
    """A declarative rule: metadata plus a ``when`` condition tree."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: str = Field(min_length=3)
    message: str = Field(min_length=10)
    dimension: Dimension
    category: str = Field(pattern=r"^[a-z0-9-]+$")
    severity: Severity
    confidence: Confidence
    effort: int
    languages: list[str] = Field(default_factory=list)
    remediation: str = Field(min_length=10)
    links: list[str] = Field(default_factory=list)
    max_per_file: int | None = Field(default=None, ge=1)
    max_per_app: int | None = Field(default=None, ge=1)
    paths_not: list[str] = Field(default_factory=list)
    """Gitignore-style patterns; sites in files they match are never reported (test code, say)."""
    when: Condition

    @field_validator("effort")
    @classmethod
    def _on_ladder(cls, value: int) -> int:
        if value not in EFFORT_LADDER:
            raise ValueError(f"effort must be one of {list(EFFORT_LADDER)}, got {value}")
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(CODE_LANGUAGES))
        if unknown:
            raise ValueError(f"unknown language(s) {unknown}; known: {list(CODE_LANGUAGES)}")
        return value
