"""End-of-life runtimes and frameworks: the stack and the declared dependencies checked against
the dated table in ``rubrics/eol.yaml``.

:func:`eol_findings` is pure: stack, dependencies, table and the scan date in, findings out. A
runtime finding is sited where the runtime version was declared (``pom.xml:14``,
``.nvmrc:1``); a framework finding at the manifest line of the dependency that fixes the
framework's version. Findings look like any rule's: the metadata is defined in the table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from assess.model import EFFORT_LADDER, Confidence, Dependency, Dimension, Finding, Severity, Stack
from assess.rules.engine import LineLookup, make_snippet
from assess.rules.loader import default_rubrics_dir

EOL_RUNTIME = "eol-runtime"
EOL_FRAMEWORK = "eol-framework"

_VERSION = re.compile(r"\d+(?:\.\d+)*")


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {value!r}: {exc}") from exc
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EolRule(_Strict):
    """What an end-of-life finding says; ``message`` may use {product}, {cycle}, {eol}, {version}."""

    title: str = Field(min_length=3)
    message: str = Field(min_length=10)
    dimension: Dimension
    category: str = Field(pattern=r"^[a-z0-9-]+$")
    severity: Severity
    confidence: Confidence
    effort: int
    remediation: str = Field(min_length=10)
    links: list[str] = Field(default_factory=list)

    @field_validator("effort")
    @classmethod
    def _on_ladder(cls, value: int) -> int:
        if value not in EFFORT_LADDER:
            raise ValueError(f"effort must be one of {list(EFFORT_LADDER)}, got {value}")
        return value


class Cycle(_Strict):
    """A release line (``"3.2"``, ``"20"``) and the day its free security fixes end (None: not announced)."""

    cycle: Annotated[str, Field(pattern=r"^\d+(?:\.\d+)*$")]
    eol: date | None


class RuntimeEntry(_Strict):
    runtime: str
    product: str
    source: str
    cycles: list[Cycle] = Field(min_length=1)


class DependencyPattern(_Strict):
    ecosystem: str
    name: Annotated[str, AfterValidator(_compiles)]


class FrameworkEntry(_Strict):
    framework: str
    product: str
    dependencies: list[DependencyPattern] = Field(min_length=1)
    source: str
    cycles: list[Cycle] = Field(min_length=1)


class EolTable(_Strict):
    """The whole table: when it was last reviewed, the finding metadata, runtimes and frameworks."""

    reviewed: date
    rules: dict[str, EolRule]
    runtimes: list[RuntimeEntry] = Field(default_factory=list)
    frameworks: list[FrameworkEntry] = Field(default_factory=list)

    @field_validator("rules")
    @classmethod
    def _both_rules(cls, value: dict[str, EolRule]) -> dict[str, EolRule]:
        missing = {EOL_RUNTIME, EOL_FRAMEWORK} - set(value)
        if missing:
            raise ValueError(f"missing rule metadata for {sorted(missing)}")
        return value


class EolTableError(Exception):
    """The table file cannot be read or is invalid (every problem listed)."""


def default_eol_path() -> Path:
    """``rubrics/eol.yaml`` next to the bundled rules."""
    return default_rubrics_dir() / "eol.yaml"


@dataclass(frozen=True)
class LoadedEolTable:
    """A validated table and a digest of its text (part of the rubric hash)."""

    table: EolTable
    digest: str


def load_eol_table(path: Path | None = None) -> LoadedEolTable:
    """Read and validate the table (default: :func:`default_eol_path`)."""
    path = path or default_eol_path()
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EolTableError(f"{path}: cannot read: {exc}") from exc
    try:
        table = EolTable.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}" for err in exc.errors()
        )
        raise EolTableError(f"{path}: {problems}") from exc
    return LoadedEolTable(table, hashlib.sha256(text.encode()).hexdigest()[:16])


def version_of(text: str | None) -> str | None:
    """The first version number in a declared version (``^4.18.2`` → ``4.18.2``, ``~> 7.0.8`` → ``7.0.8``)."""
    if not text:
        return None
    match = _VERSION.search(text)
    return match.group(0) if match else None


def matching_cycle(cycles: Sequence[Cycle], version: str) -> Cycle | None:
    """The most specific cycle whose parts are the first parts of ``version``."""
    parts = version.split(".")
    best: Cycle | None = None
    for cycle in cycles:
        wanted = cycle.cycle.split(".")
        if parts[: len(wanted)] == wanted and (best is None or len(wanted) > len(best.cycle.split("."))):
            best = cycle
    return best


def _finding(
    rule_id: str, rule: EolRule, product: str, cycle: Cycle, version: str, path: str, line: int, snippet: str
) -> Finding:
    assert cycle.eol is not None
    values = {"product": product, "cycle": cycle.cycle, "eol": cycle.eol.isoformat(), "version": version}
    return Finding(
        rule_id=rule_id,
        title=rule.title,
        dimension=rule.dimension,
        category=rule.category,
        severity=rule.severity,
        confidence=rule.confidence,
        effort=rule.effort,
        file=path,
        line=line,
        snippet=make_snippet(snippet),
        message=" ".join(rule.message.format(**values).split()),
        remediation=" ".join(rule.remediation.split()),
        links=tuple(rule.links),
    )


def _no_lines(path: str, line: int) -> str:
    return ""


def _past(cycle: Cycle | None, today: date) -> bool:
    return cycle is not None and cycle.eol is not None and cycle.eol < today


def eol_findings(
    stack: Stack,
    dependencies: Sequence[Dependency],
    table: EolTable,
    today: date,
    lines: LineLookup | None = None,
) -> tuple[Finding, ...]:
    """Findings for the runtime and every framework whose release line ended before ``today``.

    ``lines`` gives the text of a file's line for the snippet (default: no snippet).
    """
    lines = lines or _no_lines
    found: list[Finding] = []
    runtime, version = stack.runtime, stack.runtime_version
    if runtime is not None and version is not None:
        number = version_of(version.value)
        entry = next((e for e in table.runtimes if e.runtime == runtime.value), None)
        if entry is not None and number is not None:
            cycle = matching_cycle(entry.cycles, number)
            if cycle is not None and _past(cycle, today):
                snippet = lines(version.file, version.line)
                rule = table.rules[EOL_RUNTIME]
                found.append(
                    _finding(
                        EOL_RUNTIME, rule, entry.product, cycle, number, version.file, version.line, snippet
                    )
                )
    rule = table.rules[EOL_FRAMEWORK]
    for framework in table.frameworks:
        patterns = [(p.ecosystem, re.compile(p.name)) for p in framework.dependencies]
        for dep in sorted(dependencies, key=lambda d: (d.scope not in ("runtime", "parent"), d.file, d.line)):
            if not any(dep.ecosystem == eco and pattern.fullmatch(dep.name) for eco, pattern in patterns):
                continue
            number = version_of(dep.locked_version) or version_of(dep.version)
            if number is None:
                continue
            cycle = matching_cycle(framework.cycles, number)
            if cycle is not None and _past(cycle, today):
                snippet = lines(dep.file, dep.line)
                found.append(
                    _finding(
                        EOL_FRAMEWORK, rule, framework.product, cycle, number, dep.file, dep.line, snippet
                    )
                )
            break  # the first versioned dependency decides the framework's version
    return tuple(found)
