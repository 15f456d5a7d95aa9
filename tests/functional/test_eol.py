"""End-of-life runtimes and frameworks come from the dated table in rubrics/eol.yaml: a finding
appears only once the table's end-of-life day has passed on the scan date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import yaml

from assess import scan
from assess.analyzers.eol import default_eol_path
from assess.config import ScanConfig

APP = {
    "runtime.txt": "python-3.8.18\n",
    "requirements.txt": "requests==2.31.0\nDjango==3.2.25\n",
    "shop/views.py": "def index(request):\n    return None\n",
}
DAY = timedelta(days=1)


def _cycle_end(kind: str, name: str, cycle: str) -> date:
    table = yaml.safe_load(default_eol_path().read_text(encoding="utf-8"))
    entry = next(e for e in table[kind] if e.get(kind.rstrip("s")) == name)
    return next(c["eol"] for c in entry["cycles"] if c["cycle"] == cycle)


def _eol(app: Path, as_of: date) -> list[tuple[str, str, int]]:
    found = scan(app, ScanConfig(as_of=as_of)).findings
    return sorted((f.rule_id, f.file, f.line) for f in found if f.rule_id.startswith("eol-"))


def test_runtime_and_framework_are_reported_only_after_their_end_of_life(
    make_app: Callable[..., Path],
) -> None:
    app = make_app(APP)
    python_end = _cycle_end("runtimes", "python", "3.8")
    django_end = _cycle_end("frameworks", "django", "3.2")
    assert django_end < python_end  # the table's own dates order the three scans below
    assert _eol(app, django_end - DAY) == []
    assert _eol(app, django_end + DAY) == [("eol-framework", "requirements.txt", 2)]
    assert _eol(app, python_end + DAY) == [
        ("eol-framework", "requirements.txt", 2),
        ("eol-runtime", "runtime.txt", 1),
    ]


def test_a_supported_release_is_never_reported(make_app: Callable[..., Path]) -> None:
    app = make_app({**APP, "runtime.txt": "python-3.12.4\n", "requirements.txt": "Django==5.2.1\n"})
    assert _eol(app, date(2026, 11, 25)) == []
