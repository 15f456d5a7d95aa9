"""An ipywidgets dashboard of a portfolio: filters, the quadrant as a FigureWidget, a drill-down.

``dashboard(portfolio)`` returns a :class:`Dashboard`; shown as the last expression of a
notebook cell (JupyterLab 4 or Voilà) it renders its widget. Clicking an app in the quadrant (or
choosing it in the "app" list) opens its drill-down: findings with ``file:line`` and snippet,
the score explanation, candidate services and the generated Dockerfile. Filters can be set from
code as well (``dash.bands.value = ("ready",)``) and :attr:`Dashboard.filtered` is the apps frame
they leave, ready for ``to_csv``.

Needs the ``notebook`` extra (``ipywidgets`` and ``anywidget``, which plotly's FigureWidget uses).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from assess.report import charts
from assess.report.frames import PortfolioLike, apps_frame, as_portfolio
from assess.report.html import app_sections

_TABLE_COLUMNS = (
    "app",
    "business_unit",
    "primary_language",
    "containerization_score",
    "containerization_band",
    "decomposition_score",
    "decomposition_band",
    "code_lines",
    "findings",
    "blockers",
    "finding_effort",
    "top_blockers",
)


def _options(values: pd.Series) -> list[str]:
    return sorted({str(v) for v in values.fillna("") if str(v)})


def _multi(description: str, options: Sequence[str]) -> Any:
    return widgets.SelectMultiple(
        options=list(options),
        value=tuple(options),
        description=description,
        rows=min(max(len(options), 2), 6),
        layout=widgets.Layout(width="260px"),
        style={"description_width": "100px"},
    )


def _range(description: str) -> Any:
    return widgets.FloatRangeSlider(
        value=(0.0, 100.0),
        min=0.0,
        max=100.0,
        step=1.0,
        description=description,
        continuous_update=False,
        readout_format=".0f",
        layout=widgets.Layout(width="380px"),
        style={"description_width": "130px"},
    )


class Dashboard:
    """The widgets and their state. ``widget`` is the root; the instance displays as it."""

    def __init__(self, data: PortfolioLike, *, shortlist_path: str | Path = "shortlist.csv") -> None:
        self.portfolio = as_portfolio(data)
        self.apps = apps_frame(self.portfolio)
        self.ok_apps = self.apps[self.apps["status"] == "ok"].reset_index(drop=True)
        self.colour = charts.colour_column(self.ok_apps)
        self.selected: str | None = None
        self._sections: dict[str, dict[str, str]] = {}
        self.shortlist_path = Path(shortlist_path)

        ok = self.ok_apps
        self.bands = _multi("band", [b for b in charts.group_colours(ok, "containerization_band")])
        self.paths = _multi("migration path", _options(ok[self.colour])) if self._has_paths else None
        self.languages = _multi("language", _options(ok["primary_language"]))
        self.units = _multi("business unit", _options(ok["business_unit"]))
        self.containerization = _range("containerization")
        self.decomposition = _range("decomposition")
        self.reset_button = widgets.Button(description="Reset filters", icon="undo")
        self.export_button = widgets.Button(description="Export shortlist", icon="download")
        self.status = widgets.HTML()
        self.app_picker = widgets.Dropdown(
            options=[("—", "")] + [(a, a) for a in ok["app"]],
            value="",
            description="app",
            layout=widgets.Layout(width="320px"),
        )

        self._largest = float(ok["code_lines"].max()) if not ok.empty else 1.0
        self.figure = go.FigureWidget(charts.quadrant(ok, colour=self.colour, size_reference=self._largest))
        self.figure.layout.height = 500
        for trace in self.figure.data:
            trace.on_click(self._on_click)
        self.table = widgets.HTML()
        self.views = widgets.Tab(children=[self.figure, self.table])
        self.views.titles = ("Quadrant", "Apps")

        self.drill_header = widgets.HTML("<i>Click an app in the quadrant to see its findings.</i>")
        self.drill_tabs = widgets.Tab()
        self.drill = widgets.VBox([self.drill_header, self.drill_tabs])

        self._filters = [
            w
            for w in (
                self.bands,
                self.paths,
                self.languages,
                self.units,
                self.containerization,
                self.decomposition,
            )
            if w is not None
        ]
        for w in self._filters:
            w.observe(self._on_filter, names="value")
        self.reset_button.on_click(lambda _: self.reset())
        self.export_button.on_click(lambda _: self._export_clicked())
        self.app_picker.observe(self._on_pick, names="value")

        selects = [w for w in (self.bands, self.paths, self.languages, self.units) if w is not None]
        controls = widgets.VBox(
            [
                widgets.HBox(selects, layout=widgets.Layout(flex_flow="row wrap")),
                widgets.HBox(
                    [
                        widgets.VBox([self.containerization, self.decomposition]),
                        widgets.VBox(
                            [widgets.HBox([self.reset_button, self.export_button]), self.app_picker]
                        ),
                    ]
                ),
                self.status,
            ]
        )
        title = widgets.HTML(
            f"<h3 style='margin:4px 0'>Portfolio triage: {len(self.portfolio)} apps"
            + (f", {len(self.portfolio.failures)} not assessed" if self.portfolio.failures else "")
            + "</h3>"
        )
        self.widget = widgets.VBox([title, controls, self.views, self.drill])
        self.widget.add_class("assess-dashboard")
        self._refresh()

    # ------------------------------------------------------------------ state

    @property
    def _has_paths(self) -> bool:
        return self.colour == charts.MIGRATION_PATH_COLUMN

    @property
    def filtered(self) -> pd.DataFrame:
        """The assessed apps the filters leave (the apps frame's columns)."""
        apps = self.ok_apps
        keep = pd.Series(True, index=apps.index)
        keep &= apps["containerization_band"].isin(self.bands.value)
        if self.paths is not None:
            keep &= apps[self.colour].fillna("").astype(str).isin(self.paths.value)
        keep &= apps["primary_language"].isin(self.languages.value)
        keep &= apps["business_unit"].isin(self.units.value)
        low, high = self.containerization.value
        keep &= apps["containerization_score"].between(low, high)
        low, high = self.decomposition.value
        keep &= apps["decomposition_score"].between(low, high)
        return apps[keep].reset_index(drop=True)

    def reset(self) -> None:
        """Every filter back to showing everything."""
        with self.widget.hold_sync():
            for w in self._filters:
                w.value = tuple(w.options) if isinstance(w, widgets.SelectMultiple) else (0.0, 100.0)

    def export(self, path: str | Path | None = None) -> Path:
        """Write the filtered apps (the shortlist) as CSV and return the path."""
        target = Path(path) if path is not None else self.shortlist_path
        target.parent.mkdir(parents=True, exist_ok=True)
        self.filtered.to_csv(target, index=False)
        return target

    def select(self, app: str | None) -> None:
        """Open the drill-down of ``app`` (None closes it)."""
        self.selected = app or None
        if self.app_picker.value != (app or ""):
            self.app_picker.value = app or ""
        if not app:
            self.drill_header.value = "<i>Click an app in the quadrant to see its findings.</i>"
            self.drill_tabs.children = []
            return
        assessment = self.portfolio.get(app)
        sections = self._sections.get(app)
        if sections is None:
            sections = self._sections[app] = app_sections(self.portfolio, app)
        waterfalls = [
            go.FigureWidget(charts.score_waterfall(assessment, s.dimension)) for s in assessment.scores
        ]
        for fig in waterfalls:
            fig.layout.height = 380
        self.drill_header.value = sections["header"]
        children = [
            widgets.HTML(sections["findings"]),
            widgets.VBox([*waterfalls, widgets.HTML(sections["explanation"])]),
            widgets.HTML(sections["candidates"]),
            widgets.HTML(sections["dockerfile"]),
            widgets.HTML(sections["stack"]),
        ]
        self.drill_tabs.children = children
        self.drill_tabs.titles = (
            f"Findings ({len(assessment.findings)})",
            "Score explanation",
            "Candidate services",
            "Dockerfile",
            "Stack",
        )
        self.drill_tabs.selected_index = 0

    # ------------------------------------------------------------------ events

    def _on_filter(self, _change: dict[str, Any]) -> None:
        self._refresh()

    def _on_pick(self, change: dict[str, Any]) -> None:
        if (change["new"] or None) != self.selected:
            self.select(change["new"] or None)

    def _on_click(self, trace: Any, points: Any, _state: Any) -> None:
        if points.point_inds:
            self.select(str(trace.customdata[points.point_inds[0]][0]))

    def _export_clicked(self) -> None:
        target = self.export()
        self._set_status(f"wrote {len(self.filtered)} apps to {target}")

    def _set_status(self, extra: str = "") -> None:
        shown = len(self.filtered)
        message = f"<b>{shown}</b> of {len(self.ok_apps)} apps shown"
        if extra:
            message += f" · {html.escape(extra)}"
        self.status.value = message

    def _refresh(self) -> None:
        """Redraw the quadrant's points and the table for the current filters."""
        shown = self.filtered
        fresh = charts.quadrant(shown, colour=self.colour, size_reference=self._largest)
        by_name = {trace.name: trace for trace in fresh.data}
        with self.figure.batch_update():
            for trace in self.figure.data:
                new = by_name.get(trace.name)
                for key in ("x", "y", "text", "customdata", "hovertext"):
                    setattr(trace, key, getattr(new, key) if new is not None else [])
                trace.marker.size = new.marker.size if new is not None else []
        columns = [c for c in _TABLE_COLUMNS if c in shown.columns]
        if self._has_paths:
            columns.insert(5, self.colour)
        self.table.value = (
            "<div class='assess-dashboard-table'>"
            + shown[columns].to_html(index=False, escape=True, na_rep="", float_format=lambda v: f"{v:.1f}")
            + "</div>"
        )
        self._set_status()

    # ------------------------------------------------------------------ display

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def dashboard(data: PortfolioLike, **options: Any) -> Dashboard:
    """A :class:`Dashboard` of the portfolio (Assessments, a Portfolio or an output folder)."""
    return Dashboard(data, **options)
