"""Plotly figures of a portfolio and of one app. Every function returns a ``go.Figure``.

Portfolio charts take a :data:`~assess.report.frames.PortfolioLike` (or, for the quadrant and
the treemap, an apps frame that may already be filtered). Per-app charts take an Assessment.

Text that comes from a scanned repository (app names, file names, snippets) is HTML-escaped
before it reaches plotly, whose labels understand a little HTML: a repository cannot put markup
into a chart. ``customdata`` of the quadrant carries the raw app name for click handlers.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from assess.model import Assessment, Dimension, Severity
from assess.report.frames import (
    PortfolioLike,
    apps_frame,
    as_portfolio,
    contributions_frame,
    findings_frame,
)

CONTAINERIZATION_BANDS: dict[str, str] = {
    "ready": "#1a9850",
    "minor work": "#91cf60",
    "moderate work": "#fee08b",
    "major work": "#fc8d59",
    "not a fit": "#d73027",
}
DECOMPOSITION_BANDS: dict[str, str] = {
    "good candidate": "#1a9850",
    "possible": "#91cf60",
    "hard": "#fc8d59",
    "poor candidate": "#d73027",
}
SEVERITY_COLOURS: dict[str, str] = {
    Severity.BLOCKER.value: "#a50026",
    Severity.MANDATORY.value: "#f46d43",
    Severity.OPTIONAL.value: "#fdae61",
    Severity.POTENTIAL.value: "#abd9e9",
    Severity.INFO.value: "#bdbdbd",
    Severity.BOOSTER.value: "#1a9850",
}
MIGRATION_PATHS: dict[str, str] = {
    "rehost": "#1a9850",
    "replatform": "#66bd63",
    "refactor": "#f46d43",
    "retain": "#4575b4",
    "retire": "#616161",
}
UNKNOWN_COLOUR = "#9e9e9e"
MIGRATION_PATH_COLUMN = "migration_path"
"""The apps-frame column holding each app's migration path, when the assessments have one."""

CONTAINERIZATION_READY = 70.0
"""Quadrant divider on the x axis (the lowest containerization score of 'minor work')."""
DECOMPOSITION_POSSIBLE = 50.0
"""Quadrant divider on the y axis (the lowest decomposition score of 'possible')."""

_COST_SEVERITIES = (Severity.BLOCKER, Severity.MANDATORY, Severity.OPTIONAL, Severity.POTENTIAL)
_TEMPLATE = "plotly_white"


def text(value: Any) -> str:
    """Repository text made safe for a plotly label (HTML-escaped; plotly shows it as typed)."""
    return html.escape(str(value), quote=False)


def _apps(data: PortfolioLike | pd.DataFrame) -> pd.DataFrame:
    return data if isinstance(data, pd.DataFrame) else apps_frame(data)


def colour_column(apps: pd.DataFrame) -> str:
    """What to colour apps by: the migration path when the portfolio has one, else the band."""
    if MIGRATION_PATH_COLUMN in apps.columns:
        filled = apps[MIGRATION_PATH_COLUMN].fillna("").astype(str).str.strip()
        if (filled != "").any():
            return MIGRATION_PATH_COLUMN
    return "containerization_band"


def group_colours(apps: pd.DataFrame, column: str) -> dict[str, str]:
    """A colour per value of ``column``: band colours for bands, a qualitative palette otherwise."""
    values = [str(v) for v in dict.fromkeys(apps[column].fillna("").astype(str)) if str(v)]
    if column == "containerization_band":
        order = [b for b in CONTAINERIZATION_BANDS if b in values] + [
            v for v in values if v not in CONTAINERIZATION_BANDS
        ]
        return {v: CONTAINERIZATION_BANDS.get(v, UNKNOWN_COLOUR) for v in order}
    if column == "decomposition_band":
        return {v: DECOMPOSITION_BANDS.get(v, UNKNOWN_COLOUR) for v in values}
    if column == MIGRATION_PATH_COLUMN:
        order = [p for p in MIGRATION_PATHS if p in values] + sorted(
            v for v in values if v not in MIGRATION_PATHS
        )
        palette = qualitative.Safe
        return {v: MIGRATION_PATHS.get(v, palette[i % len(palette)]) for i, v in enumerate(order)}
    palette = qualitative.Safe
    return {v: palette[i % len(palette)] for i, v in enumerate(sorted(values))}


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.update_layout(
        title=title,
        template=_TEMPLATE,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[{"text": message, "showarrow": False, "font": {"size": 14}, "x": 0.5, "y": 0.5}],
    )
    return fig


