"""HTML renderings: the standalone portfolio report, and the fragments notebooks show.

The report is one self-contained file: plotly.js is inlined once, styles and scripts are
inline, a Content-Security-Policy forbids loading anything else, so it works offline and can be
mailed. Templates are rendered by jinja2 with autoescape on, and figure data is embedded as JSON
with ``<``, ``>`` and ``&`` escaped: nothing from a scanned repository (app and file names,
snippets, messages) can become markup or script.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from assess import __version__
from assess.model import Assessment, DataModel, Dimension, Finding, Severity
from assess.report import charts
from assess.report.frames import (
    _COST_SEVERITIES,
    NO_BUSINESS_UNIT,
    Failure,
    Portfolio,
    PortfolioFolder,
    PortfolioLike,
    app_row,
    apps_frame,
    apps_frame_of,
    as_portfolio,
    candidates_frame,
)
from assess.report.scaffolds import scaffold_for

REPORT_FILE = "report.html"
"""The report's file name inside a portfolio output folder."""

_SEVERITY_ORDER = {s: i for i, s in enumerate(Severity)}


def dumps_json(value: Any) -> str:
    """JSON text safe inside an HTML ``<script>`` element (``<``, ``>``, ``&``, U+2028/9 escaped)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        value += 0.0  # no "-0"
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return str(value)


@cache
def environment() -> jinja2.Environment:
    """The template environment: package templates, autoescape always on, undefined is an error."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("assess.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals["band_colours"] = {**charts.CONTAINERIZATION_BANDS, **charts.DECOMPOSITION_BANDS}
    env.filters["fmt"] = _fmt
    env.filters["whole"] = lambda v: str(round(float(v)))
    env.filters["one"] = lambda v: f"{round(float(v), 1) + 0.0:.1f}"
    env.filters["signed"] = lambda v: f"{round(float(v), 1) + 0.0:+.1f}"
    return env


@cache
def stylesheet() -> str:
    """The report's CSS (every class is prefixed ``assess``)."""
    return resources.files("assess.report").joinpath("templates/style.css").read_text(encoding="utf-8")


def _macro(name: str) -> Any:
    return getattr(environment().get_template("macros.html.j2").make_module({}), name)


def sorted_findings(assessment: Assessment) -> list[Finding]:
    """Findings most severe first, then by file and line."""
    return sorted(assessment.findings, key=lambda f: (_SEVERITY_ORDER[f.severity], f.file, f.line))


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts with string keys."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def _has(row: Mapping[str, Any], key: str) -> bool:
    value = row.get(key)
    if isinstance(value, float):
        return not math.isnan(value)
    return value not in (None, "")


def days(low: Any, high: Any) -> str:
    """A person-day range as text (``3–8 days``)."""
    return f"{_fmt(float(low))}–{_fmt(float(high))} days"


