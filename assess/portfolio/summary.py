"""The portfolio overview of ``assess portfolio --summary``: apps per band and migration path,
the most common blockers, and failures — counted while streaming a run's rows from the store."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from assess.portfolio.store import Store

_BAND_COLUMNS = (
    ("containerization_band", "Containerization (apps per band)"),
    ("decomposition_band", "Decomposition (apps per band)"),
    ("migration_path", "Migration path (apps per path)"),
)


@dataclass
class PortfolioSummary:
    """Counts over one run's apps."""

    apps: int = 0
    ok: int = 0
    errors: int = 0
    code_lines: int = 0
    bands: dict[str, Counter[str]] = field(default_factory=dict)
    languages: Counter[str] = field(default_factory=Counter)
    blockers: Counter[str] = field(default_factory=Counter)
    error_reasons: Counter[str] = field(default_factory=Counter)

    def add(self, row: dict[str, object]) -> None:
        """Count one assessments row."""
        self.apps += 1
        if row.get("status") != "ok":
            self.errors += 1
            reason = str(row.get("error") or "unknown").split(": ", 1)[0]
            self.error_reasons[reason[:80]] += 1
            return
        self.ok += 1
        lines = row.get("code_lines")
        self.code_lines += lines if isinstance(lines, int) else 0
        for column, _title in _BAND_COLUMNS:
            if column in row:
                self.bands.setdefault(column, Counter())[str(row.get(column) or "—")] += 1
        self.languages[str(row.get("primary_language") or "—")] += 1
        for rule in str(row.get("top_blockers") or "").split(";"):
            if rule:
                self.blockers[rule] += 1


def summarize(store: Store, run_id: int) -> PortfolioSummary:
    """Count a run's rows (streamed; only the row column is read)."""
    summary = PortfolioSummary()
    for row in store.rows(run_id, details=False):
        summary.add(row.row)
    return summary


def _counter_table(title: str, counts: Counter[str], total: int, limit: int | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column(title.split(" (")[0], overflow="fold")
    table.add_column("apps", justify="right")
    table.add_column("share", justify="right")
    for name, count in counts.most_common(limit):
        table.add_row(name, str(count), f"{100 * count / total:.0f}%" if total else "")
    return table


def render_summary(summary: PortfolioSummary, console: Console) -> None:
    """Print the overview as rich tables."""
    head = Table.grid(padding=(0, 2))
    head.add_row("apps", str(summary.apps))
    head.add_row("assessed", str(summary.ok))
    head.add_row("failed", str(summary.errors))
    head.add_row("lines of code", f"{summary.code_lines:,}")
    parts: list[Table] = [head]
    for column, title in _BAND_COLUMNS:
        if column in summary.bands:
            parts.append(_counter_table(title, summary.bands[column], summary.ok))
    if summary.languages:
        parts.append(_counter_table("Primary language", summary.languages, summary.ok))
    if summary.blockers:
        parts.append(_counter_table("Most common blockers (apps)", summary.blockers, summary.ok, 10))
    if summary.error_reasons:
        parts.append(_counter_table("Failures (apps)", summary.error_reasons, summary.apps, 10))
    for part in parts:
        console.print(part)
        console.print()