def _hover(row: pd.Series) -> str:
    blockers = [b for b in str(row.get("top_blocker_titles", "") or "").split(";") if b]
    lines = [
        f"<b>{text(row['app'])}</b>",
        f"containerization {round(row['containerization_score'])} ({text(row['containerization_band'])})",
        f"decomposition {round(row['decomposition_score'])} ({text(row['decomposition_band'])})",
        f"{int(row['code_lines']):,} lines of code, {int(row['findings'])} findings",
    ]
    if blockers:
        lines.append("top blockers: " + "; ".join(text(b) for b in blockers))
    else:
        lines.append("no blockers")
    return "<br>".join(lines)


def bubble_sizes(
    code_lines: pd.Series, largest: float = 60.0, smallest: float = 10.0, reference: float | None = None
) -> list[float]:
    """Marker diameters (px) whose areas follow code size: ``reference`` lines (default: the
    largest app's) get ``largest`` px, and no bubble is under ``smallest`` px."""
    values = [max(float(v), 0.0) for v in code_lines]
    top = reference or max(values, default=0.0) or 1.0
    return [max(smallest, largest * math.sqrt(v / top)) for v in values]


def quadrant(
    data: PortfolioLike | pd.DataFrame, *, colour: str | None = None, size_reference: float | None = None
) -> go.Figure:
    """Containerization (x) against decomposition (y) fitness: one bubble per app.

    Bubble area follows code size; colour is the migration path (or the containerization band
    when there is none); hover shows the scores and the top blockers. One trace per colour group,
    each point's ``customdata`` is ``[app name]``. ``size_reference`` is the code size drawn
    at the largest bubble (default: the largest app shown).
    """
    apps = _apps(data)
    apps = apps[apps["containerization_score"].notna() & apps["decomposition_score"].notna()]
    title = "Portfolio: containerization vs decomposition fitness"
    fig = go.Figure()
    colour = colour or colour_column(apps)
    sizes = pd.Series(bubble_sizes(apps["code_lines"], reference=size_reference), index=apps.index)
    for group, hue in group_colours(apps, colour).items():
        part = apps[apps[colour].fillna("").astype(str) == group]
        fig.add_trace(
            go.Scatter(
                x=part["containerization_score"].tolist(),
                y=part["decomposition_score"].tolist(),
                mode="markers+text",
                name=text(group),
                text=[text(a) for a in part["app"]],
                textposition="top center",
                textfont={"size": 10},
                cliponaxis=False,  # a bubble at a score of 0 or 100 is drawn whole
                customdata=[[a] for a in part["app"]],
                hovertext=[_hover(row) for _, row in part.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={
                    "size": sizes[part.index].tolist(),
                    "color": hue,
                    "line": {"width": 1, "color": "#424242"},
                    "opacity": 0.85,
                },
            )
        )
    corners = [
        (0.98, 0.98, "containerize, then split", "right", "top"),
        (0.02, 0.98, "refactor into services", "left", "top"),
        (0.98, 0.02, "containerize as is", "right", "bottom"),
        (0.02, 0.02, "rework or retain", "left", "bottom"),
    ]
    fig.update_layout(
        title=title,
        template=_TEMPLATE,
        height=580,
        xaxis={"title": "containerization fitness (0–100)", "range": [-5, 105], "zeroline": False},
        yaxis={"title": "decomposition fitness (0–100)", "range": [-5, 105], "zeroline": False},
        legend={"title": {"text": colour.replace("_", " ")}},
        clickmode="event",
        hovermode="closest",
        shapes=[
            {"type": "line", "x0": CONTAINERIZATION_READY, "x1": CONTAINERIZATION_READY, "y0": -5, "y1": 105},
            {"type": "line", "x0": -5, "x1": 105, "y0": DECOMPOSITION_POSSIBLE, "y1": DECOMPOSITION_POSSIBLE},
        ],
        annotations=[
            {
                "x": x,
                "y": y,
                "xref": "paper",
                "yref": "paper",
                "text": label,
                "showarrow": False,
                "xanchor": xa,
                "yanchor": ya,
                "font": {"color": "#757575", "size": 11},
            }
            for x, y, label, xa, ya in corners
        ],
    )
    for shape in fig.layout.shapes:
        shape.line.update(color="#bdbdbd", dash="dot", width=1)
    return fig


def _cost_by_category(data: PortfolioLike) -> pd.DataFrame:
    """Points lost and findings per (app, category), containerization rules only."""
    portfolio = as_portfolio(data)
    findings = findings_frame(portfolio)
    contributions = contributions_frame(portfolio)
    costly = {s.value for s in _COST_SEVERITIES}
    findings = findings[
        (findings["dimension"] == Dimension.CONTAINERIZATION.value) & findings["severity"].isin(costly)
    ]
    rule_category = findings.drop_duplicates(["app", "rule_id"]).set_index(["app", "rule_id"])["category"]
    contributions = contributions[
        (contributions["dimension"] == Dimension.CONTAINERIZATION.value) & (contributions["points"] < 0)
    ]
    keys = list(zip(contributions["app"], contributions["source"], strict=True))
    categories = pd.Series([rule_category.get(k) for k in keys], index=contributions.index, dtype=object)
    points = contributions.assign(category=categories).dropna(subset=["category"])
    lost = points.groupby(["app", "category"])["points"].sum().mul(-1).rename("points_lost")
    counts = findings.groupby(["app", "category"]).size().rename("findings")
    return pd.concat([lost, counts], axis=1).fillna(0).reset_index()


def blockers_heatmap(data: PortfolioLike, *, value: str = "points_lost") -> go.Figure:
    """Categories (rows) by apps (columns): containerization points lost, or ``value="findings"``.

    Only findings that cost something count (blocker, mandatory, optional, potential).
    """
    table = _cost_by_category(data)
    if table.empty:
        return _empty("Blockers by category", "no containerization blockers in this portfolio")
    grid = table.pivot_table(index="category", columns="app", values=value, fill_value=0, aggfunc="sum")
    counts = table.pivot_table(
        index="category", columns="app", values="findings", fill_value=0, aggfunc="sum"
    )
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=True).index]
    grid = grid[grid.sum(axis=0).sort_values(ascending=False).index]
    counts = counts.loc[grid.index, grid.columns]
    label = "points lost" if value == "points_lost" else "findings"
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy().round(1).tolist(),
            x=[text(a) for a in grid.columns],
            y=[text(c) for c in grid.index],
            customdata=counts.to_numpy().astype(int).tolist(),
            colorscale="Reds",
            colorbar={"title": {"text": label}},
            hovertemplate="%{x}<br>%{y}: %{z} " + label + " (%{customdata} findings)<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_layout(
        title="Containerization blockers by category",
        template=_TEMPLATE,
        xaxis={"tickangle": -35},
        height=max(320, 60 + 32 * len(grid.index)),
    )
    return fig