def _extras(row: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    if not row:
        return []
    extras: list[tuple[str, str]] = []
    if _has(row, "migration_path"):
        extras.append(("migration path", str(row["migration_path"])))
    if _has(row, "effort_days_high"):
        extras.append(("estimated effort", days(row["effort_days_low"], row["effort_days_high"])))
    elif _has(row, "finding_effort"):
        extras.append(("effort of findings", f"{_fmt(row['finding_effort'])} points"))
    return extras


# --------------------------------------------------------------------------- notebook fragments


def assessment_html(assessment: Assessment, *, limit: int = 10) -> str:
    """One assessment as an HTML card: scores, stack, explanation and the top findings."""
    template = environment().get_template("assessment.html.j2")
    return template.render(
        a=assessment,
        css=Markup(stylesheet()),
        findings=sorted_findings(assessment),
        limit=limit,
        extras=[],
    )


def fragment(name: str, *args: Any) -> str:
    """Render one macro of ``macros.html.j2`` (``findings``, ``explanation``, ``stack``,
    ``score_cards``, ``candidates``, ``dockerfiles``) wrapped in the report's styles."""
    body = _macro(name)(*args)
    return str(Markup('<div class="assess"><style>{}</style>{}</div>').format(Markup(stylesheet()), body))


def app_sections(portfolio: Portfolio, app: str) -> dict[str, str]:
    """HTML of one app's drill-down sections: ``header``, ``findings``, ``explanation``,
    ``candidates``, ``dockerfile`` (each self-contained and escaped)."""
    assessment = portfolio.get(app)
    rows = records(apps_frame(portfolio.subset([app])))
    title = Markup('<h2 class="assess-drill-title" style="margin:0">{}</h2>').format(assessment.app)
    cards = _macro("score_cards")(assessment, _extras(rows[0] if rows else None))
    candidates = candidates_frame(portfolio)
    scaffold = scaffold_for(assessment, portfolio.dockerfiles)
    return {
        "header": str(
            Markup('<div class="assess"><style>{}</style>{}{}</div>').format(
                Markup(stylesheet()), title, cards
            )
        ),
        "findings": fragment("findings", sorted_findings(assessment)),
        "explanation": fragment("explanation", assessment),
        "stack": fragment("stack", assessment),
        "candidates": fragment("candidates", records(candidates[candidates["app"] == app])),
        "dockerfile": fragment("dockerfiles", dict(scaffold.files), scaffold.note),
    }


# --------------------------------------------------------------------------- the standalone report


def _figure_json(fig: Any) -> Any:
    return json.loads(pio.to_json(fig, validate=False, engine="json"))


def _share_template(figures: Mapping[str, Any]) -> Any:
    """Take the layout template (most of a figure's JSON) out of every figure that uses the
    first one's, and return it: the page puts it back, so the report carries it once."""
    shared = next((f["layout"]["template"] for f in figures.values() if "template" in f["layout"]), None)
    _drop_template(figures, shared)
    return shared


def _drop_template(figures: Mapping[str, Any], shared: Any) -> None:
    for fig in figures.values():
        if shared is not None and fig["layout"].get("template") == shared:
            fig["layout"].pop("template", None)


def _table_columns(apps: pd.DataFrame) -> list[tuple[str, str, str]]:
    columns: list[tuple[str, str, str]] = [("app", "app", "text")]
    if (apps["business_unit"] != NO_BUSINESS_UNIT).any():
        columns.append(("business_unit", "business unit", "text"))
    columns += [
        ("primary_language", "language", "text"),
        ("containerization_score", "containerization", "num"),
        ("containerization_band", "band", "text"),
        ("decomposition_score", "decomposition", "num"),
        ("decomposition_band", "decomposition band", "text"),
    ]
    if charts.colour_column(apps) == charts.MIGRATION_PATH_COLUMN:
        columns.append((charts.MIGRATION_PATH_COLUMN, "migration path", "text"))
    columns += [
        ("code_lines", "lines of code", "num"),
        ("findings", "findings", "num"),
        ("blockers", "blockers", "num"),
    ]
    if apps["effort_days_high"].notna().any():
        columns.append(("effort_days", "effort (person-days)", "num"))
    else:
        columns.append(("finding_effort", "effort (points)", "num"))
    columns.append(("top_blockers", "top blockers", "text"))
    return columns


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return ""
    return value


def generated_at() -> str:
    """When the report was made, only if ``SOURCE_DATE_EPOCH`` says so: a report is a function of
    its portfolio alone (the same input gives the same bytes), so it carries no clock time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ""
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%d %H:%M UTC")


class _Source:
    """Where a report's apps come from: in memory, or a portfolio folder read one app at a time."""

    def __init__(self, data: PortfolioLike) -> None:
        self.folder: PortfolioFolder | None = None
        self.portfolio: Portfolio | None = None
        if isinstance(data, str | Path) and Path(data).is_dir():
            self.folder = PortfolioFolder(data)
        else:
            self.portfolio = as_portfolio(data)

    def assessments(self) -> Iterator[Assessment]:
        if self.folder is not None:
            return self.folder.assessments()
        assert self.portfolio is not None
        return iter(self.portfolio.assessments)

    def context(self, assessment: Assessment) -> Portfolio:
        """A one-app portfolio with what the folder holds for it besides its JSON."""
        app = assessment.app
        if self.portfolio is not None:
            columns = self.portfolio.columns.get(app)
            files = self.portfolio.dockerfiles.get(app)
        else:
            assert self.folder is not None
            columns = self.folder.columns.get(app)
            files = self.folder.dockerfiles(app)
        return Portfolio(
            (assessment,),
            columns={app: columns} if columns else {},
            dockerfiles={app: files} if files else {},
        )

    def failures(self, assessed: Sequence[str]) -> tuple[Failure, ...]:
        if self.folder is not None:
            return self.folder.failures(assessed)
        assert self.portfolio is not None
        return self.portfolio.failures


def _chart_view(assessment: Assessment) -> Assessment:
    """What the portfolio charts need of an app beyond its table row: the containerization
    findings that cost something (without their text) and the scores."""
    findings = tuple(
        replace(f, snippet="", message="", remediation="", links=())
        for f in assessment.findings
        if f.dimension is Dimension.CONTAINERIZATION and f.severity in _COST_SEVERITIES
    )
    return replace(
        assessment,
        findings=findings,
        dependencies=(),
        skipped=(),
        errors=(),
        modules=(),
        data=DataModel(),
        decomposition=None,
    )


def _table_row(record: Mapping[str, Any], index: int) -> dict[str, Any]:
    row = {k: _clean(v) for k, v in record.items()}
    row["index"] = index
    row.setdefault(charts.MIGRATION_PATH_COLUMN, "")
    row["effort_days"] = (
        days(row["effort_days_low"], row["effort_days_high"]) if _has(row, "effort_days_high") else ""
    )
    row["top_blockers"] = str(row["top_blockers"]).replace(";", ", ")
    searchable = (
        "app",
        "business_unit",
        "languages",
        "frameworks",
        "containerization_band",
        "decomposition_band",
        "top_blockers",
        "top_blocker_titles",
        charts.MIGRATION_PATH_COLUMN,
    )
    row["search"] = " ".join(str(row.get(k, "")) for k in searchable).lower()
    return row


def _pages(source: _Source, rows: Sequence[dict[str, Any]], shared: Any) -> Iterator[dict[str, Any]]:
    """Each app's page, its assessment loaded again and let go once the page is written."""
    for assessment, row in zip(source.assessments(), rows, strict=True):
        context = source.context(assessment)
        figures = {key: _figure_json(fig) for key, fig in charts.app_figures(assessment).items()}
        _drop_template(figures, shared)
        candidates = candidates_frame(assessment)
        yield {
            "index": row["index"],
            "a": assessment,
            "extras": _extras(row),
            "charts": list(figures),
            "figures_json": Markup(dumps_json(figures)),
            "findings": sorted_findings(assessment),
            "candidates": records(candidates[candidates["app"] == assessment.app]),
            "scaffold": scaffold_for(assessment, context.dockerfiles),
        }


def report_chunks(data: PortfolioLike, *, title: str | None = None) -> Iterator[str]:
    """The report (see :func:`render_report`) as pieces of text, made as they are written.

    A portfolio folder is read twice, one app at a time: once for the table and the portfolio
    charts, once for the app pages. Memory stays flat however many apps the portfolio has.
    """
    source = _Source(data)
    table_rows: list[dict[str, Any]] = []
    chart_views: list[Assessment] = []
    for assessment in source.assessments():
        table_rows.append(app_row(assessment, source.context(assessment)))
        chart_views.append(_chart_view(assessment))
    names = [row["app"] for row in table_rows]
    failures = source.failures(names)
    apps = apps_frame_of(table_rows, failures)
    del table_rows
    ok = apps[apps["status"] == "ok"]
    title = title or f"assess report: {len(names)} apps"

    charted = Portfolio(tuple(chart_views), failures, source.portfolio.columns if source.portfolio else {})
    overview = charts.portfolio_figures(charted, apps=apps)
    del charted, chart_views
    figures = {key: _figure_json(fig) for key, fig in overview.items()}
    shared = _share_template(figures)
    rows = [_table_row(record, index) for index, record in enumerate(records(ok))]

    band_order = list(charts.CONTAINERIZATION_BANDS)
    counts = ok["containerization_band"].value_counts()
    band_counts = sorted(
        ((str(b), int(n)) for b, n in counts.items()),
        key=lambda bn: band_order.index(bn[0]) if bn[0] in band_order else len(band_order),
    )
    paths: Sequence[str] = []
    if charts.colour_column(ok) == charts.MIGRATION_PATH_COLUMN:
        paths = sorted({str(p) for p in ok[charts.MIGRATION_PATH_COLUMN] if str(p)})
    units = sorted({str(u) for u in ok["business_unit"] if str(u)})
    if units == [NO_BUSINESS_UNIT]:
        units = []
    payload = {
        "title": title,
        "template": shared,
        "figures": figures,
        "pages": {app: f"app-{i}" for i, app in enumerate(names)},
    }
    yield from (
        environment()
        .get_template("report.html.j2")
        .generate(
            title=title,
            version=__version__,
            generated=generated_at(),
            css=Markup(stylesheet()),
            plotly_js=Markup(get_plotlyjs().replace("</script", "<\\/script")),
            data_json=Markup(dumps_json(payload)),
            apps=rows,
            columns=_table_columns(ok if not ok.empty else apps),
            languages=sorted({str(v) for v in ok["primary_language"] if str(v)}),
            paths=paths,
            units=units,
            band_counts=band_counts,
            portfolio_charts=list(overview),
            pages=_pages(source, rows, shared),
            failures=failures,
        )
    )


def render_report(data: PortfolioLike, *, title: str | None = None) -> str:
    """The whole report as one HTML document (see the module docstring).

    Byte-deterministic: the same portfolio gives the same text in any process (no clock time,
    no random element ids, everything ordered), so reports of two runs can be compared.
    """
    return "".join(report_chunks(data, title=title))


def write_html(data: PortfolioLike, path: str | Path, *, title: str | None = None) -> Path:
    """Write the report to ``path`` (folders created) and return the path. The report is
    streamed (a portfolio folder is read one app at a time) into a file beside the target and
    renamed into place, so a killed run never leaves half a report."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    with partial.open("w", encoding="utf-8") as out:
        out.writelines(report_chunks(data, title=title))
    os.replace(partial, target)
    return target


def write_portfolio_report(out_dir: str | Path, path: str | Path | None = None) -> Path:
    """Write the report of a portfolio output folder (default ``OUT/report.html``), one app at a time."""
    folder = Path(out_dir)
    return write_html(folder, path or folder / REPORT_FILE)
