"""Run every rule against its own fixtures (``tests/<id>/fail`` and ``tests/<id>/pass``).

Each fixture folder is scanned as a small application with only that rule. In ``fail/``
files, a line containing ``ruleid: <id>`` (in a comment) says the NEXT line must be
reported; a ``fail/expected.yaml`` (a list of ``{file, line}``) serves formats without
comments. Every reported line must be expected. ``pass/`` must report nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from assess.config import ScanConfig
from assess.pipeline import Toolkit, assess_snapshot
from assess.rules.engine import compile_rules
from assess.rules.loader import LoadedRule
from assess.scoring.rubric import load_rubric
from assess.source import RepoSnapshot, open_snapshot

EXPECTED_FILE = "expected.yaml"


@dataclass(frozen=True)
class RuleTestResult:
    """The outcome of one rule's fixtures: problems is empty when it passed."""

    rule_id: str
    cases: int
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def fixture_dir(loaded: LoadedRule) -> Path:
    """Where a rule's fixtures live: ``<category>/tests/<id>/``."""
    return loaded.path.parent / "tests" / loaded.rule.id


def _expected_sites(snapshot: RepoSnapshot, rule_id: str) -> set[tuple[str, int]]:
    marker = re.compile(r"\bruleid:\s*" + re.escape(rule_id) + r"(?![\w-])")
    expected: set[tuple[str, int]] = set()
    for source_file in snapshot.files:
        lines = snapshot.read_text(source_file.path).splitlines()
        for index, line in enumerate(lines):
            if marker.search(line):
                expected.add((source_file.path, index + 2))
    listed = snapshot.root / EXPECTED_FILE
    if listed.is_file():
        for item in yaml.safe_load(listed.read_text(encoding="utf-8")) or []:
            expected.add((str(item["file"]), int(item["line"])))
    return expected


def _open_case(folder: Path, config: ScanConfig) -> RepoSnapshot:
    snapshot = open_snapshot(folder, config)
    files = tuple(f for f in snapshot.files if f.path != EXPECTED_FILE)
    return dataclasses.replace(snapshot, files=files)


def run_rule_tests(rules: Sequence[LoadedRule], config: ScanConfig | None = None) -> list[RuleTestResult]:
    """Run the fixtures of every rule; a rule with no ``fail`` or no ``pass`` case fails."""
    config = config or ScanConfig()
    rubric = load_rubric(config.rubric_path)
    results = []
    for loaded in rules:
        rule_id = loaded.rule.id
        toolkit = Toolkit(config, compile_rules([loaded]), rubric, rules_digest=rule_id)
        base = fixture_dir(loaded)
        problems: list[str] = []
        cases = 0
        for kind in ("fail", "pass"):
            folder = base / kind
            if not folder.is_dir():
                problems.append(f"missing fixture folder {folder}")
                continue
            cases += 1
            snapshot = _open_case(folder, config)
            found = {(f.file, f.line) for f in assess_snapshot(snapshot, toolkit).findings}
            expected = _expected_sites(snapshot, rule_id) if kind == "fail" else set()
            if kind == "fail" and not expected:
                problems.append(f"{folder}: no expected line (mark one with `ruleid: {rule_id}`)")
            for path, line in sorted(expected - found):
                problems.append(f"{kind}/{path}:{line}: expected a finding, got none")
            for path, line in sorted(found - expected):
                problems.append(f"{kind}/{path}:{line}: unexpected finding")
        results.append(RuleTestResult(rule_id, cases, tuple(problems)))
    return results
