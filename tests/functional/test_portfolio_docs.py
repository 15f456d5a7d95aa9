"""The README documents exactly the output columns the code writes, and no column is renamed."""

from __future__ import annotations

import re
from pathlib import Path

from assess.portfolio.exports import ASSESSMENT_COLUMNS, FINDING_COLUMNS

README = Path(__file__).resolve().parents[2] / "README.md"

RELEASED_ASSESSMENT_COLUMNS = (
    "app",
    "source",
    "commit",
    "status",
    "error",
    "primary_language",
    "languages",
    "build_tools",
    "frameworks",
    "runtime",
    "runtime_version",
    "port",
    "start_command",
    "container_artifacts",
    "files",
    "code_lines",
    "containerization_score",
    "containerization_band",
    "decomposition_score",
    "decomposition_band",
    "findings",
    "blockers",
    "top_blockers",
    "skipped_files",
    "errors",
    "tool_version",
    "rubric_hash",
    "effort_points",
    "effort_days_low",
    "effort_days_high",
    "migration_path",
    "migration_reasons",
    "candidate_services",
    "service_names",
)
"""The columns scripts already read: later versions may add columns after them, never change them."""

RELEASED_FINDING_COLUMNS = (
    "app",
    "rule_id",
    "title",
    "dimension",
    "category",
    "severity",
    "confidence",
    "effort",
    "file",
    "line",
    "snippet",
    "message",
    "remediation",
    "links",
)


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def _documented() -> tuple[list[str], list[str]]:
    section = _section(README.read_text(encoding="utf-8"), "Output columns")
    apps_part, findings_part = section.split("`findings.csv`, one row per finding:", 1)
    app_columns: list[str] = []
    for line in apps_part.splitlines():
        cells = line.split("|")
        if line.startswith("|") and len(cells) > 2 and "`" in cells[1]:
            app_columns.extend(re.findall(r"`([a-z_]+)`", cells[1]))
    paragraph = findings_part.split("\n\n", 1)[0]
    return app_columns, re.findall(r"`([a-z_]+)`", paragraph)


def test_readme_documents_every_output_column_in_order() -> None:
    apps, findings = _documented()
    assert apps == list(ASSESSMENT_COLUMNS)
    assert findings == list(FINDING_COLUMNS)


def test_released_columns_are_never_renamed_or_moved() -> None:
    assert ASSESSMENT_COLUMNS[: len(RELEASED_ASSESSMENT_COLUMNS)] == RELEASED_ASSESSMENT_COLUMNS
    assert FINDING_COLUMNS[: len(RELEASED_FINDING_COLUMNS)] == RELEASED_FINDING_COLUMNS
