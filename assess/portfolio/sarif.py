"""SARIF 2.1.0 logs of one application, for code-scanning tools.

One run per log; the tool's ``rules`` are the rules that matched, each result points at the rule
(``ruleId``/``ruleIndex``), the file (relative URI against ``SRCROOT``) and the line. Boosters
(good signs) are results of kind ``pass``. An app that could not be assessed gets a log with
``executionSuccessful: false`` and the reason as a notification.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from assess import __version__
from assess.model import Assessment, Finding, Severity
from assess.source.git import is_git_url

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_NAME = "assess"

_LEVEL = {
    Severity.BLOCKER: "error",
    Severity.MANDATORY: "error",
    Severity.OPTIONAL: "warning",
    Severity.POTENTIAL: "note",
    Severity.INFO: "note",
    Severity.BOOSTER: "none",
}


def _driver(rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": TOOL_NAME,
        "version": __version__,
        "semanticVersion": __version__,
        "rules": rules,
    }


def _rule(finding: Finding) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": finding.rule_id,
        "name": finding.rule_id,
        "shortDescription": {"text": finding.title or finding.rule_id},
        "fullDescription": {"text": finding.message or finding.title or finding.rule_id},
        "help": {"text": finding.remediation or finding.message or finding.title or finding.rule_id},
        "defaultConfiguration": {"level": _LEVEL[finding.severity]},
        "properties": {
            "tags": [finding.dimension.value, finding.category, finding.severity.value],
            "precision": finding.confidence.value,
            "severity": finding.severity.value,
            "effort": finding.effort,
        },
    }
    if finding.links:
        rule["helpUri"] = finding.links[0]
    return rule


def _result(finding: Finding, index: int, app: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message or finding.title},
        "partialFingerprints": {
            "assessFinding/v1": hashlib.sha256(
                f"{app}\0{finding.rule_id}\0{finding.file}\0{finding.snippet.strip()}".encode()
            ).hexdigest()[:32]
        },
        "properties": {
            "dimension": finding.dimension.value,
            "category": finding.category,
            "severity": finding.severity.value,
            "confidence": finding.confidence.value,
            "effort": finding.effort,
        },
    }
    if finding.severity is Severity.BOOSTER:
        result["kind"] = "pass"
    if finding.file:
        location: dict[str, Any] = {
            "artifactLocation": {"uri": quote(finding.file), "uriBaseId": "SRCROOT"},
        }
        if finding.line > 0:
            region: dict[str, Any] = {"startLine": finding.line}
            if finding.snippet:
                region["snippet"] = {"text": finding.snippet}
            location["region"] = region
        result["locations"] = [{"physicalLocation": location}]
    return result


def _base_ids(source: str) -> dict[str, Any]:
    path = Path(source)
    if not is_git_url(source) and path.is_absolute() and path.is_dir():
        return {"SRCROOT": {"uri": path.as_uri().rstrip("/") + "/"}}
    return {"SRCROOT": {"description": {"text": f"the root of {source}"}}}


def sarif_log(assessment: Assessment) -> dict[str, Any]:
    """The SARIF log of one assessment."""
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for finding in assessment.findings:
        if finding.rule_id not in index:
            index[finding.rule_id] = len(rules)
            rules.append(_rule(finding))
        results.append(_result(finding, index[finding.rule_id], assessment.app))
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"{error.path}: {error.message}" if error.path else error.message},
            "descriptor": {"id": error.stage},
        }
        for error in assessment.errors
    ]
    run: dict[str, Any] = {
        "tool": {"driver": _driver(rules)},
        "automationDetails": {"id": f"assess/{assessment.app}/"},
        "originalUriBaseIds": _base_ids(assessment.source),
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "results": results,
        "properties": {
            "app": assessment.app,
            "source": assessment.source,
            "metadata": dict(assessment.metadata),
            "scores": {s.dimension.value: {"score": s.score, "band": s.band} for s in assessment.scores},
            "rubricHash": assessment.rubric_hash,
        },
    }
    if assessment.commit and is_git_url(assessment.source.split("#", 1)[0]):
        run["versionControlProvenance"] = [
            {"repositoryUri": assessment.source.split("#", 1)[0], "revisionId": assessment.commit}
        ]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def sarif_error_log(app: str, source: str, error: str, metadata: Mapping[str, str]) -> dict[str, Any]:
    """The SARIF log of an app that could not be assessed."""
    run = {
        "tool": {"driver": _driver([])},
        "automationDetails": {"id": f"assess/{app}/"},
        "invocations": [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [{"level": "error", "message": {"text": error}}],
            }
        ],
        "results": [],
        "properties": {"app": app, "source": source, "metadata": dict(metadata)},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