def treemap(data: PortfolioLike | pd.DataFrame) -> go.Figure:
    """Business unit → app, tile area = code size, colour = containerization band."""
    apps = _apps(data)
    apps = apps[apps["status"] == "ok"]
    if apps.empty:
        return _empty("Portfolio", "no assessed apps")
    ids: list[str] = []
    labels: list[str] = []
    parents: list[str] = []
    values: list[float] = []
    colours: list[str] = []
    hovers: list[str] = []
    units = sorted(apps["business_unit"].fillna("").astype(str).unique())
    for u, unit in enumerate(units):
        part = apps[apps["business_unit"].fillna("").astype(str) == unit]
        ids.append(f"bu{u}")
        labels.append(text(unit))
        parents.append("")
        values.append(float(part["code_lines"].clip(lower=1).sum()))
        colours.append("#eeeeee")
        hovers.append(f"<b>{text(unit)}</b><br>{len(part)} apps")
        for i, row in part.iterrows():
            ids.append(f"app{i}")
            labels.append(text(row["app"]))
            parents.append(f"bu{u}")
            values.append(float(max(int(row["code_lines"]), 1)))
            colours.append(CONTAINERIZATION_BANDS.get(str(row["containerization_band"]), UNKNOWN_COLOUR))
            hovers.append(_hover(row))
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            marker={"colors": colours},
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            textinfo="label",
        )
    )
    fig.update_layout(
        title="Portfolio by business unit (area: code size, colour: containerization band)",
        template=_TEMPLATE,
        margin={"t": 50, "l": 10, "r": 10, "b": 10},
    )
    return fig


