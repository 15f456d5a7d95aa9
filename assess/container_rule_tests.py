"""Run every container-audit check against its fixtures (``rubrics/container/tests/<id>/``).

Like rule fixtures: each ``fail/`` and ``pass/`` folder is assessed as a small app (with the
audit and no code rules), a comment holding ``ruleid: <id>`` marks the next line as one the
check must report, every line it reports must be marked, and ``pass/`` must report nothing.
Only the check's own findings count: a fixture may trip other checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from assess.analyzers.container_checks import ContainerCatalog
from assess.config import ScanConfig
from assess.pipeline import Toolkit, assess_snapshot
from assess.rule_tests import RuleTestResult
from assess.scoring.rubric import load_rubric
from assess.source import RepoSnapshot, open_snapshot


def _expected(snapshot: RepoSnapshot, check_id: str) -> set[tuple[str, int]]:
    marker = re.compile(r"\bruleid:\s*" + re.escape(check_id) + r"(?![\w-])")
    expected: set[tuple[str, int]] = set()
    for source_file in snapshot.files:
        for index, line in enumerate(snapshot.read_text(source_file.path).splitlines()):
            if marker.search(line):
                expected.add((source_file.path, index + 2))
    return expected


def run_container_tests(
    catalog: ContainerCatalog, check_ids: Sequence[str] = (), config: ScanConfig | None = None
) -> list[RuleTestResult]:
    """The fixtures of every check (or of ``check_ids``); a check without both folders fails."""
    config = config or ScanConfig()
    toolkit = Toolkit(config, (), load_rubric(config.rubric_path), "container-fixtures", containers=catalog)
    results = []
    for check_id in sorted(catalog.checks):
        if check_ids and check_id not in check_ids:
            continue
        base: Path = catalog.folder / "tests" / check_id
        problems: list[str] = []
        cases = 0
        for kind in ("fail", "pass"):
            folder = base / kind
            if not folder.is_dir():
                problems.append(f"missing fixture folder {folder}")
                continue
            cases += 1
            snapshot = open_snapshot(folder, config)
            assessment = assess_snapshot(snapshot, toolkit)
            found = {(f.file, f.line) for f in assessment.findings if f.rule_id == check_id}
            problems.extend(
                f"{kind}: {e.path or ''}: {e.message}"
                for e in assessment.errors
                if e.stage == "container-audit"
            )
            expected = _expected(snapshot, check_id) if kind == "fail" else set()
            if kind == "fail" and not expected:
                problems.append(f"{folder}: no expected line (mark one with `ruleid: {check_id}`)")
            for path, line in sorted(expected - found):
                problems.append(f"{kind}/{path}:{line}: expected a finding, got none")
            for path, line in sorted(found - expected):
                problems.append(f"{kind}/{path}:{line}: unexpected finding")
        results.append(RuleTestResult(check_id, cases, tuple(problems)))
    return results
