"""Real-browser fixtures: Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_repos"
SHOTS = ROOT / "test-output" / "browser"
CHROMIUM = os.environ.get("ASSESS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


REQUIRED = os.environ.get("ASSESS_REQUIRE_BROWSER", "") not in ("", "0")
"""In CI (``ASSESS_REQUIRE_BROWSER=1``, set by .ci/run) a missing browser part fails the tests."""


def unavailable(reason: str) -> NoReturn:
    """Skip for lack of ``reason`` on a developer machine; fail when the browser is required."""
    if REQUIRED:
        pytest.fail(f"ASSESS_REQUIRE_BROWSER is set but {reason}", pytrace=False)
    pytest.skip(reason)


def require_module(name: str) -> Any:
    """Import ``name``, or skip (fail in CI) when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        unavailable(f"{name} cannot be imported ({exc}); pip install -e '.[dev]' installs it")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file() and shutil.which("chromium") is None:
        unavailable("Debian's chromium is not installed here (bash .ci/browser-setup.sh installs it)")
    sync_api = require_module("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records console errors, uncaught exceptions and dialogs (alert etc.)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda exc: page.problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