def effort_by_path(data: PortfolioLike, *, apps: pd.DataFrame | None = None) -> go.Figure:
    """Estimated effort per migration path (or containerization band when there is no path).

    With effort estimates: person-days, the low estimate as a bar and the range up to the high
    estimate stacked on it. Without: story points of the containerization findings by category.
    """
    portfolio = as_portfolio(data)
    apps = apps_frame(portfolio) if apps is None else apps
    apps = apps[apps["status"] == "ok"]
    group = colour_column(apps)
    order = list(group_colours(apps, group))
    counts = apps[group].fillna("").astype(str).value_counts()
    label = group.replace("_", " ")
    if apps["effort_days_high"].notna().any():
        fig = _effort_days(apps, group, order)
        title = f"Estimated effort by {label} (person-days)"
        y_title = "person-days"
    else:
        fig = _effort_points(portfolio, apps, group, order)
        if fig is None:
            return _empty("Effort", "no containerization work found")
        title = f"Containerization effort by {label} (story points of findings)"
        y_title = "story points"
    fig.update_layout(
        title=title,
        template=_TEMPLATE,
        barmode="stack",
        xaxis={"title": label},
        yaxis={"title": y_title},
        annotations=[
            {
                "x": text(g),
                "y": 0,
                "yanchor": "top",
                "yshift": -28,
                "showarrow": False,
                "text": f"{counts[g]} apps",
            }
            for g in order
            if g in counts
        ],
    )
    return fig


def _effort_days(apps: pd.DataFrame, group: str, order: list[str]) -> go.Figure:
    sums = (
        apps.assign(key=apps[group].fillna("").astype(str))
        .groupby("key")[["effort_days_low", "effort_days_high", "effort_points"]]
        .sum()
        .reindex(order)
        .fillna(0)
    )
    names = [text(g) for g in order]
    low = sums["effort_days_low"].round(1).tolist()
    spread = (sums["effort_days_high"] - sums["effort_days_low"]).clip(lower=0).round(1).tolist()
    hover = [
        f"{text(g)}: {lo:g}–{hi:g} person-days, {pts:g} story points"
        for g, lo, hi, pts in zip(
            order, low, sums["effort_days_high"].round(1), sums["effort_points"].round(1), strict=True
        )
    ]
    colours = group_colours(apps, group)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=names,
            y=low,
            name="low estimate",
            marker={"color": [colours.get(g, UNKNOWN_COLOUR) for g in order]},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=names,
            y=spread,
            name="up to the high estimate",
            marker={"color": [colours.get(g, UNKNOWN_COLOUR) for g in order], "opacity": 0.35},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    return fig


