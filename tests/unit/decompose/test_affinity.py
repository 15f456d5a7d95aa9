"""Data affinity from a hand-made DataModel, with every edge weight worked out by hand."""

from __future__ import annotations

import pytest

from assess.decompose.affinity import build_data_graph, table_accessors, table_key, table_mappers
from assess.decompose.settings import DataAffinityWeights
from assess.model import DataModel, Entity, ForeignKey, TableAccess, Transaction

UNITS = {"Order", "OrderLine", "Invoice", "OrderService", "BillingService"}

DATA = DataModel(
    entities=(
        Entity("Order", "orders", "Order.java", 1, "jpa"),
        Entity("OrderLine", "order_lines", "OrderLine.java", 1, "jpa"),
        Entity("Invoice", "invoices", "Invoice.java", 1, "jpa"),
    ),
    foreign_keys=(
        ForeignKey("order_lines", "orders", "schema.sql", 10, "ddl"),
        ForeignKey("invoices", "orders", "schema.sql", 20, "ddl"),
    ),
    accesses=(
        TableAccess("OrderService", "orders", "read", "OrderService.java", 5, "repository"),
        TableAccess("OrderService", "ORDER_LINES", "write", "OrderService.java", 6, "repository"),
        TableAccess("BillingService", "invoices", "write", "BillingService.java", 7, "repository"),
        TableAccess("BillingService", "public.orders", "read", "BillingService.java", 8, "sql"),
        TableAccess("Unknown", "orders", "read", "x", 1, "sql"),
    ),
    transactions=(
        Transaction(
            "OrderService",
            "placeOrder",
            "OrderService.java",
            3,
            "annotation",
            ("orders", "order_lines", "invoices"),
        ),
    ),
)


def test_table_names_join_case_and_schema_insensitively() -> None:
    assert table_key('public."Orders"') == "orders"
    assert table_key("[dbo].[Invoices]") == "invoices"
    accessors = table_accessors(DATA, UNITS)
    assert accessors["orders"] == {"Order": 1, "OrderService": 1, "BillingService": 1}
    assert accessors["order_lines"] == {"OrderLine": 1, "OrderService": 1}
    assert table_mappers(DATA, UNITS)["orders"] == {"Order"}


def test_edge_weights_by_hand() -> None:
    graph = build_data_graph(DATA, UNITS, DataAffinityWeights())
    third = 1 / 3
    expected = {
        # orders is touched by 3 units: each pair 1/2; placeOrder has 4 members: each pair 1/3
        ("Order", "OrderService"): 0.5 + third,
        ("BillingService", "Order"): 0.5,
        ("BillingService", "OrderService"): 0.5,
        # order_lines: 2 units → 1; plus the transaction
        ("OrderLine", "OrderService"): 1 + third,
        ("BillingService", "Invoice"): 1.0,
        # foreign keys between the entities mapping the tables: 0.5 / (1 × 1); plus the transaction
        ("Order", "OrderLine"): 0.5 + third,
        ("Invoice", "Order"): 0.5 + third,
        ("Invoice", "OrderLine"): third,
        ("Invoice", "OrderService"): third,
    }
    got = {tuple(sorted((a, b))): w for a, b, w in graph.edges(data="weight")}
    assert set(got) == set(expected)
    for key, weight in expected.items():
        assert got[key] == pytest.approx(weight), key
    assert graph["Order"]["OrderLine"]["foreign_key"] == pytest.approx(0.5)
    assert graph["Order"]["OrderLine"]["transaction"] == pytest.approx(third)


def test_weights_scale_each_relation() -> None:
    graph = build_data_graph(DATA, UNITS, DataAffinityWeights(shared_table=0, foreign_key=2, transaction=0))
    got = {tuple(sorted((a, b))): w for a, b, w in graph.edges(data="weight")}
    assert got == {("Order", "OrderLine"): 2.0, ("Invoice", "Order"): 2.0}


def test_no_data_no_edges() -> None:
    assert build_data_graph(DataModel(), UNITS, DataAffinityWeights()).number_of_edges() == 0
