"""Promise 8: no markup injection.

One app puts an ``<img src=x onerror=alert(FIELD)>`` payload into every field it controls: its
name (a portfolio id), a folder name, code lines that become snippets, a dependency name, a
line that becomes an error message, a table name (in DDL and in a query), the start command, the
runtime version, a skipped file's name and a business metadata value. Every output that renders
HTML (the standalone report, the notebook card and drill-down sections, every chart, the
dashboard widgets, data frames) must show those payloads as text: no element or event handler
from them, nothing raw inside a script, and plotly labels escaped (plotly renders tags in them).
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assess.report import charts
from assess.report.frames import Portfolio, apps_frame, load_portfolio
from assess.report.html import app_sections, assessment_html
from assess.report.notebook import assessment_mimebundle
from tests.conftest import write_tree
from tests.html_support import Page
from tests.safety.support import cli

FIELDS = ("app", "file", "snippet", "dep", "error", "table", "start", "version", "skipped", "meta")


def payload(field: str) -> str:
    return f"<img src=x onerror=alert({field})>"


def marker(field: str) -> str:
    return f"alert({field})"


def make_app(root: Path) -> Path:
    p = payload
    write_tree(
        root,
        {
            f"{p('file')}/handler.py": "import os\nopen('/var/data/out.txt', 'w')\n",
            "main.py": f"import os\nopen('/var/data/{p('snippet')}.txt', 'w')\n",
            "repo.py": f"def load(cur):\n    cur.execute('SELECT id FROM \"{p('table')}\" WHERE id = 1')\n",
            "db/schema.sql": f'CREATE TABLE "{p("table")}" (id INT PRIMARY KEY);\n',
            "package.json": '{"name": "web", "dependencies": {"' + p("dep") + '": "1.0.0"}}\n',
            "requirements.txt": f"flask==3.0.0\n{p('error')}\n",
            "Procfile": f"web: gunicorn main:app --name {p('start')}\n",
            ".python-version": f"3.11 {p('version')}\n",
            f"{p('skipped')}.py": b"\x00\x01 binary",
        },
    )
    return root


def injected(document: str) -> list[str]:
    """Markup from the payloads that a browser would act on (empty: inert)."""
    page = Page(document)
    problems = [f"<{tag}> element" for tag, _ in page.tags if tag == "img"]
    problems += [f"{name} on <{tag}>" for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    problems += ["raw markup in a script" for script in page.scripts if "<img" in script]
    return problems


def shown(document: str) -> set[str]:
    """The fields whose payload the document shows (as text or data)."""
    text = html.unescape(document)
    return {field for field in FIELDS if marker(field) in text}


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


_DATA_ONLY = {"customdata": "%{customdata", "ids": "%{id"}
"""Trace keys plotly never renders unless a template names them (they carry ids for clicks)."""


def figure_problems(name: str, figure: Any) -> tuple[list[str], set[str]]:
    """Raw payloads in what a plotly figure renders (plotly renders tags in labels), and the fields
    it shows."""
    data = json.loads(figure.to_json())
    texts = list(strings(data.get("layout", {})))
    for trace in data.get("data", []):
        templates = " ".join(strings({k: v for k, v in trace.items() if "template" in k}))
        for key, value in trace.items():
            if key in _DATA_ONLY and _DATA_ONLY[key] not in templates:
                continue
            texts.extend(strings(value))
    raw = [f"{name}: {text[:80]!r}" for text in texts if "<img" in text]
    return raw, {field for field in FIELDS if any(marker(field) in html.unescape(t) for t in texts)}


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Portfolio, Path]:
    base = tmp_path_factory.mktemp("markup")
    app = make_app(base / "app")
    manifest = base / "apps.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "source", "owner", "business_unit"])
        writer.writerow([payload("app"), str(app), payload("meta"), payload("meta")])
    out = base / "out"
    cli(["portfolio", "-m", str(manifest), "-o", str(out), "-w", "1", "--no-parquet"])
    return load_portfolio(out), out


def test_the_html_report_shows_every_field_as_text(portfolio: tuple[Portfolio, Path]) -> None:
    _data, out = portfolio
    document = (out / "report.html").read_text(encoding="utf-8")
    assert injected(document) == []
    assert {"app", "file", "snippet", "error", "start", "skipped"} <= shown(document)


def test_notebook_card_sections_and_mimebundle_show_every_field_as_text(
    portfolio: tuple[Portfolio, Path],
) -> None:
    data, _out = portfolio
    assessment = data.assessments[0]
    documents = {
        "_repr_html_": assessment._repr_html_(),
        "assessment_html": assessment_html(assessment, limit=1000),
        **{f"section {k}": v for k, v in app_sections(data, assessment.app).items()},
        **{f"mimebundle {k}": v for k, v in assessment_mimebundle(assessment).items() if "html" in k},
        "apps frame": apps_frame(data).to_html(),
    }
    assert {name: injected(doc) for name, doc in documents.items() if injected(doc)} == {}
    assert {"app", "file", "snippet", "error", "start"} <= shown(documents["_repr_html_"])
    assert {"app", "file", "snippet", "error", "start"} <= set().union(
        *(shown(v) for k, v in documents.items() if k.startswith("section"))
    )


def test_every_chart_escapes_repository_text(portfolio: tuple[Portfolio, Path]) -> None:
    data, _out = portfolio
    assessment = data.assessments[0]
    figures = {
        **charts.portfolio_figures(data),
        **charts.app_figures(assessment),
        "dependencies": charts.dependency_graph(assessment),
        "candidate costs": charts.candidate_costs(assessment),
        "data access": charts.graph_figure(charts.data_access_graph(assessment), title="data"),
        "decomposition": charts.graph_figure(charts.decomposition_graph(assessment), title="services"),
    }
    raw: list[str] = []
    seen: set[str] = set()
    for name, figure in figures.items():
        problems, fields = figure_problems(name, figure)
        raw += problems
        seen |= fields
    assert raw == []
    assert {"app", "file", "table"} <= seen


def test_the_dashboard_widgets_show_every_field_as_text(portfolio: tuple[Portfolio, Path]) -> None:
    import ipywidgets

    from assess.report.widgets import Dashboard

    data, _out = portfolio
    dashboard = Dashboard(data)
    dashboard.select(data.assessments[0].app)
    documents: list[str] = []
    figures: list[Any] = []

    def walk(widget: Any) -> None:
        if isinstance(widget, ipywidgets.HTML | ipywidgets.HTMLMath):
            documents.append(widget.value)
        if hasattr(widget, "to_json") and hasattr(widget, "data"):
            figures.append(widget)
        for child in getattr(widget, "children", ()) or ():
            walk(child)

    for value in vars(dashboard).values():
        if isinstance(value, ipywidgets.Widget):
            walk(value)
    assert documents
    assert [problem for doc in documents for problem in injected(doc)] == []
    assert {"app", "file", "snippet", "error", "start"} <= set().union(*(shown(doc) for doc in documents))
    for number, figure in enumerate(figures):
        assert figure_problems(f"widget figure {number}", figure)[0] == []
