"""Unit names shared by the data and decomposition analyses, from real parses."""

from __future__ import annotations

import pytest

from assess.analyzers.units import module_name, unit_at, units_of
from assess.parse import parse_code

JAVA = b"""package com.acme.shop.orders;

import java.util.List;

public class OrderService {
    private final Helper helper = new Helper();

    static class Helper {
        void run() {}
    }
}

interface OrderPort {}
"""


def test_java_units_are_package_qualified_top_level_types() -> None:
    facts = parse_code("src/main/java/com/acme/shop/orders/OrderService.java", "java", JAVA)
    assert facts.namespace == "com.acme.shop.orders"
    assert unit_at(facts, 9) == "com.acme.shop.orders.OrderService"  # inside the nested Helper
    assert unit_at(facts, 13) == "com.acme.shop.orders.OrderPort"
    assert units_of(facts) == ("com.acme.shop.orders.OrderService", "com.acme.shop.orders.OrderPort")


@pytest.mark.parametrize(
    ("path", "language", "source", "unit"),
    [
        (
            "Controllers/Orders.cs",
            "csharp",
            b"namespace Acme.Api;\npublic class OrdersController {}\n",
            "Acme.Api.OrdersController",
        ),
        ("Orders.cs", "csharp", b"namespace Acme.Api {\n  class Orders {\n  } }\n", "Acme.Api.Orders"),
        (
            "app/Models/Invoice.php",
            "php",
            b"<?php\nnamespace App\\Models;\nclass Invoice {}\n",
            "App\\Models\\Invoice",
        ),
        ("orders/views.py", "python", b"class OrderView:\n    pass\n", "orders.views"),
        ("src/shop/orders/__init__.py", "python", b"x = 1\n", "shop.orders"),
        ("src/routes/claims.ts", "typescript", b"export class Claims {}\n", "src/routes/claims"),
        ("app/models/order.rb", "ruby", b"class Order < ApplicationRecord\nend\n", "app/models/order"),
        ("internal/store/store.go", "go", b"package store\ntype Store struct{}\n", "internal/store"),
    ],
)
def test_units_per_language(path: str, language: str, source: bytes, unit: str) -> None:
    facts = parse_code(path, language, source)
    last_line = source.count(b"\n")
    assert unit_at(facts, last_line) == unit
    assert units_of(facts) == (unit,)


def test_go_file_at_the_root_is_the_main_module() -> None:
    assert module_name("main.go", "go") == "main"
