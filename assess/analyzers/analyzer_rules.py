"""Rules whose sites an analyzer finds (not the YAML rule engine): their metadata and findings.

The YAML rules match syntax; these need a whole-app analysis (a manifest that does not parse, a
transaction manager spanning resources, logic living in the database). Their findings are
ordinary :class:`~assess.model.Finding` values, scored by the rubric like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess.model import Confidence, Dimension, Finding, Severity


@dataclass(frozen=True, slots=True)
class AnalyzerRule:
    """Metadata of one analyzer-produced finding kind (same fields as a YAML rule)."""

    id: str
    title: str
    message: str
    dimension: Dimension
    category: str
    severity: Severity
    confidence: Confidence
    effort: int
    remediation: str
    links: tuple[str, ...] = ()

    def finding(self, file: str, line: int, snippet: str) -> Finding:
        """A finding of this rule at ``file:line``."""
        return Finding(
            rule_id=self.id,
            title=self.title,
            dimension=self.dimension,
            category=self.category,
            severity=self.severity,
            confidence=self.confidence,
            effort=self.effort,
            file=file,
            line=line,
            snippet=snippet,
            message=self.message,
            remediation=self.remediation,
            links=self.links,
        )


def analyzer_rules() -> dict[str, AnalyzerRule]:
    """Every analyzer rule by id."""
    rules = [
        AnalyzerRule(
            id="malformed-manifest",
            title="A build manifest could not be read",
            message="A dependency manifest or lock file is malformed, so its dependencies (and the "
            "frameworks and runtime inferred from them) are only partly known.",
            dimension=Dimension.CONTAINERIZATION,
            category="build",
            severity=Severity.INFO,
            confidence=Confidence.HIGH,
            effort=1,
            remediation="Fix the manifest so that the build tool (and this assessment) can read it.",
        ),
        AnalyzerRule(
            id="distributed-transaction",
            title="Distributed (XA / two-phase commit) transactions",
            message="XA data sources or a JTA / DTC transaction manager coordinate one transaction across "
            "several resources. The coordinator keeps a recovery log that must survive restarts, MSDTC is "
            "not available in Linux containers, and services split out later cannot share the transaction.",
            dimension=Dimension.CONTAINERIZATION,
            category="transactions",
            severity=Severity.MANDATORY,
            confidence=Confidence.MEDIUM,
            effort=7,
            remediation="Keep each transaction inside one resource; use an outbox or a saga where work spans "
            "resources, or give the transaction log a persistent volume.",
            links=("https://microservices.io/patterns/data/saga.html",),
        ),
        AnalyzerRule(
            id="stored-procedure",
            title="Business logic in stored procedures or functions",
            message="Logic that lives in the database is invisible to the code's call graph and ties every "
            "part of the app that uses those tables to one shared schema.",
            dimension=Dimension.DECOMPOSITION,
            category="data",
            severity=Severity.POTENTIAL,
            confidence=Confidence.HIGH,
            effort=5,
            remediation="Inventory the procedures with their callers; move the logic next to the code that "
            "owns the data before splitting the schema.",
        ),
        AnalyzerRule(
            id="database-trigger",
            title="Database triggers",
            message="Triggers write to tables as a side effect of other writes: they couple tables (and the "
            "code that owns them) in ways the code does not show.",
            dimension=Dimension.DECOMPOSITION,
            category="data",
            severity=Severity.POTENTIAL,
            confidence=Confidence.HIGH,
            effort=5,
            remediation="Replace the trigger with an explicit write or a domain event in the owning code.",
        ),
    ]
    return {rule.id: rule for rule in rules}
