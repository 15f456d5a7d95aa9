"""Progress of a portfolio run: a live bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import time
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RunProgress(Protocol):
    """What the runner reports: the total once known, then every finished app."""

    def start(self, total: int) -> None: ...

    def advance(self, app: str, status: str, detail: str = "") -> None: ...

    def stop(self) -> None: ...


class _Counts:
    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.failed = 0
        self.unchanged = 0
        self.started = time.monotonic()

    def count(self, status: str) -> None:
        self.done += 1
        if status == "error":
            self.failed += 1
        elif status == "unchanged":
            self.unchanged += 1

    def rate(self) -> float:
        """Apps per minute so far."""
        minutes = (time.monotonic() - self.started) / 60
        return self.done / minutes if minutes > 0 else 0.0


class BarProgress(_Counts):
    """A rich progress bar: apps done of total, failed, unchanged, rate, elapsed and time left."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self._progress = Progress(
            TextColumn("[bold]assessing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            TextColumn("[dim]{task.fields[unchanged]} unchanged"),
            TextColumn("{task.fields[rate]} apps/min"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self._progress.start()
        self._task = self._progress.add_task("apps", total=total, failed=0, unchanged=0, rate="—")

    def advance(self, app: str, status: str, detail: str = "") -> None:
        self.count(status)
        if self._task is not None:
            self._progress.update(
                self._task,
                advance=1,
                failed=self.failed,
                unchanged=self.unchanged,
                rate=f"{self.rate():.0f}",
            )
        if status == "error":
            self._progress.console.print(Text.assemble((app, "red"), f": {detail}"), highlight=False)

    def stop(self) -> None:
        self._progress.stop()


class LogProgress(_Counts):
    """One plain line per app: ``[12/500] app: ok (0.4 s)``."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self.console.print(f"assessing {total} apps", highlight=False, markup=False, soft_wrap=True)

    def advance(self, app: str, status: str, detail: str = "") -> None:
        self.count(status)
        suffix = f" ({detail})" if detail else ""
        self.console.print(
            f"[{self.done}/{self.total}] {app}: {status}{suffix}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )

    def stop(self) -> None:
        minutes = (time.monotonic() - self.started) / 60
        self.console.print(
            f"{self.done} apps in {minutes * 60:.1f} s ({self.rate():.0f} apps/min), "
            f"{self.failed} failed, {self.unchanged} unchanged",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


class SilentProgress(_Counts):
    """No output (library use)."""

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, app: str, status: str, detail: str = "") -> None:
        self.count(status)

    def stop(self) -> None:
        return None


def make_progress(console: Console) -> RunProgress:
    """A bar when ``console`` is a terminal, plain lines otherwise."""
    return BarProgress(console) if console.is_terminal else LogProgress(console)
