"""Malformed manifests as findings: each manifest problem also becomes a ``malformed-manifest`` finding.

The :class:`~assess.model.ScanError` stays in ``Assessment.errors``; the finding puts the same
problem, with its line when the parser knows it, next to the other evidence of the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from assess.analyzers.analyzer_rules import analyzer_rules
from assess.analyzers.manifest_common import STAGE
from assess.model import Finding, ScanError
from assess.rules.engine import make_snippet

RULE_ID = "malformed-manifest"
_LINE = re.compile(r"\bline (\d+)")
_NOT_MALFORMED = re.compile(r"cannot be read|too large")


def manifest_findings(
    errors: Iterable[ScanError], lines: Callable[[str, int], str] | None = None
) -> tuple[Finding, ...]:
    """One finding per (manifest, line) with a parse problem; unreadable files are not malformed."""
    rule = analyzer_rules()[RULE_ID]
    found: dict[tuple[str, int], Finding] = {}
    for error in errors:
        if error.stage != STAGE or error.path is None or _NOT_MALFORMED.search(error.message):
            continue
        problem = error.message.removeprefix(f"{error.path}: ")
        match = _LINE.search(problem)
        line = int(match.group(1)) if match else 1
        text = lines(error.path, line) if lines else ""
        snippet = make_snippet(text) if text.strip() else problem[:200]
        found.setdefault((error.path, line), rule.finding(error.path, line, snippet))
    return tuple(sorted(found.values(), key=lambda f: (f.file, f.line)))
