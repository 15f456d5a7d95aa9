"""Rich display of an Assessment and the %assess magic, in a real IPython shell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from assess.model import Assessment
from assess.report.frames import Portfolio
from assess.report.widgets import Dashboard

from .conftest import SAMPLES


@pytest.fixture
def shell() -> Iterator[InteractiveShell]:
    ip = InteractiveShell.instance()
    yield ip
    InteractiveShell.clear_instance()


def test_an_assessment_displays_as_a_card(portfolio: Portfolio) -> None:
    spring = portfolio.get("spring-monolith")
    bundle = spring._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "spring-monolith" in bundle["text/plain"]
    assert "containerization" in bundle["text/plain"]
    html = bundle["text/html"]
    worst = sorted(spring.findings, key=lambda f: list(type(f.severity)).index(f.severity))[0]
    assert f"{worst.file}:{worst.line}" in html
    assert spring._repr_html_() == html


def test_load_ext_registers_the_magic_and_the_formatter(shell: InteractiveShell, portfolio_dir: Path) -> None:
    shell.run_line_magic("load_ext", "assess")
    result = shell.run_line_magic("assess", str(SAMPLES / "flask-12factor"))
    assert isinstance(result, Assessment)
    assert result.app == "flask-12factor"
    data, _ = shell.display_formatter.format(result)
    assert "flask-12factor" in data["text/html"]

    dash = shell.run_line_magic("assess", str(portfolio_dir))
    assert isinstance(dash, Dashboard)
    assert len(dash.filtered) == len(list((portfolio_dir / "json").glob("*.json")))


def test_the_magic_explains_its_usage(shell: InteractiveShell) -> None:
    shell.run_line_magic("load_ext", "assess")
    with pytest.raises(ValueError, match="usage"):
        shell.run_line_magic("assess", "")
