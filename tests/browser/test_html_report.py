"""The standalone HTML report in a real browser, offline: charts render, the table filters and
sorts, app pages open (from the table and from the quadrant), hostile text stays text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assess.cli import main
from assess.report.frames import apps_frame, load_portfolio
from tests.unit.report.xss import HOSTILE_FILE, HOSTILE_NAME, make_hostile_app

from .conftest import ROOT

MANIFEST = ROOT / "notebooks" / "portfolio.csv"


def _build(inputs: list[str], out: Path) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSESS_CACHE_DIR", str(out.parent / "cache"))
        assert main(["portfolio", *inputs, "-o", str(out)]) == 0
    target = out / "shared-report.html"
    assert main(["report", str(out), "--html", str(target)]) == 0
    return target


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the samples with their business context, as the triage notebook assesses them
    return _build(["--manifest", str(MANIFEST)], tmp_path_factory.mktemp("report") / "out")


def _open_offline(page: Any, report: Path) -> list[str]:
    """Open the report with every non-file request blocked, and return what was requested."""
    outside: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(report.as_uri())
    return outside


def _visible_rows(page: Any) -> int:
    return int(page.locator("#assess-apps tbody tr:visible").count())


def test_report_renders_filters_sorts_and_opens_app_pages(
    page: Any, sample_report: Path, shots: Path
) -> None:
    apps = apps_frame(load_portfolio(sample_report.parent))
    outside = _open_offline(page, sample_report)

    # charts render: one bubble per app, heatmap, treemap tiles, effort bars
    page.wait_for_selector("#chart-quadrant .scatterlayer path.point")
    assert page.locator("#chart-quadrant .scatterlayer path.point").count() == len(apps)
    assert page.locator("#chart-heatmap .hm, #chart-heatmap .heatmaplayer image").count() >= 1
    assert page.locator("#chart-treemap .treemaplayer path").count() >= len(apps)
    assert page.locator("#chart-effort .barlayer path").count() >= 1
    assert page.locator("#assess-apps th[data-key=business_unit]").count() == 1
    page.screenshot(path=str(shots / "report.png"))  # the README's picture (docs/images)
    page.screenshot(path=str(shots / "report-overview.png"), full_page=True)

    # the table filters
    assert _visible_rows(page) == len(apps)
    page.fill("#assess-search", "java")
    expected = sum(
        "java" in " ".join(map(str, row)).lower() for row in apps[["app", "languages", "frameworks"]].values
    )
    page.wait_for_function(
        f"document.querySelectorAll('#assess-apps tbody tr:not([hidden])').length === {expected}"
    )
    assert page.text_content("#assess-shown") == f"{expected} of {len(apps)} apps"
    page.fill("#assess-search", "")
    band = str(apps["containerization_band"].iloc[0])
    page.select_option("#assess-band", band)
    in_band = int((apps["containerization_band"] == band).sum())
    assert _visible_rows(page) == in_band
    page.select_option("#assess-band", "")
    assert _visible_rows(page) == len(apps)
    unit = str(apps["business_unit"].iloc[0])
    page.select_option("#assess-unit", unit)
    assert _visible_rows(page) == int((apps["business_unit"] == unit).sum()) < len(apps)
    page.select_option("#assess-unit", "")
    assert _visible_rows(page) == len(apps)

    # and sorts by score
    page.click("#assess-apps th[data-key=containerization_score]")
    first = page.locator("#assess-apps tbody tr").first.get_attribute("data-page")
    lowest = apps.sort_values("containerization_score").iloc[0]["app"]
    assert page.locator(f"#{first} h1").text_content() == lowest

    # an app page opens from the table, with its charts and findings
    page.click("#assess-apps a:text-is('spring-monolith')")
    section = page.locator("section.assess-app:visible")
    assert section.locator("h1").text_content() == "spring-monolith"
    section.locator(".js-plotly-plot .waterfalllayer").first.wait_for()
    spring = apps.set_index("app").loc["spring-monolith"]
    assert section.locator("tr.assess-finding").count() == spring["findings"]
    page.screenshot(path=str(shots / "report-app.png"), full_page=True)

    # back to the overview, and into an app by clicking its bubble in the quadrant
    page.click("header a[href='#overview']")
    page.wait_for_selector("#overview:visible")
    point = page.locator("#chart-quadrant .scatterlayer path.point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("section.assess-app:visible")
    assert page.locator("section.assess-app:visible h1").text_content() in set(apps["app"])

    assert outside == []
    assert page.problems == []


def test_hostile_names_and_snippets_show_as_text(
    page: Any, tmp_path_factory: pytest.TempPathFactory, shots: Path
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    make_hostile_app(folder / HOSTILE_NAME)
    report = _build([str(folder)], folder.parent / "hostile-out")
    outside = _open_offline(page, report)
    page.wait_for_selector("#chart-quadrant .scatterlayer path.point")
    assert page.locator("#assess-apps tbody a").text_content() == HOSTILE_NAME
    page.locator("#assess-apps tbody a").click()
    section = page.locator("section.assess-app:visible")
    assert section.locator("h1").text_content() == HOSTILE_NAME
    where = section.locator("td.assess-where code")
    assert HOSTILE_FILE + ":4" in where.all_text_contents()
    snippets = section.locator("code.assess-snippet").all_text_contents()
    assert "with open('/var/data/</script><script>alert(2)</script>.txt', 'w') as f:" in snippets
    page.screenshot(path=str(shots / "report-hostile.png"), full_page=True)
    # nothing ran, nothing was injected
    assert page.dialogs == []
    assert page.locator("img, b[onmouseover]").count() == 0
    # plotly.js, the data, the page's script, and the one app page's chart data: nothing injected
    assert page.evaluate("document.scripts.length") == 4
    assert outside == []
    assert page.problems == []
