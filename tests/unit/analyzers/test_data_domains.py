"""Transactions spanning the tables of different candidate services, and tables shared across apps."""

from __future__ import annotations

from datetime import date

from assess import scan
from assess.analyzers.data.domains import cross_domain_findings, spanned_services, table_owners
from assess.analyzers.data.portfolio import shared_schema_findings, shared_schemas
from assess.config import ScanConfig
from assess.model import (
    CandidateService,
    DataModel,
    Decomposition,
    DecompositionMetrics,
    Dimension,
    Severity,
    Transaction,
)
from tests.unit.analyzers.data_support import MakeApp


def _service(name: str, *tables: str) -> CandidateService:
    return CandidateService(name=name, units=(f"{name}.Unit",), files=(), code_lines=10, owned_tables=tables)


def _cut(*services: CandidateService) -> Decomposition:
    return Decomposition(services=services, metrics=DecompositionMetrics(services=len(services), units=3))


DATA = DataModel(
    transactions=(
        Transaction("shop.Orders", "place", "Orders.java", 12, "spring", ("billing.Invoices", "orders")),
        Transaction("shop.Orders", "cancel", "Orders.java", 30, "spring", ("orders", "order_lines")),
        Transaction("shop.Jobs", "sweep", "Jobs.java", 7, "spring", ("audit", "orders")),
    )
)


def test_transactions_over_tables_of_two_services_are_found() -> None:
    cut = _cut(_service("orders", "orders", "order_lines"), _service("billing", "invoices"))
    owners = table_owners(cut)
    assert owners == {"orders": "orders", "order_lines": "orders", "invoices": "billing"}
    # schema and case do not matter; a table no candidate owns does not count
    assert [spanned_services(t, owners) for t in DATA.transactions] == [
        ("billing", "orders"),
        ("orders",),
        ("orders",),
    ]
    found = cross_domain_findings(DATA, cut)
    assert [(f.rule_id, f.file, f.line, f.snippet) for f in found] == [
        ("cross-domain-transaction", "Orders.java", 12, "place: billing.Invoices (billing), orders (orders)")
    ]
    assert (found[0].dimension, found[0].severity) == (Dimension.DECOMPOSITION, Severity.INFO)


def test_no_candidates_no_findings() -> None:
    assert cross_domain_findings(DATA, None) == ()
    assert cross_domain_findings(DATA, _cut(_service("all", "orders", "invoices", "order_lines"))) == ()


def _shop(make_app: MakeApp, name: str, schema: str, extra: dict[str, str] | None = None) -> str:
    return str(make_app({"db/schema.sql": schema, **(extra or {})}, name=name))


SHARED = """\
CREATE TABLE billing.customers (id INT PRIMARY KEY);
CREATE TABLE billing.invoices (id INT PRIMARY KEY, customer_id INT REFERENCES billing.customers (id));
"""


def test_tables_shared_by_apps_of_a_portfolio(make_app: MakeApp) -> None:
    config = ScanConfig(as_of=date(2026, 1, 1))
    billing = scan(_shop(make_app, "billing", SHARED + "CREATE TABLE billing.runs (id INT);\n"), config)
    portal = scan(
        _shop(
            make_app,
            "portal",
            "CREATE TABLE sessions (id INT);\n",
            {
                "portal/invoices.py": "def unpaid(cursor):\n"
                '    cursor.execute("SELECT i.id FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id")\n'
            },
        ),
        config,
    )
    assert {(a.table, a.schema) for a in portal.data.accesses} == {
        ("customers", "billing"),
        ("invoices", "billing"),
    }
    # the same table names in another schema are not the same tables
    other = scan(_shop(make_app, "other", SHARED.replace("billing.", "crm.")), config)
    groups = shared_schemas([billing, portal, other])
    assert [(g.apps, g.tables) for g in groups] == [(("billing", "portal"), ("customers", "invoices"))]
    assert {(u.app, u.table, u.how, u.file) for u in groups[0].uses} == {
        ("billing", "customers", "declares", "db/schema.sql"),
        ("billing", "invoices", "declares", "db/schema.sql"),
        ("portal", "customers", "reads", "portal/invoices.py"),
        ("portal", "invoices", "reads", "portal/invoices.py"),
    }
    findings = shared_schema_findings([billing, portal, other])
    assert sorted(findings) == ["billing", "portal"]
    assert [(f.rule_id, f.file, f.line) for f in findings["billing"]] == [
        ("shared-database-schema", "db/schema.sql", 1),
        ("shared-database-schema", "db/schema.sql", 2),
    ]
    # both tables are read on one line: one finding there
    assert [(f.file, f.line) for f in findings["portal"]] == [("portal/invoices.py", 2)]
    assert "also used by billing" in findings["portal"][0].snippet
    # one shared table is below the default threshold of two
    assert shared_schemas([billing, portal], min_tables=3) == []


def test_unqualified_names_join_the_only_schema_known_for_them(make_app: MakeApp) -> None:
    config = ScanConfig(as_of=date(2026, 1, 1))
    billing = scan(_shop(make_app, "billing", SHARED), config)
    other = scan(_shop(make_app, "other", SHARED.replace("billing.", "crm.")), config)
    reports = scan(
        str(
            make_app(
                {
                    "report.py": 'SQL = "SELECT c.id, count(*) FROM invoices i JOIN customers c ON c.id = i.customer_id"\n'
                },
                name="reports",
            )
        ),
        config,
    )
    assert {(a.table, a.schema) for a in reports.data.accesses} == {("invoices", None), ("customers", None)}
    assert [g.apps for g in shared_schemas([billing, reports])] == [("billing", "reports")]
    # billing.invoices or crm.invoices? Not guessed.
    assert shared_schemas([billing, reports, other]) == []
