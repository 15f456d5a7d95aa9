"""Rich terminal rendering of one assessment."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from assess.model import Assessment, Severity, Sourced

_SEVERITY_STYLE = {
    Severity.BLOCKER: "bold red",
    Severity.MANDATORY: "red",
    Severity.OPTIONAL: "yellow",
    Severity.POTENTIAL: "cyan",
    Severity.INFO: "dim",
    Severity.BOOSTER: "green",
}
_SEVERITY_ORDER = list(Severity)


def _sourced(item: Sourced | None) -> Text:
    if item is None:
        return Text("—", style="dim")
    where = f"{item.file}:{item.line}" if item.line else item.file
    text = Text(item.value)
    text.append(f"  ({where}{', guess' if item.guess else ''})", style="dim")
    return text


def stack_table(assessment: Assessment) -> Table:
    """Stack facts with where each came from."""
    stack = assessment.stack
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    languages = ", ".join(f"{s.language} {s.share:.0%}" for s in stack.languages) or "—"
    table.add_row("Languages", Text(languages))
    table.add_row("Build tools", Text(", ".join(t.value for t in stack.build_tools) or "—"))
    table.add_row("Frameworks", Text(", ".join(f.value for f in stack.frameworks) or "—"))
    table.add_row("Runtime", _sourced(stack.runtime))
    table.add_row("Runtime version", _sourced(stack.runtime_version))
    table.add_row("Port", _sourced(stack.port))
    table.add_row("Start command", _sourced(stack.start_command))
    artifacts = ", ".join(f"{a.kind}: {a.path}" for a in stack.container_artifacts) or "—"
    table.add_row("Container artefacts", Text(artifacts))
    table.add_row("Size", Text(f"{assessment.files} files, {assessment.code_lines} lines of code"))
    return table


def scores_table(assessment: Assessment) -> Table:
    """One row per dimension: score, band and the biggest contributions."""
    table = Table(title="Scores", title_justify="left")
    table.add_column("Dimension")
    table.add_column("Score", justify="right")
    table.add_column("Band")
    table.add_column("Moved by")
    for s in assessment.scores:
        moved = ", ".join(f"{c.source} {c.points:+.1f}" for c in s.contributions[:4]) or "—"
        if s.gate:
            moved += f" ({s.gate})"
        table.add_row(s.dimension.value, f"{s.score:.0f}", s.band, Text(moved))
    return table


def findings_table(assessment: Assessment, limit: int = 15) -> Table:
    """The most severe findings with file:line."""
    ordered = sorted(
        assessment.findings, key=lambda f: (_SEVERITY_ORDER.index(f.severity), f.rule_id, f.file, f.line)
    )
    table = Table(title=f"Top findings ({len(ordered)} in all)", title_justify="left")
    table.add_column("Severity")
    table.add_column("Rule")
    table.add_column("Where")
    table.add_column("Snippet", overflow="fold")
    for f in ordered[:limit]:
        table.add_row(
            Text(f.severity.value, style=_SEVERITY_STYLE[f.severity]),
            Text(f.rule_id),
            Text(f"{f.file}:{f.line}"),
            Text(f.snippet),
        )
    return table


def plan_table(assessment: Assessment) -> Table:
    """The recommended migration path with its reasons, and the effort estimate."""
    table = Table(show_header=False, box=None, pad_edge=False, title="Plan", title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    migration, effort = assessment.migration, assessment.effort
    if migration is not None:
        path = Text(migration.path, style="bold")
        path.append(f"  (decision rule {migration.rule})", style="dim")
        table.add_row("Migration path", path)
        for reason in migration.reasons:
            table.add_row("", Text(f"• {reason}"))
    if effort is not None:
        estimate = Text(
            f"{effort.points:g} story points, {effort.days_low:g}–{effort.days_high:g} person-days"
        )
        table.add_row("Effort", estimate)
        for item in effort.items[:5]:
            table.add_row("", Text(f"{item.points:g}  {item.reason}", style="dim"))
    return table


def render_summary(assessment: Assessment, console: Console) -> None:
    """Print the one-app summary: stack, scores, top findings, skips and errors."""
    title = Text(f"{assessment.app}")
    if assessment.commit:
        title.append(f" @ {assessment.commit[:12]}", style="dim")
    parts: list[Table | Text] = [
        stack_table(assessment),
        scores_table(assessment),
        plan_table(assessment),
        findings_table(assessment),
    ]
    if assessment.skipped:
        parts.append(
            Text(f"{len(assessment.skipped)} files or folders skipped (see --format json)", style="dim")
        )
    for error in assessment.errors[:10]:
        parts.append(Text(f"error in {error.path or error.stage}: {error.message}", style="yellow"))
    console.print(Panel(Group(*parts), title=title, title_align="left"))
