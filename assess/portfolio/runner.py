"""Assess a folder of applications one after another and write the portfolio outputs."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess.config import ScanConfig
from assess.model import assessment_to_dict
from assess.pipeline import Toolkit, load_toolkit, scan
from assess.portfolio.exports import (
    ASSESSMENT_COLUMNS,
    FINDING_COLUMNS,
    assessment_row,
    error_row,
    finding_rows,
    write_csv,
)
from assess.source import SourceError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkItem:
    """One application to assess: an id, where it is, and business metadata."""

    app: str
    source: str
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass
class PortfolioResult:
    """What a portfolio run produced."""

    out_dir: Path
    assessed: int = 0
    failed: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)


def folder_items(root: Path) -> Iterator[WorkItem]:
    """Each visible subfolder of ``root`` is one application."""
    if not root.is_dir():
        raise SourceError(f"not a folder: {root}")
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or not child.is_dir() or child.is_symlink():
            continue
        yield WorkItem(app=child.name, source=str(child))


def run_portfolio(
    items: Iterator[WorkItem] | list[WorkItem],
    out_dir: Path,
    config: ScanConfig | None = None,
    *,
    toolkit: Toolkit | None = None,
    on_done: Callable[[WorkItem, str], None] | None = None,
) -> PortfolioResult:
    """Assess every item; a failing app becomes an error row and the run goes on."""
    toolkit = toolkit or load_toolkit(config)
    result = PortfolioResult(out_dir)
    findings: list[dict[str, Any]] = []
    json_dir = out_dir / "json"
    json_dir.mkdir(parents=True, exist_ok=True)
    for item in items:
        try:
            assessment = scan(item.source, toolkit=toolkit, name=item.app, metadata=item.metadata)
        except SourceError as exc:
            result.failed += 1
            result.rows.append(error_row(item.app, item.source, str(exc), dict(item.metadata)))
            log.warning("%s: %s", item.app, exc)
            status = "error"
        except Exception as exc:  # a bug or an unforeseen input must not stop the portfolio
            result.failed += 1
            message = f"internal error: {type(exc).__name__}: {exc}"
            result.rows.append(error_row(item.app, item.source, message, dict(item.metadata)))
            log.exception("%s: %s", item.app, message)
            status = "error"
        else:
            result.assessed += 1
            result.rows.append(assessment_row(assessment))
            findings.extend(finding_rows(assessment))
            (json_dir / f"{_file_safe(item.app)}.json").write_text(
                json.dumps(assessment_to_dict(assessment), indent=2, ensure_ascii=False), encoding="utf-8"
            )
            status = "ok"
        if on_done:
            on_done(item, status)
    write_csv(out_dir / "assessments.csv", result.rows, ASSESSMENT_COLUMNS)
    write_csv(out_dir / "findings.csv", findings, FINDING_COLUMNS)
    return result


def _file_safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name).strip("._")
    return cleaned or "app"
