"""Every notebook under notebooks/ runs top to bottom in a real kernel, against the bundled samples."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from assess.report.frames import apps_frame

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def _text(notebook: nbformat.NotebookNode) -> str:
    parts: list[str] = []
    for output in _outputs(notebook):
        if output.output_type == "stream":
            parts.append(output.text)
        for value in output.get("data", {}).values():
            parts.append(value if isinstance(value, str) else str(value))
    return "\n".join(parts)


def test_the_three_notebooks_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01-quickstart.ipynb",
        "02-portfolio-triage.ipynb",
        "03-decomposition.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    assert "widgets" not in notebook.metadata


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of notebooks/ next to the samples, so runs write nothing into the checkout."""
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / "sample_repos").symlink_to(ROOT / "sample_repos", target_is_directory=True)
    return tmp_path / "notebooks"


def _run(workspace: Path, name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(workspace / name, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(workspace)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    assert not [o for o in _outputs(notebook) if o.output_type == "error"]
    return notebook


def test_quickstart_runs(workspace: Path) -> None:
    notebook = _run(workspace, "01-quickstart.ipynb")
    text = _text(notebook)
    assert "spring-monolith" in text
    assert "flask-12factor" in text  # from %assess
    assert "application/vnd.plotly.v1+json" in {k for o in _outputs(notebook) for k in o.get("data", {})}


def test_portfolio_triage_runs(workspace: Path) -> None:
    notebook = _run(workspace, "02-portfolio-triage.ipynb")
    out = workspace / "assess-out"
    assert (out / "shortlist.csv").is_file()
    assert (out / "dashboard-selection.csv").is_file()
    assert (out / "report.html").stat().st_size > 1_000_000
    kinds = {k for o in _outputs(notebook) for k in o.get("data", {})}
    assert "application/vnd.jupyter.widget-view+json" in kinds
    # the manifest's business context reached the outputs
    apps = apps_frame(out)
    assert set(apps["business_unit"]) == {"Claims", "Digital", "Finance", "Marketing"}
    assert set(apps["criticality"]) <= {"low", "medium", "high", "critical"}


def test_decomposition_runs(workspace: Path) -> None:
    notebook = _run(workspace, "03-decomposition.ipynb")
    text = _text(notebook)
    assert "units" in text and "cut_weight" in text
