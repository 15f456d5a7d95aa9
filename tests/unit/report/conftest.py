"""Fixtures for the report tests: the bundled samples assessed as a real portfolio run."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.cli import main
from assess.report.frames import Portfolio, load_portfolio

SAMPLES = Path(__file__).resolve().parents[3] / "sample_repos"


@pytest.fixture(scope="session")
def portfolio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``assess portfolio sample_repos -o OUT``, run once per test session (per worker)."""
    out = tmp_path_factory.mktemp("portfolio") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSESS_CACHE_DIR", str(tmp_path_factory.mktemp("assess-cache")))
        assert main(["portfolio", str(SAMPLES), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def portfolio(portfolio_dir: Path) -> Portfolio:
    return load_portfolio(portfolio_dir)
