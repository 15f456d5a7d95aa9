"""Tidy pandas DataFrames of one or many assessments, and loading a portfolio output folder.

Everything here accepts a :data:`PortfolioLike`: one :class:`~assess.model.Assessment`, an
iterable of them, a :class:`Portfolio`, or a path (a portfolio output folder written by
``assess portfolio``, a folder of assessment JSON files, or one JSON file).

One row per thing, one column per variable:

- :func:`apps_frame` — one row per application (failed apps included, ``status == "error"``)
- :func:`findings_frame` — one row per finding, with ``location`` (``file:line``)
- :func:`contributions_frame` — one row per score contribution (what moved each score)
- :func:`dependencies_frame` — one row per declared dependency
- :func:`data_access_frame` — one row per code unit reading or writing a table
- :func:`candidates_frame` — one row per candidate service (empty until decomposition is run)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from assess.model import Assessment, Dimension, Severity, assessment_from_json

BUSINESS_UNIT_KEYS: tuple[str, ...] = ("business_unit", "businessunit", "bu", "unit")
"""Metadata keys read as the business unit (lower-cased, spaces and dashes as ``_``)."""

NO_BUSINESS_UNIT = "(no business unit)"

APP_COLUMNS: tuple[str, ...] = (
    "app",
    "status",
    "error",
    "business_unit",
    "primary_language",
    "languages",
    "frameworks",
    "runtime",
    "runtime_version",
    "port",
    "files",
    "code_lines",
    "containerization_score",
    "containerization_band",
    "decomposition_score",
    "decomposition_band",
    "findings",
    "blockers",
    "mandatory",
    "boosters",
    "finding_effort",
    "migration_path",
    "migration_rule",
    "effort_points",
    "effort_days_low",
    "effort_days_high",
    "top_blockers",
    "top_blocker_titles",
    "has_dockerfile",
    "source",
    "commit",
)
"""Columns :func:`apps_frame` always has; portfolio CSV columns and metadata follow them."""

FINDING_COLUMNS: tuple[str, ...] = (
    "app",
    "rule_id",
    "title",
    "dimension",
    "category",
    "severity",
    "confidence",
    "effort",
    "file",
    "line",
    "location",
    "snippet",
    "message",
    "remediation",
    "links",
)
CONTRIBUTION_COLUMNS: tuple[str, ...] = ("app", "dimension", "order", "source", "points", "hits", "reason")
DEPENDENCY_COLUMNS: tuple[str, ...] = (
    "app",
    "ecosystem",
    "name",
    "version",
    "locked_version",
    "scope",
    "file",
    "line",
)
DATA_ACCESS_COLUMNS: tuple[str, ...] = ("app", "unit", "table", "mode", "via", "file", "line")
CANDIDATE_COLUMNS: tuple[str, ...] = (
    "app",
    "candidate",
    "units",
    "files",
    "code_lines",
    "owned_tables",
    "shared_tables",
    "api",
    "calls_in",
    "calls_out",
    "cut_weight",
    "distributed_transactions",
    "name_basis",
)

_EFFORT_COLUMNS = ("effort_points", "effort_days_low", "effort_days_high")
_SEVERITY_ORDER = {s.value: i for i, s in enumerate(Severity)}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_COST_SEVERITIES = frozenset({Severity.BLOCKER, Severity.MANDATORY, Severity.OPTIONAL, Severity.POTENTIAL})


@dataclass(frozen=True)
class Failure:
    """An application of the portfolio that could not be assessed, and why."""

    app: str
    source: str
    error: str
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Portfolio:
    """Assessments plus what a portfolio folder holds besides them.

    ``columns`` holds, per app, the extra ``assessments.csv`` columns (business metadata and any
    column the portfolio export adds); ``dockerfiles`` the generated container files per app
    (``{app: {file name: text}}``, from ``OUT/dockerfiles/<app>/``).
    """

    assessments: tuple[Assessment, ...]
    failures: tuple[Failure, ...] = ()
    columns: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    dockerfiles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    root: Path | None = None

    def __len__(self) -> int:
        return len(self.assessments)

    @property
    def apps(self) -> list[str]:
        """Names of the assessed apps, in order."""
        return [a.app for a in self.assessments]

    def subset(self, apps: Iterable[str]) -> Portfolio:
        """The same portfolio with only ``apps`` (assessed or failed), in portfolio order."""
        wanted = set(apps)
        return Portfolio(
            tuple(a for a in self.assessments if a.app in wanted),
            tuple(f for f in self.failures if f.app in wanted),
            {k: v for k, v in self.columns.items() if k in wanted},
            {k: v for k, v in self.dockerfiles.items() if k in wanted},
            self.root,
        )

    def get(self, app: str) -> Assessment:
        """The assessment of ``app`` (KeyError when it is not in the portfolio)."""
        for assessment in self.assessments:
            if assessment.app == app:
                return assessment
        raise KeyError(app)


PortfolioLike: TypeAlias = Portfolio | Assessment | Iterable[Assessment] | str | Path


# --------------------------------------------------------------------------- loading


def _unformula(value: str) -> str:
    """Undo the spreadsheet guard (a leading ``'`` before = + - @) of the CSV export."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def _numeric_or_text(column: pd.Series) -> pd.Series:
    filled = column[column != ""]
    if filled.empty:
        return column
    converted = pd.to_numeric(filled, errors="coerce")
    if converted.isna().any():
        return column
    return pd.to_numeric(column.replace("", None), errors="coerce")


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [{str(k): _unformula(str(v)) for k, v in row.items()} for row in frame.to_dict("records")]


def _read_dockerfiles(folder: Path) -> dict[str, str]:
    files: dict[str, str] = {}
    if not folder.is_dir():
        return files
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= 1_000_000:
            files[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8", errors="replace")
    # The Dockerfile first, then the rest by name.
    return dict(sorted(files.items(), key=lambda kv: (kv[0] != "Dockerfile", kv[0])))


def _file_safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return cleaned or "app"


class PortfolioFolder:
    """A portfolio output folder (``assessments.csv`` + ``json/``, or a folder of JSON) read one
    app at a time, so a report of thousands of apps never holds them all.

    Iterate :meth:`assessments` (as often as needed); JSON files that cannot be read are
    remembered and come back from :meth:`failures` with the apps ``assessments.csv`` lists as
    errors.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise FileNotFoundError(f"no portfolio output at {self.root}")
        json_dir = self.root / "json" if (self.root / "json").is_dir() else self.root
        self.files: tuple[Path, ...] = tuple(sorted(json_dir.glob("*.json")))
        csv_path = self.root / "assessments.csv"
        self._rows = _read_csv_rows(csv_path) if csv_path.is_file() else []
        self._unreadable: dict[Path, Failure] = {}
        self.columns: dict[str, dict[str, Any]] = {row.get("app", ""): row for row in self._rows}

    def assessments(self) -> Iterator[Assessment]:
        """Every readable assessment, loaded one at a time in file-name order."""
        for file in self.files:
            try:
                assessment = assessment_from_json(file.read_text(encoding="utf-8"))
            except (ValueError, OSError) as exc:
                self._unreadable[file] = Failure(file.stem, str(file), f"cannot read {file.name}: {exc}")
                continue
            yield assessment

    def failures(self, assessed: Iterable[str]) -> tuple[Failure, ...]:
        """Unreadable JSON files seen so far, then the error rows of apps not in ``assessed``."""
        known = set(assessed)
        failures = list(self._unreadable.values())
        for row in self._rows:
            app = row.get("app", "")
            if row.get("status") == "error" and app not in known:
                metadata = tuple((k, v) for k, v in row.items() if k not in APP_COLUMNS and v)
                failures.append(Failure(app, row.get("source", ""), row.get("error", ""), metadata))
        return tuple(failures)

    def dockerfiles(self, app: str) -> dict[str, str]:
        """The container files written for ``app`` under ``dockerfiles/`` (empty when none)."""
        for name in dict.fromkeys((app, _file_safe(app))):
            files = _read_dockerfiles(self.root / "dockerfiles" / name) if name not in ("", ".", "..") else {}
            if files:
                return files
        return {}


def load_portfolio(path: str | Path) -> Portfolio:
    """Load a portfolio output folder (``assessments.csv`` + ``json/``), a folder of JSON, or one JSON file.

    Apps listed as errors in ``assessments.csv`` and JSON files that cannot be read become
    :class:`Failure` entries; the rest is loaded. (:class:`PortfolioFolder` reads one app at a time.)
    """
    root = Path(path)
    if root.is_file():
        return Portfolio((assessment_from_json(root.read_text(encoding="utf-8")),))
    folder = PortfolioFolder(root)
    assessments = tuple(folder.assessments())
    known = {a.app for a in assessments}
    columns = {app: row for app, row in folder.columns.items() if app in known}
    dockerfiles = {a.app: files for a in assessments if (files := folder.dockerfiles(a.app))}
    return Portfolio(assessments, folder.failures(known), columns, dockerfiles, root)


def as_portfolio(data: PortfolioLike) -> Portfolio:
    """Whatever was given, as a :class:`Portfolio`."""
    if isinstance(data, Portfolio):
        return data
    if isinstance(data, Assessment):
        return Portfolio((data,))
    if isinstance(data, str | Path):
        return load_portfolio(data)
    return Portfolio(tuple(data))


# --------------------------------------------------------------------------- helpers on one assessment


def _is_business_unit_key(key: str) -> bool:
    return re.sub(r"[\s-]+", "_", key.strip().lower()) in BUSINESS_UNIT_KEYS


def business_unit(assessment: Assessment) -> str:
    """The business unit from the app's metadata, or :data:`NO_BUSINESS_UNIT`."""
    for key, value in assessment.metadata:
        if _is_business_unit_key(key) and value.strip():
            return value.strip()
    return NO_BUSINESS_UNIT


def top_blockers(assessment: Assessment, limit: int = 3) -> list[tuple[str, str, float]]:
    """``(rule id, title, points)`` of the rules that cost the containerization score most."""
    titles = {f.rule_id: f.title for f in assessment.findings}
    return [(c.source, titles[c.source], c.points) for c in assessment.costliest_rules(limit)]


def finding_effort(assessment: Assessment) -> int:
    """Story points of the containerization findings that cost something (boosters and info excluded)."""
    return sum(
        f.effort
        for f in assessment.findings
        if f.dimension is Dimension.CONTAINERIZATION and f.severity in _COST_SEVERITIES
    )


def app_row(assessment: Assessment, portfolio: Portfolio) -> dict[str, Any]:
    """One :func:`apps_frame` row; ``portfolio`` gives the app's CSV columns and written Dockerfiles."""
    stack = assessment.stack
    cont = assessment.score(Dimension.CONTAINERIZATION)
    deco = assessment.score(Dimension.DECOMPOSITION)
    blockers = top_blockers(assessment)
    severities = [f.severity for f in assessment.findings]
    row: dict[str, Any] = {
        "app": assessment.app,
        "status": "ok",
        "error": "; ".join(e.message for e in assessment.errors[:3]),
        "business_unit": business_unit(assessment),
        "primary_language": stack.primary_language or "",
        "languages": ";".join(s.language for s in stack.languages),
        "frameworks": ";".join(f.value for f in stack.frameworks),
        "runtime": stack.runtime.value if stack.runtime else "",
        "runtime_version": stack.runtime_version.value if stack.runtime_version else "",
        "port": stack.port.value if stack.port else "",
        "files": assessment.files,
        "code_lines": assessment.code_lines,
        "containerization_score": cont.score if cont else float("nan"),
        "containerization_band": cont.band if cont else "",
        "decomposition_score": deco.score if deco else float("nan"),
        "decomposition_band": deco.band if deco else "",
        "findings": len(assessment.findings),
        "blockers": severities.count(Severity.BLOCKER),
        "mandatory": severities.count(Severity.MANDATORY),
        "boosters": severities.count(Severity.BOOSTER),
        "finding_effort": finding_effort(assessment),
        "migration_path": assessment.migration.path if assessment.migration else "",
        "migration_rule": assessment.migration.rule if assessment.migration else "",
        "effort_points": assessment.effort.points if assessment.effort else float("nan"),
        "effort_days_low": assessment.effort.days_low if assessment.effort else float("nan"),
        "effort_days_high": assessment.effort.days_high if assessment.effort else float("nan"),
        "top_blockers": ";".join(rule for rule, _, _ in blockers),
        "top_blocker_titles": ";".join(title for _, title, _ in blockers),
        "has_dockerfile": assessment.app in portfolio.dockerfiles,
        "source": assessment.source,
        "commit": assessment.commit or "",
    }
    for key, value in assessment.metadata:
        row.setdefault(key, value)
    for key, value in portfolio.columns.get(assessment.app, {}).items():
        row.setdefault(key, value)
    return row


def _failure_row(failure: Failure) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(APP_COLUMNS, "")
    row.update(
        {
            "app": failure.app,
            "status": "error",
            "error": failure.error,
            "source": failure.source,
            "business_unit": NO_BUSINESS_UNIT,
            "has_dockerfile": False,
        }
    )
    for key in ("files", "code_lines", "findings", "blockers", "mandatory", "boosters", "finding_effort"):
        row[key] = 0
    for key in ("containerization_score", "decomposition_score", *_EFFORT_COLUMNS):
        row[key] = float("nan")
    for key, value in failure.metadata:
        row.setdefault(key, value)
    for key, value in failure.metadata:
        if _is_business_unit_key(key) and value.strip():
            row["business_unit"] = value.strip()
    return row


def _frame(rows: Sequence[Mapping[str, Any]], columns: Iterable[str]) -> pd.DataFrame:
    ordered = list(columns)
    extra: list[str] = []
    for row in rows:
        extra.extend(k for k in row if k not in ordered and k not in extra)
    return pd.DataFrame(rows, columns=[*ordered, *extra])


# --------------------------------------------------------------------------- frames


def apps_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per app: stack, scores and bands, finding counts, top blockers, metadata.

    Columns are :data:`APP_COLUMNS`, then any other ``assessments.csv`` column (for example a
    migration path or effort estimate) and the app's business metadata. Apps that could not be
    assessed have ``status == "error"`` and NaN scores.
    """
    portfolio = as_portfolio(data)
    rows = [app_row(a, portfolio) for a in portfolio.assessments]
    return apps_frame_of(rows, portfolio.failures)


def apps_frame_of(rows: Iterable[Mapping[str, Any]], failures: Iterable[Failure] = ()) -> pd.DataFrame:
    """:func:`apps_frame` from rows made one app at a time by :func:`app_row`, then the failures."""
    rows = [*rows, *(_failure_row(f) for f in failures)]
    frame = _frame(rows, APP_COLUMNS)
    for column in frame.columns[len(APP_COLUMNS) :]:
        if not pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = _numeric_or_text(frame[column].fillna("").astype(str))
    for column in ("containerization_score", "decomposition_score", *_EFFORT_COLUMNS):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in ("files", "code_lines", "findings", "blockers", "mandatory", "boosters", "finding_effort"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").fillna(0).astype(int)
    frame["has_dockerfile"] = frame["has_dockerfile"].astype(bool)
    return frame


def findings_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per finding, most severe first within each app; ``location`` is ``file:line``."""
    portfolio = as_portfolio(data)
    rows = [
        {
            "app": a.app,
            "rule_id": f.rule_id,
            "title": f.title,
            "dimension": f.dimension.value,
            "category": f.category,
            "severity": f.severity.value,
            "confidence": f.confidence.value,
            "effort": f.effort,
            "file": f.file,
            "line": f.line,
            "location": f"{f.file}:{f.line}" if f.line else f.file,
            "snippet": f.snippet,
            "message": f.message,
            "remediation": f.remediation,
            "links": ";".join(f.links),
        }
        for a in portfolio.assessments
        for f in sorted(a.findings, key=lambda f: (_SEVERITY_ORDER[f.severity.value], f.file, f.line))
    ]
    frame = _frame(rows, FINDING_COLUMNS)
    frame["effort"] = frame["effort"].astype(int)
    frame["line"] = frame["line"].astype(int)
    return frame


def contributions_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per contribution to a score: the explanation of every score, in order."""
    portfolio = as_portfolio(data)
    rows = [
        {
            "app": a.app,
            "dimension": s.dimension.value,
            "order": i,
            "source": c.source,
            "points": c.points,
            "hits": c.hits,
            "reason": c.reason,
        }
        for a in portfolio.assessments
        for s in a.scores
        for i, c in enumerate(s.contributions)
    ]
    frame = _frame(rows, CONTRIBUTION_COLUMNS)
    frame["points"] = frame["points"].astype(float)
    return frame


def dependencies_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per declared dependency (ecosystem, name, version, scope, where declared)."""
    portfolio = as_portfolio(data)
    rows = [
        {
            "app": a.app,
            "ecosystem": d.ecosystem,
            "name": d.name,
            "version": d.version or "",
            "locked_version": d.locked_version or "",
            "scope": d.scope,
            "file": d.file,
            "line": d.line,
        }
        for a in portfolio.assessments
        for d in a.dependencies
    ]
    return _frame(rows, DEPENDENCY_COLUMNS)


def data_access_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per code unit reading or writing a table (``mode`` is ``read`` or ``write``)."""
    portfolio = as_portfolio(data)
    rows = [
        {
            "app": a.app,
            "unit": t.unit,
            "table": t.table,
            "mode": t.mode,
            "via": t.via,
            "file": t.file,
            "line": t.line,
        }
        for a in portfolio.assessments
        for t in a.data.accesses
    ]
    return _frame(rows, DATA_ACCESS_COLUMNS)


def candidates_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per candidate service and what cutting it out costs.

    ``units``/``files``/``code_lines`` size it; ``owned_tables`` and ``shared_tables`` list the
    tables it would own or share (``;``-separated); ``api`` counts its units other candidates
    use; ``calls_in``/``calls_out`` count the static dependencies crossing its border and
    ``cut_weight`` adds up their weights (the heaviest crossings, as stored);
    ``distributed_transactions`` counts its transactions the cut would spread over services.
    Empty (with these columns) for assessments without decomposition results.
    """
    portfolio = as_portfolio(data)
    rows = [
        {
            "app": a.app,
            "candidate": c.name,
            "units": len(c.units),
            "files": len(c.files),
            "code_lines": c.code_lines,
            "owned_tables": ";".join(c.owned_tables),
            "shared_tables": ";".join(c.shared_tables),
            "api": len(c.api),
            "calls_in": len(c.calls_in),
            "calls_out": len(c.calls_out),
            "cut_weight": round(sum(w for _, _, w in (*c.calls_in, *c.calls_out)), 3),
            "distributed_transactions": len(c.distributed),
            "name_basis": c.name_basis,
        }
        for a in portfolio.assessments
        if a.decomposition is not None
        for c in a.decomposition.services
    ]
    return _frame(rows, CANDIDATE_COLUMNS)


def decomposition_metrics_frame(data: PortfolioLike) -> pd.DataFrame:
    """One row per app with decomposition results: the metrics of its proposed cut."""
    portfolio = as_portfolio(data)
    rows = []
    for a in portfolio.assessments:
        if a.decomposition is None:
            continue
        m = a.decomposition.metrics
        rows.append(
            {
                "app": a.app,
                "services": m.services,
                "units": m.units,
                "unplaced": len(a.decomposition.unplaced),
                "modularity": m.modularity,
                "structural_modularity": m.structural_modularity,
                "cohesion": m.cohesion,
                "coupling": m.coupling,
                "icp": m.icp,
                "ifn": m.ifn,
                "ned": m.ned,
                "transactional_purity": m.transactional_purity,
                "distributed_transactions": m.distributed_transactions,
                "shared_tables": m.shared_tables,
                "cycles": len(m.cycles),
                "notes": "; ".join(a.decomposition.notes),
            }
        )
    return _frame(rows, ("app", "services", "units", "unplaced", "modularity"))


def all_frames(data: PortfolioLike) -> dict[str, pd.DataFrame]:
    """All frames at once, keyed ``apps``, ``findings``, ``contributions``, ``dependencies``,
    ``data_access`` and ``candidates`` (the portfolio is loaded once)."""
    portfolio = as_portfolio(data)
    return {
        "apps": apps_frame(portfolio),
        "findings": findings_frame(portfolio),
        "contributions": contributions_frame(portfolio),
        "dependencies": dependencies_frame(portfolio),
        "data_access": data_access_frame(portfolio),
        "candidates": candidates_frame(portfolio),
        "decomposition": decomposition_metrics_frame(portfolio),
    }
