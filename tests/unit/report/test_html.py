"""The standalone HTML report: self-contained, complete, and inert to hostile repository text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from plotly.offline import get_plotlyjs

from assess.cli import main
from assess.pipeline import scan
from assess.report.frames import Portfolio
from assess.report.html import (
    REPORT_FILE,
    assessment_html,
    dumps_json,
    generated_at,
    render_report,
    write_portfolio_report,
)
from tests.html_support import Page

from .xss import HOSTILE_FILE, HOSTILE_MARKERS, HOSTILE_NAME, make_hostile_app


def _data(page: Page) -> dict[str, object]:
    index = [attrs.get("id") for tag, attrs in page.tags if tag == "script"].index("assess-data")
    return json.loads(page.scripts[index])  # type: ignore[no-any-return]


def _app_figures(page: Page) -> dict[str, dict[str, Any]]:
    """Each app page's chart data (a JSON block inside the page's section), by page id."""
    blocks: dict[str, dict[str, Any]] = {}
    section = ""
    scripts = iter(page.scripts)
    for tag, attrs in page.tags:
        if tag == "section":
            section = attrs.get("id") or ""
        if tag == "script":
            text = next(scripts)
            if attrs.get("class") == "assess-figures":
                blocks[section] = json.loads(text)
    return blocks


@pytest.fixture(scope="module")
def sample_report(portfolio: Portfolio) -> str:
    return render_report(portfolio)


def test_the_report_is_self_contained(sample_report: str) -> None:
    page = Page(sample_report)
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    # plotly.js, the data, the page's own script, and one block of chart data per app page
    code = [attrs for attrs in scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2
    assert len(scripts) == 2 + 1 + sample_report.count('class="assess-figures"')
    assert all("src" not in attrs for attrs in scripts)
    assert not [tag for tag, _ in page.tags if tag in ("link", "iframe", "object", "embed", "img")]
    for _, attrs in page.tags:
        for name in ("src", "href", "action"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)
    # plotly.js is inlined exactly once
    assert sample_report.count(get_plotlyjs()[:300]) == 1
    assert "default-src 'none'" in sample_report


def test_the_report_has_the_overview_charts_a_table_row_and_a_page_per_app(
    portfolio: Portfolio, sample_report: str
) -> None:
    page = Page(sample_report)
    data = _data(page)
    figures = data["figures"]
    assert isinstance(figures, dict)
    assert {"quadrant", "heatmap", "treemap", "effort"} <= set(figures)
    # the layout template (most of a figure's JSON) is carried once, not per figure
    assert isinstance(data["template"], dict) and "layout" in data["template"]
    assert not [key for key, fig in figures.items() if "template" in fig["layout"]]
    pages = data["pages"]
    assert isinstance(pages, dict) and set(pages) == set(portfolio.apps)
    section_ids = {attrs.get("id") for tag, attrs in page.tags if tag == "section"}
    rows = [attrs for tag, attrs in page.tags if tag == "tr" and "data-page" in attrs]
    assert {r["data-page"] for r in rows} == set(pages.values())
    app_figures = _app_figures(page)
    for app, page_id in pages.items():
        assert page_id in section_ids
        assert "waterfall_containerization" in app_figures[page_id]
        assert not [key for key, fig in app_figures[page_id].items() if "template" in fig["layout"]]
        assert app in page.text
    quadrant_apps = {cd[0] for trace in figures["quadrant"]["data"] for cd in trace["customdata"]}
    assert quadrant_apps == set(portfolio.apps)


def test_every_finding_is_on_its_app_page_with_file_line_and_snippet(
    portfolio: Portfolio, sample_report: str
) -> None:
    text = "".join(Page(sample_report).text)
    for assessment in portfolio.assessments:
        for finding in assessment.findings:
            assert f"{finding.file}:{finding.line}" in text if finding.line else finding.file in text
            assert finding.snippet in text


def test_hostile_repository_text_is_shown_as_text(tmp_path: Path) -> None:
    root = make_hostile_app(tmp_path / "app")
    assessment = scan(root, name=HOSTILE_NAME)
    assert any(f.file == HOSTILE_FILE for f in assessment.findings)
    document = render_report(assessment)
    page = Page(document)

    assert len(page.scripts) == 4  # plotly.js, the data, the page's script, the app's chart data
    for tag, attrs in page.tags:
        assert tag != "img", (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
    text = "".join(page.text)
    assert HOSTILE_FILE in text
    assert "with open('/var/data/</script><script>alert(2)</script>.txt', 'w') as f:" in text
    assert HOSTILE_NAME in text
    data_block = page.scripts[[a.get("id") for t, a in page.tags if t == "script"].index("assess-data")]
    assert "<" not in data_block and "</script" not in data_block.lower()
    app_block = page.scripts[[a.get("class") for t, a in page.tags if t == "script"].index("assess-figures")]
    assert "<" not in app_block and json.loads(app_block)
    # the data survives the escaping intact
    assert _data(page)["pages"] == {HOSTILE_NAME: "app-0"}
    for marker in HOSTILE_MARKERS:
        assert marker in document


def test_the_notebook_card_escapes_too(tmp_path: Path) -> None:
    assessment = scan(make_hostile_app(tmp_path / "app"), name=HOSTILE_NAME)
    page = Page(assessment_html(assessment))
    assert page.scripts == []
    assert not [t for t, _ in page.tags if t in ("img", "script")]
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert HOSTILE_FILE in "".join(page.text)


def test_dumps_json_is_safe_inside_a_script_element() -> None:
    value = {"a": "</script><!-- & \u2028"}
    text = dumps_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_cli_writes_the_report(portfolio_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "shared" / "report.html"
    assert main(["report", str(portfolio_dir), "--html", str(target)]) == 0
    assert target.stat().st_size > 1_000_000  # plotly.js inlined
    assert "Portfolio overview" in target.read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing")]) == 2


def test_write_portfolio_report_defaults_to_the_output_folder(portfolio_dir: Path, tmp_path: Path) -> None:
    written = write_portfolio_report(portfolio_dir, tmp_path / REPORT_FILE)
    assert written.is_file()


def test_an_empty_portfolio_still_renders() -> None:
    document = render_report(Portfolio(()))
    assert "0 apps" in document


_RENDER = (
    "import sys\n"
    "from assess.report.html import render_report\n"
    "sys.stdout.buffer.write(render_report(sys.argv[1]).encode('utf-8'))\n"
)


def test_the_same_portfolio_renders_to_the_same_bytes(
    portfolio_dir: Path,
    portfolio: Portfolio,
    sample_report: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two runs of one portfolio (say local and Dask) must give identical reports: no clock time,
    # no random ids, no set or hash order. Render again here, and in fresh interpreters with
    # different hash seeds from two copies of the output folder.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert render_report(portfolio) == sample_report
    copy = shutil.copytree(portfolio_dir, tmp_path / "elsewhere")
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _RENDER, str(folder)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
        )
        for folder, seed in ((portfolio_dir, "1"), (copy, "2"))
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0] == outputs[1] == sample_report.encode("utf-8")
    assert datetime.now(UTC).strftime("%Y-%m-%d") not in sample_report


def test_a_build_date_comes_only_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert generated_at() == ""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert generated_at() == "2023-11-14 22:13 UTC"
    assert "generated 2023-11-14 22:13 UTC by assess" in render_report(Portfolio(()))


def test_a_folder_report_with_an_unreadable_assessment_lists_it_and_shows_the_rest(
    portfolio_dir: Path, portfolio: Portfolio, tmp_path: Path
) -> None:
    # The report of a folder is streamed, one app at a time: a damaged JSON file becomes a
    # "not assessed" row, and every other app still gets its table row and page.
    copy = shutil.copytree(portfolio_dir, tmp_path / "out")
    damaged = sorted((copy / "json").glob("*.json"))[0]
    damaged.write_text('{"app": "half a file', encoding="utf-8")
    target = write_portfolio_report(copy)
    page = Page(target.read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert f"cannot read {damaged.name}" in text
    shown = set(_data(page)["pages"])  # type: ignore[arg-type]
    assert len(shown) == len(portfolio) - 1
    assert shown < set(portfolio.apps)
    assert len(_app_figures(page)) == len(shown)
