"""The container-artefact checks' catalogue: ``rubrics/container/checks/<id>.yaml`` (metadata of
each check, and the hadolint codes reported as it) and ``rubrics/container/hadolint.yaml``.

Every file is validated and every error of every file is reported at once, with its line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assess.model import EFFORT_LADDER, Confidence, Dimension, Finding, Severity
from assess.rules.loader import default_rubrics_dir

HadolintCode = Annotated[str, Field(pattern=r"^(DL|SC)\d{4}$")]
Level = Literal["error", "warning", "info", "style"]

CHECK_IDS: tuple[str, ...] = (
    "container-runs-as-root",
    "container-unpinned-base-image",
    "container-ssh-or-supervisor",
    "container-secret-in-image",
    "container-add-from-url",
    "container-no-multi-stage-build",
    "container-package-cache-left",
    "container-no-healthcheck",
    "container-compose-privileged",
    "container-compose-host-network",
    "container-compose-host-bind-mount",
    "container-compose-secret-in-environment",
    "container-compose-unpinned-image",
    "container-compose-runs-as-root",
    "container-k8s-runs-as-root",
    "container-k8s-privileged",
    "container-k8s-host-path",
    "container-k8s-missing-probes",
    "container-k8s-missing-resource-limits",
    "container-k8s-unpinned-image",
    "container-lint-error",
    "container-lint-warning",
    "container-lint-info",
    "container-healthy-setup",
)
"""Every check the audit implements; the catalogue must describe exactly these."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ContainerCheck(_Strict):
    """What a finding of one check says, and how much it weighs (the fields of a rule file)."""

    id: Annotated[str, Field(pattern=r"^container-[a-z0-9-]+$")]
    title: str = Field(min_length=3)
    message: str = Field(min_length=10)
    dimension: Dimension = Dimension.CONTAINERIZATION
    category: str = Field(pattern=r"^[a-z0-9-]+$")
    severity: Severity
    confidence: Confidence
    effort: int
    applies_to: Literal["dockerfile", "compose", "kubernetes", "app"]
    remediation: str = Field(min_length=10)
    links: list[str] = Field(default_factory=list)
    hadolint: list[HadolintCode] = Field(default_factory=list)
    """hadolint codes reported as this check (one finding per line, whoever found it)."""
    hadolint_levels: list[Level] = Field(default_factory=list)
    """For the lint checks: the hadolint levels of codes no check claims."""

    @field_validator("effort")
    @classmethod
    def _on_ladder(cls, value: int) -> int:
        if value not in EFFORT_LADDER:
            raise ValueError(f"effort must be one of {list(EFFORT_LADDER)}, got {value}")
        return value

    def finding(
        self, path: str, line: int, snippet: str, detail: str = "", links: Sequence[str] = ()
    ) -> Finding:
        """A finding of this check; ``detail`` is prepended to the message (what exactly was found)."""
        message = self.message.strip()
        return Finding(
            rule_id=self.id,
            title=self.title,
            dimension=self.dimension,
            category=self.category,
            severity=self.severity,
            confidence=self.confidence,
            effort=self.effort,
            file=path,
            line=line,
            snippet=snippet,
            message=f"{_sentence(detail)} {message}" if detail.strip() else message,
            remediation=self.remediation.strip(),
            links=tuple(dict.fromkeys([*links, *self.links])),
        )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


class HadolintSettings(_Strict):
    """hadolint codes never reported (noisy version pinning by default)."""

    ignored: list[HadolintCode] = Field(default_factory=list)


