"""Reading a file's variable types and assignments only when its calls are resolved changes nothing:
the data model of every sample app is the same as when every file's details are read up front."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.analyzers.data import DataAnalysis, DataResult
from assess.parse import parse_code
from assess.source import open_snapshot
from assess.source.languages import CODE_LANGUAGES
from tests.unit.analyzers.data_support import MakeApp

SAMPLES = Path(__file__).resolve().parents[3] / "sample_repos"


def _analysis(root: Path, *, lazy: bool) -> tuple[DataResult, int]:
    """The data analysis of ``root`` and how many files' texts were read a second time."""
    snapshot = open_snapshot(root)
    facts = {
        f.path: parse_code(f.path, f.language, snapshot.read_bytes(f.path))
        for f in snapshot.files
        if f.language in CODE_LANGUAGES
    }
    reread: list[str] = []

    def reader(path: str) -> str:
        reread.append(path)
        return snapshot.read_text(path)

    analysis = DataAnalysis(reader=reader if lazy else None)
    for file in snapshot.files:
        analysis.add(file.path, file.language, snapshot.read_text(file.path), facts.get(file.path))
    return analysis.finish(facts), len(reread)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_lazy_details_give_the_same_data_model(sample: str) -> None:
    eager, _ = _analysis(SAMPLES / sample, lazy=False)
    lazy, _ = _analysis(SAMPLES / sample, lazy=True)
    assert lazy.model == eager.model
    assert lazy.findings == eager.findings
    assert lazy.errors == eager.errors == ()


def test_details_are_read_only_for_files_whose_calls_can_reach_a_model(make_app: MakeApp) -> None:
    root = make_app(
        {
            "app/models.py": (
                "from django.db import models\n\n"
                "class Invoice(models.Model):\n"
                "    total = models.IntegerField()\n"
            ),
            "app/views.py": (
                "from app.models import Invoice\n\n"
                "def pay(pk):\n"
                "    invoice = Invoice.objects.get(pk=pk)\n"
                "    invoice.save()\n"
            ),
            "web/chart.js": "const points = Array.from(data).map((p) => p * 2);\nexport default points;\n",
            "web/util.js": "export function sum(xs) { return xs.reduce((a, b) => a + b, 0); }\n",
        }
    )
    eager, _ = _analysis(root, lazy=False)
    lazy, reread = _analysis(root, lazy=True)
    assert lazy.model == eager.model
    assert {(a.table, a.mode) for a in lazy.model.accesses} >= {
        ("app_invoice", "read"),
        ("app_invoice", "write"),
    }
    # the two Python files can reach the Django model; the JavaScript has no model to reach
    assert reread == 2
