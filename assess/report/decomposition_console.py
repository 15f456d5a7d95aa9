"""Terminal and JSON rendering of one app's decomposition (``assess decompose``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from assess.model import Assessment, Decomposition, Dimension, DimensionScore


@cache
def _adapter() -> TypeAdapter[Decomposition]:
    return TypeAdapter(Decomposition)


@cache
def _score_adapter() -> TypeAdapter[DimensionScore]:
    return TypeAdapter(DimensionScore)


def decomposition_dict(assessment: Assessment) -> dict[str, Any]:
    """The app, its decomposition and its decomposition score, JSON-ready."""
    result = assessment.score(Dimension.DECOMPOSITION)
    return {
        "app": assessment.app,
        "source": assessment.source,
        "commit": assessment.commit,
        "decomposition": (
            _adapter().dump_python(assessment.decomposition, mode="json")
            if assessment.decomposition
            else None
        ),
        "score": _score_adapter().dump_python(result, mode="json") if result else None,
    }


def _list(items: tuple[str, ...], limit: int = 6) -> str:
    if not items:
        return "—"
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit})" if len(items) > limit else "")


def _short(unit: str) -> str:
    return unit.replace("\\", ".").rsplit(".", 1)[-1]


def services_table(decomposition: Decomposition) -> Table:
    """One row per candidate service."""
    table = Table(title=f"Candidate services ({len(decomposition.services)})", title_justify="left")
    table.add_column("Service", style="bold")
    table.add_column("Units", justify="right")
    table.add_column("Lines", justify="right")
    table.add_column("Owns tables")
    table.add_column("Shares tables")
    table.add_column("API (used from other services)")
    table.add_column("Distributed transactions")
    for service in decomposition.services:
        table.add_row(
            service.name,
            str(len(service.units)),
            str(service.code_lines),
            Text(_list(service.owned_tables)),
            Text(_list(service.shared_tables)),
            Text(_list(tuple(_short(u) for u in service.api))),
            Text(_list(service.distributed, 3)),
        )
    return table


def metrics_table(decomposition: Decomposition) -> Table:
    """The metrics of the cut with what a good value looks like."""
    m = decomposition.metrics
    table = Table(title="Metrics of the cut", title_justify="left")
    table.add_column("Metric")
    table.add_column("Value", justify="right")
    table.add_column("Better")
    rows = [
        ("Modularity (combined graph)", f"{m.modularity:.3f}", "higher"),
        ("Structural modularity SM", f"{m.structural_modularity:.3f}", "higher"),
        ("Cohesion", f"{m.cohesion:.3f}", "higher"),
        ("Coupling", f"{m.coupling:.3f}", "lower"),
        ("Inter-partition call % ICP", f"{m.icp:.1%}", "lower"),
        ("Interface number IFN", f"{m.ifn:.2f}", "lower"),
        ("Non-extreme distribution NED", f"{m.ned:.2f}", "lower"),
        ("Transactional purity (mean entropy, bits)", f"{m.transactional_purity:.3f}", "lower"),
        ("Distributed transactions", str(m.distributed_transactions), "fewer"),
        ("Shared tables", str(m.shared_tables), "fewer"),
        ("Services in dependency cycles", str(len({s for c in m.cycles for s in c})), "fewer"),
    ]
    for row in rows:
        table.add_row(*row)
    return table


def render_decomposition(assessment: Assessment, console: Console) -> None:
    """Print the candidates, the metrics, the score and its explanation."""
    decomposition = assessment.decomposition
    if decomposition is None:
        console.print(f"{assessment.app}: no code units to decompose")
        return
    parts: list[Any] = [services_table(decomposition)]
    for service in decomposition.services:
        parts.append(Text(f"{service.name}: {service.name_basis}", style="dim"))
    if decomposition.unplaced:
        parts.append(Text(f"Unplaced (no coupling): {_list(decomposition.unplaced, 8)}", style="dim"))
    parts.append(metrics_table(decomposition))
    result = assessment.score(Dimension.DECOMPOSITION)
    if result is not None:
        explanation = Table(
            title=f"Decomposition fitness {result.score:.0f}/100 ({result.band}), base {result.base:g}",
            title_justify="left",
        )
        explanation.add_column("Points", justify="right")
        explanation.add_column("Why", overflow="fold")
        for c in result.contributions:
            explanation.add_row(f"{c.points:+.1f}", Text(c.reason))
        parts.append(explanation)
    for note in decomposition.notes:
        parts.append(Text(f"note: {note}", style="yellow"))
    console.print(Group(*parts))