def _effort_points(
    portfolio: PortfolioLike, apps: pd.DataFrame, group: str, order: list[str]
) -> go.Figure | None:
    findings = findings_frame(portfolio)
    costly = {s.value for s in _COST_SEVERITIES}
    findings = findings[
        (findings["dimension"] == Dimension.CONTAINERIZATION.value) & findings["severity"].isin(costly)
    ]
    if findings.empty:
        return None
    groups = apps.set_index("app")[group].fillna("").astype(str)
    findings = findings.assign(group=findings["app"].map(groups))
    table = findings.groupby(["group", "category"])["effort"].sum().reset_index()
    palette = qualitative.Set2
    fig = go.Figure()
    for i, category in enumerate(sorted(table["category"].unique())):
        effort = table[table["category"] == category].set_index("group")["effort"].reindex(order).fillna(0)
        fig.add_trace(
            go.Bar(
                x=[text(g) for g in order],
                y=effort.astype(int).tolist(),
                name=text(category),
                marker={"color": palette[i % len(palette)]},
                hovertemplate="%{x}<br>" + text(category) + ": %{y} points<extra></extra>",
            )
        )
    return fig


# --------------------------------------------------------------------------- one app


def score_waterfall(
    assessment: Assessment, dimension: Dimension | str = Dimension.CONTAINERIZATION
) -> go.Figure:
    """What moved one score: the base, each contribution (worst first as scored), the result."""
    result = assessment.score(dimension)
    name = Dimension(dimension).value
    if result is None:
        return _empty(f"{name} score", f"{text(assessment.app)} has no {name} score")
    labels = ["base", *(text(c.source) for c in result.contributions), "score"]
    values = [result.base, *(c.points for c in result.contributions), result.score]
    measures = ["absolute", *("relative" for _ in result.contributions), "total"]
    hovers = [
        f"base {result.base:g}",
        *(text(c.reason) for c in result.contributions),
        f"{round(result.score, 1) + 0.0:g} ({text(result.band)})",
    ]
    running = [result.base]
    for c in result.contributions:
        running.append(running[-1] + c.points)
    lowest, highest = min(running), max(running)
    fig = go.Figure(
        go.Waterfall(
            x=labels,
            y=values,
            measure=measures,
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            text=[
                f"{v:+.1f}" if m == "relative" else str(round(v))
                for v, m in zip(values, measures, strict=True)
            ],
            textposition="outside",
            decreasing={"marker": {"color": "#d73027"}},
            increasing={"marker": {"color": "#1a9850"}},
            totals={"marker": {"color": "#4575b4"}},
            connector={"line": {"color": "#bdbdbd"}},
        )
    )
    fig.update_layout(
        title=f"{text(assessment.app)}: {name} {round(result.score)} ({text(result.band)})",
        template=_TEMPLATE,
        yaxis={"range": [min(0.0, lowest - 10), max(105.0, highest + 10)], "title": "score"},
        xaxis={"tickangle": -30},
        showlegend=False,
    )
    return fig


def findings_by_category(assessment: Assessment) -> go.Figure:
    """Findings per category, stacked by severity."""
    if not assessment.findings:
        return _empty(f"{text(assessment.app)}: findings", "no findings")
    findings = findings_frame(assessment)
    table = findings.groupby(["category", "severity"]).size().rename("n").reset_index()
    order = findings.groupby("category").size().sort_values().index.tolist()
    fig = go.Figure()
    for severity in Severity:
        counts = (
            table[table["severity"] == severity.value].set_index("category")["n"].reindex(order).fillna(0)
        )
        if counts.sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                y=[text(c) for c in order],
                x=counts.astype(int).tolist(),
                name=severity.value,
                orientation="h",
                marker={"color": SEVERITY_COLOURS[severity.value]},
            )
        )
    fig.update_layout(
        title=f"{text(assessment.app)}: findings by category",
        template=_TEMPLATE,
        barmode="stack",
        xaxis={"title": "findings"},
        height=max(280, 80 + 28 * len(order)),
    )
    return fig


