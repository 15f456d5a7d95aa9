"""Reports of assessments: tidy frames, plotly charts, a notebook dashboard, standalone HTML.

``from assess import report`` and then, for one Assessment, a list of them, a Portfolio or a
portfolio output folder::

    report.apps_frame(data)            # one row per app (also findings_frame, contributions_frame,
                                       # dependencies_frame, data_access_frame, candidates_frame)
    report.quadrant(data)              # plotly figures (see assess.report.charts)
    report.dashboard(data)             # the ipywidgets dashboard (needs the `notebook` extra)
    report.write_html(data, "report.html")

Names are imported on first use, so ``import assess.report`` stays cheap and the optional
notebook packages are only needed by the dashboard.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS: dict[str, str] = {
    # frames
    "Portfolio": "frames",
    "Failure": "frames",
    "load_portfolio": "frames",
    "as_portfolio": "frames",
    "apps_frame": "frames",
    "findings_frame": "frames",
    "contributions_frame": "frames",
    "dependencies_frame": "frames",
    "data_access_frame": "frames",
    "candidates_frame": "frames",
    "decomposition_metrics_frame": "frames",
    "all_frames": "frames",
    # charts
    "quadrant": "charts",
    "blockers_heatmap": "charts",
    "treemap": "charts",
    "effort_by_path": "charts",
    "score_waterfall": "charts",
    "findings_by_category": "charts",
    "dependency_graph": "charts",
    "candidate_costs": "charts",
    "portfolio_figures": "charts",
    "app_figures": "charts",
    # html
    "render_report": "html",
    "write_html": "html",
    "write_portfolio_report": "html",
    "assessment_html": "html",
    # widgets
    "Dashboard": "widgets",
    "dashboard": "widgets",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'assess.report' has no attribute {name!r}")
    return getattr(import_module(f"assess.report.{module}"), name)