@dataclass(frozen=True)
class CatalogError:
    """One problem in one catalogue file (line 0 when unknown)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class CatalogLoadError(Exception):
    """Raised with every :class:`CatalogError` found."""

    def __init__(self, errors: Sequence[CatalogError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


@dataclass(frozen=True)
class ContainerCatalog:
    """The validated catalogue: checks by id, hadolint code → check, level → lint check."""

    checks: dict[str, ContainerCheck]
    by_code: dict[str, str]
    by_level: dict[str, str]
    ignored: frozenset[str]
    digest: str
    folder: Path

    def check(self, check_id: str) -> ContainerCheck:
        return self.checks[check_id]


def default_catalog_dir() -> Path:
    """``rubrics/container`` of the bundled rubrics."""
    return default_rubrics_dir() / "container"


def _line_of(node: yaml.Node | None, loc: Iterable[int | str]) -> int:
    best = node
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 if best is not None else 0


def _read(path: Path, errors: list[CatalogError]) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(CatalogError(path, 0, f"cannot read: {exc}"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        errors.append(CatalogError(path, mark.line + 1 if mark else 0, f"invalid YAML: {exc}"))
    return None, None


def _validate(
    model: type[BaseModel], data: Any, node: yaml.Node | None, path: Path, errors: list[CatalogError]
) -> Any:
    if not isinstance(data, dict):
        errors.append(CatalogError(path, 1, "the file must hold a mapping"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(top)"
            errors.append(CatalogError(path, _line_of(node, err["loc"]), f"{where}: {err['msg']}"))
    return None


def load_catalog(folder: Path | None = None) -> ContainerCatalog:
    """Load and cross-check the catalogue. Raises :class:`CatalogLoadError` listing every error."""
    folder = folder or default_catalog_dir()
    errors: list[CatalogError] = []
    digest = hashlib.sha256()
    checks: dict[str, ContainerCheck] = {}
    check_dir = folder / "checks"
    files = sorted(check_dir.glob("*.yaml")) if check_dir.is_dir() else []
    if not files:
        errors.append(CatalogError(check_dir, 0, "no check files found"))
    for path in files:
        data, node = _read(path, errors)
        digest.update(path.name.encode() + path.read_bytes())
        check = _validate(ContainerCheck, data, node, path, errors) if data is not None else None
        if check is None:
            continue
        if check.id != path.stem:
            errors.append(
                CatalogError(
                    path, _line_of(node, ["id"]), f"id {check.id!r} must equal the file name {path.stem!r}"
                )
            )
            continue
        checks[check.id] = check
    settings_path = folder / "hadolint.yaml"
    settings = HadolintSettings()
    if settings_path.is_file():
        data, node = _read(settings_path, errors)
        digest.update(settings_path.read_bytes())
        settings = _validate(HadolintSettings, data, node, settings_path, errors) or settings
    by_code: dict[str, str] = {}
    by_level: dict[str, str] = {}
    for check in checks.values():
        for code in check.hadolint:
            if code in by_code:
                errors.append(
                    CatalogError(
                        check_dir / f"{check.id}.yaml", 0, f"{code} is claimed by {by_code[code]} too"
                    )
                )
            if code in settings.ignored:
                errors.append(CatalogError(check_dir / f"{check.id}.yaml", 0, f"{code} is also ignored"))
            by_code[code] = check.id
        for level in check.hadolint_levels:
            if level in by_level:
                errors.append(
                    CatalogError(
                        check_dir / f"{check.id}.yaml", 0, f"level {level} is mapped by {by_level[level]} too"
                    )
                )
            by_level[level] = check.id
    if checks and not errors:
        missing = sorted(set(CHECK_IDS) - set(checks))
        unknown = sorted(set(checks) - set(CHECK_IDS))
        if missing:
            errors.append(CatalogError(check_dir, 0, f"checks without a file: {', '.join(missing)}"))
        if unknown:
            errors.append(
                CatalogError(check_dir, 0, f"files for checks the audit does not have: {', '.join(unknown)}")
            )
        unmapped = sorted({"error", "warning", "info", "style"} - set(by_level))
        if unmapped:
            errors.append(
                CatalogError(check_dir, 0, f"hadolint levels no lint check takes: {', '.join(unmapped)}")
            )
    if errors:
        raise CatalogLoadError(errors)
    return ContainerCatalog(
        checks=checks,
        by_code=by_code,
        by_level=by_level,
        ignored=frozenset(settings.ignored),
        digest=digest.hexdigest()[:16],
        folder=folder,
    )