def graph_figure(
    graph: nx.Graph,
    *,
    title: str,
    group: str = "group",
    weight: str = "weight",
    seed: int = 7,
) -> go.Figure:
    """Draw a networkx graph: nodes coloured by their ``group`` attribute, edges by ``weight``.

    Node labels and hover come from the node name and its ``label``/``kind`` attributes (escaped).
    The layout is a seeded spring layout, so the same graph draws the same way.
    """
    if graph.number_of_nodes() == 0:
        return _empty(title, "nothing to draw")
    positions = nx.spring_layout(graph, seed=seed, weight=weight)
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for a, b in graph.edges():
        edge_x += [positions[a][0], positions[b][0], None]
        edge_y += [positions[a][1], positions[b][1], None]
    fig = go.Figure(
        go.Scatter(
            x=edge_x,
            y=edge_y,
            mode="lines",
            line={"width": 0.8, "color": "#bdbdbd"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    groups: dict[str, list[Any]] = {}
    for node, attrs in graph.nodes(data=True):
        groups.setdefault(str(attrs.get(group, "")), []).append(node)
    palette = qualitative.Bold
    for i, (name, nodes) in enumerate(sorted(groups.items())):
        fig.add_trace(
            go.Scatter(
                x=[positions[n][0] for n in nodes],
                y=[positions[n][1] for n in nodes],
                mode="markers+text",
                name=text(name or "(none)"),
                text=[text(graph.nodes[n].get("label", n)) for n in nodes],
                textposition="top center",
                textfont={"size": 9},
                customdata=[[str(n)] for n in nodes],
                hovertext=[
                    f"<b>{text(n)}</b><br>{text(graph.nodes[n].get('kind', ''))} in {text(name or '(none)')}"
                    for n in nodes
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={
                    "size": 12,
                    "color": UNKNOWN_COLOUR if not name else palette[i % len(palette)],
                    "symbol": [
                        "square" if graph.nodes[n].get("kind") == "table" else "circle" for n in nodes
                    ],
                    "line": {"width": 1, "color": "#424242"},
                },
            )
        )
    fig.update_layout(
        title=title,
        template=_TEMPLATE,
        xaxis={"visible": False},
        yaxis={"visible": False},
        hovermode="closest",
        legend={"title": {"text": group}},
    )
    return fig


def _short(unit: str) -> str:
    for separator in ("\\", "."):
        if separator in unit:
            return unit.rsplit(separator, 1)[-1]
    return unit.rsplit("/", 1)[-1]


def data_access_graph(assessment: Assessment) -> nx.Graph:
    """Code units and the tables they read or write, one edge per (unit, table)."""
    graph = nx.Graph()
    for access in assessment.data.accesses:
        graph.add_node(access.unit, kind="unit", label=_short(access.unit), group="")
        graph.add_node(f"table:{access.table}", kind="table", label=access.table, group="tables")
        previous = graph.get_edge_data(access.unit, f"table:{access.table}", {"weight": 0})["weight"]
        graph.add_edge(access.unit, f"table:{access.table}", weight=previous + 1)
    return graph


def decomposition_graph(assessment: Assessment) -> nx.Graph:
    """Code units (grouped by candidate service) and their tables, from the decomposition.

    Edges are the stored static dependencies and data-affinity edges between units, and unit →
    table edges from the data access records. Empty when the assessment has no decomposition.
    """
    graph = nx.Graph()
    decomposition = assessment.decomposition
    if decomposition is None:
        return graph
    owner: dict[str, str] = {}
    for service in decomposition.services:
        for unit in service.units:
            graph.add_node(unit, kind="unit", label=_short(unit), group=service.name)
        for table in service.owned_tables:
            owner[table] = service.name
    for unit in decomposition.unplaced:
        graph.add_node(unit, kind="unit", label=_short(unit), group="")

    def connect(a: str, b: str, weight: float) -> None:
        previous = graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        graph.add_edge(a, b, weight=previous + weight)

    for a, b, weight in (*decomposition.static_edges, *decomposition.data_edges):
        if a in graph and b in graph and a != b:
            connect(a, b, weight)
    for access in assessment.data.accesses:
        if access.unit in graph:
            node = f"table:{access.table}"
            graph.add_node(
                node, kind="table", label=access.table, group=owner.get(access.table, "shared tables")
            )
            connect(access.unit, node, 1.0)
    return graph


def dependency_graph(assessment: Assessment) -> go.Figure:
    """The app's code units and tables, units coloured by candidate service.

    Without decomposition results, the units and the tables they read or write.
    """
    title = f"{text(assessment.app)}: candidate services"
    graph = decomposition_graph(assessment)
    if graph.number_of_nodes() == 0:
        graph = data_access_graph(assessment)
        title = f"{text(assessment.app)}: code units and data"
    if graph.number_of_nodes() == 0:
        return _empty(title, "no decomposition or data access results for this app")
    fig = graph_figure(graph, title=title)
    fig.update_layout(legend={"title": {"text": "candidate service"}}, height=600)
    return fig


def candidate_costs(assessment: Assessment) -> go.Figure:
    """What cutting out each candidate service costs: dependencies crossing its border (weight),
    tables it shares, transactions the cut would distribute."""
    title = f"{text(assessment.app)}: cost of each cut"
    decomposition = assessment.decomposition
    if decomposition is None or not decomposition.services:
        return _empty(title, "no candidate services")
    names = [text(s.name) for s in decomposition.services]
    crossing = [round(sum(w for _, _, w in (*s.calls_in, *s.calls_out)), 2) for s in decomposition.services]
    shared = [len(s.shared_tables) for s in decomposition.services]
    distributed = [len(s.distributed) for s in decomposition.services]
    fig = go.Figure(
        [
            go.Bar(
                x=names, y=crossing, name="dependency weight crossing the border", marker={"color": "#4575b4"}
            ),
            go.Bar(x=names, y=shared, name="shared tables", marker={"color": "#fdae61"}),
            go.Bar(x=names, y=distributed, name="distributed transactions", marker={"color": "#d73027"}),
        ]
    )
    fig.update_layout(
        title=title,
        template=_TEMPLATE,
        barmode="group",
        xaxis={"title": "candidate service"},
        yaxis={"title": "cost (lower is an easier cut)"},
    )
    return fig


def portfolio_figures(data: PortfolioLike, *, apps: pd.DataFrame | None = None) -> dict[str, go.Figure]:
    """The portfolio charts keyed by name (quadrant, heatmap, treemap, effort).

    ``apps`` is the portfolio's :func:`apps_frame` when already made; then ``data`` needs only
    the containerization findings that cost something and the score contributions.
    """
    portfolio = as_portfolio(data)
    apps = apps_frame(portfolio) if apps is None else apps
    return {
        "quadrant": quadrant(apps),
        "heatmap": blockers_heatmap(portfolio),
        "treemap": treemap(apps),
        "effort": effort_by_path(portfolio, apps=apps),
    }


def app_figures(assessment: Assessment) -> dict[str, go.Figure]:
    """The per-app charts keyed by name (waterfall per dimension, categories, graph)."""
    figures = {
        f"waterfall_{s.dimension.value}": score_waterfall(assessment, s.dimension) for s in assessment.scores
    }
    figures["categories"] = findings_by_category(assessment)
    if assessment.decomposition is not None and assessment.decomposition.services:
        figures["graph"] = dependency_graph(assessment)
        figures["cuts"] = candidate_costs(assessment)
    elif assessment.data.accesses:
        figures["graph"] = dependency_graph(assessment)
    return figures


__all__: Sequence[str] = (
    "app_figures",
    "blockers_heatmap",
    "bubble_sizes",
    "candidate_costs",
    "colour_column",
    "data_access_graph",
    "decomposition_graph",
    "dependency_graph",
    "effort_by_path",
    "findings_by_category",
    "graph_figure",
    "portfolio_figures",
    "quadrant",
    "score_waterfall",
    "text",
    "treemap",
)
