"""Transactions whose tables the decomposition's candidate services would split between them.

Once the decomposition has proposed candidate services, each table has an owner (the candidate
that uses it most). A transaction reaching tables of two or more owners would become a
distributed one if the app were cut that way. This is a pure function over the data model and
the decomposition (both plain model values); the pipeline calls it after decomposing.
"""

from __future__ import annotations

from assess.analyzers.analyzer_rules import AnalyzerRule
from assess.model import Confidence, DataModel, Decomposition, Dimension, Finding, Severity, Transaction
from assess.rules.engine import make_snippet

RULE = AnalyzerRule(
    id="cross-domain-transaction",
    title="Transaction spans tables of different candidate services",
    message="This transaction writes or reads tables that the proposed decomposition gives to different "
    "services: cut that way, it would need a saga or a distributed transaction. (Scored once, as the "
    "decomposition-transactions contribution; this finding shows where.)",
    dimension=Dimension.DECOMPOSITION,
    category="transactions",
    severity=Severity.INFO,
    confidence=Confidence.MEDIUM,
    effort=5,
    remediation="Move the tables into one service, narrow the transaction to one service's tables, or "
    "replace it with a saga / outbox between the services.",
    links=("https://microservices.io/patterns/data/saga.html",),
)


def table_owners(decomposition: Decomposition) -> dict[str, str]:
    """Table (lower case, without schema or quotes) → the candidate service that owns it."""
    return {_key(table): service.name for service in decomposition.services for table in service.owned_tables}


def _key(name: str) -> str:
    return name.strip().strip('`"[]').rsplit(".", 1)[-1].strip('`"[]').lower()


def spanned_services(transaction: Transaction, owners: dict[str, str]) -> tuple[str, ...]:
    """The candidate services owning the tables a transaction reaches (sorted)."""
    return tuple(sorted({owners[k] for k in (_key(t) for t in transaction.tables) if k in owners}))


def cross_domain_findings(data: DataModel, decomposition: Decomposition | None) -> tuple[Finding, ...]:
    """One finding per transaction whose tables belong to two or more candidate services.

    The snippet names the transaction and each table with its owner: ``placeOrder: invoices
    (billing), orders (orders)``.
    """
    if decomposition is None or len(decomposition.services) < 2:
        return ()
    owners = table_owners(decomposition)
    found: dict[tuple[str, int], Finding] = {}
    for transaction in data.transactions:
        if len(spanned_services(transaction, owners)) < 2:
            continue
        detail = ", ".join(
            f"{table} ({owners[_key(table)]})" for table in transaction.tables if _key(table) in owners
        )
        snippet = make_snippet(f"{transaction.name}: {detail}")
        found.setdefault(
            (transaction.file, transaction.line), RULE.finding(transaction.file, transaction.line, snippet)
        )
    return tuple(found.values())
