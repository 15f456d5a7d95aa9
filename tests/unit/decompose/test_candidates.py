"""Candidate services of a small hand-made app: ownership, sharing, API, transactions, names."""

from __future__ import annotations

import textwrap

import networkx as nx
import pytest

from assess.decompose import decompose
from assess.decompose.naming import package_labels
from assess.decompose.settings import DecompositionSettings
from assess.model import DataModel, Entity, FileFacts, TableAccess, Transaction
from assess.parse import parse_code

SOURCES = {
    "src/com/x/orders/Order.java": """
        package com.x.orders;
        public class Order { OrderLine line; }
    """,
    "src/com/x/orders/OrderLine.java": """
        package com.x.orders;
        public class OrderLine { Order order; }
    """,
    "src/com/x/orders/OrderService.java": """
        package com.x.orders;
        import com.x.billing.BillingService;
        public class OrderService {
            BillingService billing;
            Order place() { Order order = new Order(); billing.raise(order); return order; }
        }
    """,
    "src/com/x/orders/OrderController.java": """
        package com.x.orders;
        public class OrderController { OrderService service; Order get() { return null; } }
    """,
    "src/com/x/billing/Invoice.java": """
        package com.x.billing;
        import com.x.orders.Order;
        public class Invoice { Order order; InvoiceLine line; }
    """,
    "src/com/x/billing/InvoiceLine.java": """
        package com.x.billing;
        public class InvoiceLine { Invoice invoice; }
    """,
    "src/com/x/billing/BillingService.java": """
        package com.x.billing;
        import com.x.orders.Order;
        public class BillingService { Invoice raise(Order order) { return new Invoice(); } }
    """,
    "src/com/x/App.java": """
        package com.x;
        public class App { public static void main(String[] args) {} }
    """,
}

ORD, BIL = "com.x.orders.", "com.x.billing."
DATA = DataModel(
    entities=(
        Entity(ORD + "Order", "orders", "Order.java", 2, "jpa"),
        Entity(ORD + "OrderLine", "order_lines", "OrderLine.java", 2, "jpa"),
        Entity(BIL + "Invoice", "invoices", "Invoice.java", 3, "jpa"),
    ),
    accesses=(
        TableAccess(ORD + "OrderService", "orders", "write", "OrderService.java", 5, "repository"),
        TableAccess(BIL + "BillingService", "invoices", "write", "BillingService.java", 3, "repository"),
        TableAccess(BIL + "BillingService", "orders", "read", "BillingService.java", 3, "sql"),
    ),
    transactions=(
        Transaction(
            ORD + "OrderService", "place", "OrderService.java", 5, "annotation", ("orders", "invoices")
        ),
        Transaction(BIL + "BillingService", "raise", "BillingService.java", 3, "annotation", ("invoices",)),
    ),
)


def facts() -> dict[str, FileFacts]:
    return {
        path: parse_code(path, "java", textwrap.dedent(code).lstrip("\n").encode())
        for path, code in SOURCES.items()
    }


def test_two_services_with_tables_api_and_distributed_transactions() -> None:
    result = decompose(facts(), DATA, None, DecompositionSettings(), services=2)
    assert result is not None
    d = result.decomposition
    by_name = {s.name: s for s in d.services}
    assert set(by_name) == {"orders", "billing"}
    orders, billing = by_name["orders"], by_name["billing"]
    assert orders.units == tuple(ORD + n for n in ("Order", "OrderController", "OrderLine", "OrderService"))
    assert billing.units == tuple(BIL + n for n in ("BillingService", "Invoice", "InvoiceLine"))
    assert orders.files == tuple(
        sorted(
            f"src/com/x/orders/{n}.java" for n in ("Order", "OrderController", "OrderLine", "OrderService")
        )
    )
    # orders: Order entity + OrderService write (2) against one read from billing
    assert orders.owned_tables == ("order_lines", "orders")
    assert billing.owned_tables == ("invoices",)
    assert orders.shared_tables == ("orders",)
    assert billing.shared_tables == ("orders",)
    assert orders.entities == ("Order", "OrderLine")
    assert billing.entities == ("Invoice",)
    # OrderService uses BillingService; billing's Invoice and BillingService use Order
    assert billing.api == (BIL + "BillingService",)
    assert orders.api == (ORD + "Order",)
    assert {(a, b) for a, b, _ in billing.calls_in} == {(ORD + "OrderService", BIL + "BillingService")}
    assert {(a, b) for a, b, _ in billing.calls_out} == {
        (BIL + "BillingService", ORD + "Order"),
        (BIL + "Invoice", ORD + "Order"),
    }
    assert orders.distributed == (ORD + "OrderService.place",)
    assert billing.distributed == ()
    assert "package 'orders' holds 4 of 4 units" in orders.name_basis
    assert d.unplaced == ("com.x.App",)
    m = d.metrics
    assert (m.services, m.units) == (2, 7)
    assert m.distributed_transactions == 1
    assert m.shared_tables == 1
    assert m.cycles == (("billing", "orders"),)
    # orders is used by orders (2 accesses: entity + write) and billing (1 read)
    assert dict(m.table_entropy)["orders"] == pytest.approx(0.9183, abs=1e-4)
    assert dict(m.table_entropy)["invoices"] == 0
    assert result.partition[ORD + "Order"] == "orders"
    assert "no git history at the scan root: no change coupling" in d.notes


def test_edges_are_stored_heaviest_first_and_capped() -> None:
    settings = DecompositionSettings.model_validate({"clustering": {"max_stored_edges": 3}})
    result = decompose(facts(), DATA, None, settings)
    assert result is not None
    d = result.decomposition
    assert len(d.static_edges) == 3
    assert d.static_edge_count == result.static.number_of_edges() > 3
    weights = [w for _, _, w in d.static_edges]
    assert weights == sorted(weights, reverse=True)
    assert d.data_edge_count == result.data.number_of_edges()


def test_results_are_deterministic() -> None:
    first = decompose(facts(), DATA, None, DecompositionSettings())
    second = decompose(facts(), DATA, None, DecompositionSettings())
    assert first is not None and second is not None
    assert first.decomposition == second.decomposition


def test_nothing_to_decompose() -> None:
    assert decompose({}, DataModel(), None, DecompositionSettings()) is None


def test_package_labels_drop_the_prefix_all_packages_share() -> None:
    graph = nx.Graph()
    for unit in ("a.shop.orders.X", "a.shop.orders.Y", "a.shop.billing.Z"):
        graph.add_node(unit, package=unit.rsplit(".", 1)[0])
    assert package_labels(graph) == {
        "a.shop.orders.X": "orders",
        "a.shop.orders.Y": "orders",
        "a.shop.billing.Z": "billing",
    }


def test_two_candidates_from_one_package_are_told_apart_by_their_words() -> None:
    result = decompose(facts(), DATA, None, DecompositionSettings(), services=3)
    assert result is not None
    services = {s.name: s for s in result.decomposition.services}
    # both orders candidates share the package; "order" is in every name and entity of the first
    # (4 of 2 units + 2 entities) and in both names of the second (2 of 2): the first gets the
    # word, the second falls back to the package
    assert services["order"].units == (ORD + "Order", ORD + "OrderLine")
    assert services["orders"].units == (ORD + "OrderController", ORD + "OrderService")
    assert services["billing"].units == (BIL + "BillingService", BIL + "Invoice", BIL + "InvoiceLine")
    assert services["order"].name_basis.startswith("'order' is in the names of 4 of its 2 units and entities")
    assert result.decomposition.requested_services == 3
