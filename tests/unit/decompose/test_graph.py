"""The static dependency graph: imports, references, inheritance and calls in every language."""

from __future__ import annotations

import textwrap

import pytest

from assess.decompose.graph import build_static_graph, is_test_path, package_of
from assess.decompose.settings import StaticWeights
from assess.model import FileFacts
from assess.parse import parse_code

LANGUAGE = {
    ".java": "java",
    ".cs": "csharp",
    ".py": "python",
    ".ts": "typescript",
    ".js": "javascript",
    ".go": "go",
    ".rb": "ruby",
    ".php": "php",
}


def facts_of(files: dict[str, str]) -> dict[str, FileFacts]:
    parsed = {}
    for path, code in files.items():
        language = LANGUAGE["." + path.rsplit(".", 1)[1]]
        parsed[path] = parse_code(path, language, textwrap.dedent(code).lstrip("\n").encode())
    return parsed


def edges(files: dict[str, str], **weights: float) -> dict[tuple[str, str], tuple[int, int, int, float]]:
    graph = build_static_graph(facts_of(files), StaticWeights(**weights)).graph  # type: ignore[arg-type]
    return {
        (a, b): (d["imports"], d["references"], d["calls"], d["weight"]) for a, b, d in graph.edges(data=True)
    }


JAVA = {
    "src/main/java/com/x/orders/Order.java": """
        package com.x.orders;
        public class Order { private OrderLine line; }
    """,
    "src/main/java/com/x/orders/OrderLine.java": """
        package com.x.orders;
        public class OrderLine {}
    """,
    "src/main/java/com/x/orders/OrderService.java": """
        package com.x.orders;
        import com.x.billing.Invoice;
        import com.x.util.*;
        public class OrderService {
            Invoice make(Order order) { Helper.go(); return new Invoice(); }
        }
    """,
    "src/main/java/com/x/billing/Invoice.java": """
        package com.x.billing;
        public class Invoice extends Base {}
    """,
    "src/main/java/com/x/util/Helper.java": """
        package com.x.util;
        public class Helper { static void go() {} }
    """,
    "src/main/java/com/x/common/Base.java": """
        package com.x.common;
        public class Base {}
    """,
    "src/test/java/com/x/orders/OrderServiceTest.java": """
        package com.x.orders;
        public class OrderServiceTest { OrderService service; }
    """,
}


def test_java_same_package_references_imports_wildcards_and_calls() -> None:
    got = edges(JAVA)
    assert got == {
        # a field type in the same package: no import needed
        ("com.x.orders.Order", "com.x.orders.OrderLine"): (0, 1, 0, 1.0),
        # import + return type + new Invoice(): 1 + 1 + 0.5
        ("com.x.orders.OrderService", "com.x.billing.Invoice"): (1, 1, 1, 2.5),
        ("com.x.orders.OrderService", "com.x.orders.Order"): (0, 1, 0, 1.0),
        # static call through a wildcard import
        ("com.x.orders.OrderService", "com.x.util.Helper"): (0, 0, 1, 0.5),
    }
    # Invoice extends Base, but Base is neither imported nor in its package: no guessed edge


def test_test_code_is_left_out_unless_asked() -> None:
    graph = build_static_graph(facts_of(JAVA), StaticWeights()).graph
    assert "com.x.orders.OrderServiceTest" not in graph
    with_tests = build_static_graph(facts_of(JAVA), StaticWeights(exclude_tests=False)).graph
    assert with_tests.has_edge("com.x.orders.OrderServiceTest", "com.x.orders.OrderService")


def test_node_attributes() -> None:
    graph = build_static_graph(facts_of(JAVA), StaticWeights()).graph
    node = graph.nodes["com.x.orders.Order"]
    assert node["file"] == "src/main/java/com/x/orders/Order.java"
    assert node["package"] == "com.x.orders"
    assert node["language"] == "java"
    assert node["code_lines"] == 2


def test_weights_come_from_the_rubric() -> None:
    got = edges(JAVA, imports=2.0, references=0.0, calls=1.0)
    assert got[("com.x.orders.OrderService", "com.x.billing.Invoice")][3] == 3.0
    assert ("com.x.orders.Order", "com.x.orders.OrderLine") not in got  # weight 0: no edge


def test_python_modules_relative_imports_calls_and_named_modules() -> None:
    got = edges(
        {
            "shop/orders/models.py": """
                from shop.catalog.models import Product
                class Order:
                    product = ForeignKey(Product, on_delete=CASCADE)
            """,
            "shop/orders/services.py": """
                from .models import Order
                from shop.payments import charge

                def place():
                    charge(1)
                    charge(2)
                    return Order.objects.create()
            """,
            "shop/catalog/models.py": "class Product:\n    pass\n",
            "shop/payments.py": "def charge(x):\n    return x\n",
            "shop/urls.py": """
                from django.urls import include, path
                urlpatterns = [path("orders/", include("shop.orders.services"))]
            """,
        }
    )
    assert got == {
        ("shop.orders.models", "shop.catalog.models"): (1, 1, 0, 2.0),
        ("shop.orders.services", "shop.orders.models"): (1, 0, 1, 1.5),
        ("shop.orders.services", "shop.payments"): (1, 0, 2, 2.0),
        ("shop.urls", "shop.orders.services"): (0, 1, 0, 1.0),
    }


def test_typescript_relative_imports_with_index_and_extensions() -> None:
    got = edges(
        {
            "src/routes/claims.ts": 'import { Claim } from "../models/claim";\nimport db from "./db.js";\n',
            "src/routes/db.ts": "export default {};\n",
            "src/routes/index.ts": 'export * from "./claims";\n',
            "src/models/claim.ts": "export class Claim {}\n",
            "src/index.ts": 'import routes from "./routes";\nimport express from "express";\n',
        }
    )
    assert set(got) == {
        ("src/routes/claims", "src/models/claim"),
        ("src/routes/claims", "src/routes/db"),
        ("src/routes/index", "src/routes/claims"),
        ("src/index", "src/routes/index"),
    }


def test_go_packages_by_import_path_suffix_and_calls_through_the_package_name() -> None:
    got = edges(
        {
            "internal/orders/service.go": """
                package orders
                import (
                    "fmt"
                    "github.com/acme/shop/internal/billing"
                    "github.com/acme/shop/internal/store/pg"
                )
                type Service struct { client *billing.Client }
                func NewService() *Service { postgres.Open(); return &Service{} }
                func (s *Service) Place() { billing.Raise(); billing.Raise(); s.client.Send(); fmt.Println() }
            """,
            "internal/billing/invoice.go": """
                package billing
                type Client struct{}
                func Raise() {}
                func (c *Client) Send() {}
            """,
            # the folder is pg, the package is postgres: calls name the package
            "internal/store/pg/db.go": "package postgres\nfunc Open() {}\n",
            "cmd/shop/main.go": """
                package main
                import "github.com/acme/shop/internal/orders"
                func main() { orders.NewService().Place() }
            """,
        }
    )
    assert got == {
        # import + billing.Raise() twice; s.client.Send() is a method on a value, not counted
        ("internal/orders", "internal/billing"): (1, 0, 2, 2.0),
        ("internal/orders", "internal/store/pg"): (1, 0, 1, 1.5),
        ("cmd/shop", "internal/orders"): (1, 0, 1, 1.5),
    }


def test_javascript_require_and_calls_of_imported_modules_and_names() -> None:
    got = edges(
        {
            "src/routes/claims.js": """
                const store = require('../store');
                const { remember } = require('../cache');
                function list() { return store.list(); }
                function one(id) { remember(id); return store.get(id); }
                module.exports = { list, one };
            """,
            "src/store.js": "function list() { return []; }\nfunction get(id) { return id; }\nmodule.exports = { list, get };\n",
            "src/cache.js": "function remember(k) { return k; }\nmodule.exports = { remember };\n",
        }
    )
    assert got == {
        # require + store.list() + store.get(): 1 + 2 × 0.5
        ("src/routes/claims", "src/store"): (1, 0, 2, 2.0),
        # require + remember(), a function cache.js declares
        ("src/routes/claims", "src/cache"): (1, 0, 1, 1.5),
    }


def test_typescript_named_and_namespace_imports_are_followed_to_their_calls() -> None:
    got = edges(
        {
            "src/routes/quotes.ts": """
                import { zoneFor, Zone } from "../domain/zones";
                import * as rates from "../domain/rates.js";
                class Surcharge { amount = 1; }
                export function quote(country: string): number {
                    const zone: Zone = zoneFor(country);
                    return rates.priceFor(zone) + new Surcharge().amount;
                }
            """,
            "src/domain/zones.ts": """
                export class Zone {}
                export function zoneFor(country: string): Zone { return new Zone(); }
            """,
            "src/domain/rates.ts": """
                import { Zone } from "./zones";
                export function priceFor(zone: Zone): number { return 1; }
            """,
        }
    )
    assert got == {
        # import + zoneFor(); new Surcharge() is the file's own class
        ("src/routes/quotes", "src/domain/zones"): (1, 0, 1, 1.5),
        # import + rates.priceFor() through the namespace object
        ("src/routes/quotes", "src/domain/rates"): (1, 0, 1, 1.5),
        ("src/domain/rates", "src/domain/zones"): (1, 0, 0, 1.0),
    }


def test_ruby_constants_inheritance_and_require_relative() -> None:
    got = edges(
        {
            "app/models/order.rb": """
                class Order < ApplicationRecord
                  def invoice
                    Invoice.find(1)
                  end
                end
            """,
            "app/models/invoice.rb": "class Invoice < ApplicationRecord\nend\n",
            "app/models/application_record.rb": "class ApplicationRecord\nend\n",
            "lib/tasks/report.rb": 'require_relative "../../app/models/order"\n',
        }
    )
    assert got == {
        ("app/models/order", "app/models/application_record"): (0, 1, 0, 1.0),
        ("app/models/order", "app/models/invoice"): (0, 1, 1, 1.5),
        ("app/models/invoice", "app/models/application_record"): (0, 1, 0, 1.0),
        ("lib/tasks/report", "app/models/order"): (1, 0, 0, 1.0),
    }


def test_csharp_usings_and_parent_namespaces() -> None:
    got = edges(
        {
            "Controllers/OrdersController.cs": """
                using Acme.Api.Services;
                namespace Acme.Api.Controllers;
                public class OrdersController { private readonly OrderService _orders; }
            """,
            "Services/OrderService.cs": """
                namespace Acme.Api.Services;
                public class OrderService : IOrderService { }
            """,
            "IOrderService.cs": "namespace Acme.Api;\npublic interface IOrderService { }\n",
        }
    )
    assert got == {
        ("Acme.Api.Controllers.OrdersController", "Acme.Api.Services.OrderService"): (0, 1, 0, 1.0),
        ("Acme.Api.Services.OrderService", "Acme.Api.IOrderService"): (0, 1, 0, 1.0),
    }


def test_php_use_statements_same_namespace_and_static_calls() -> None:
    got = edges(
        {
            "app/Http/Controllers/InvoiceController.php": """
                <?php
                namespace App\\Http\\Controllers;
                use App\\Models\\Invoice;
                class InvoiceController extends Controller {
                    public function show(Invoice $invoice) { return Invoice::find(1); }
                }
            """,
            "app/Http/Controllers/Controller.php": "<?php\nnamespace App\\Http\\Controllers;\nabstract class Controller {}\n",
            "app/Models/Invoice.php": "<?php\nnamespace App\\Models;\nclass Invoice {}\n",
        }
    )
    assert got == {
        ("App\\Http\\Controllers\\InvoiceController", "App\\Models\\Invoice"): (1, 1, 1, 2.5),
        ("App\\Http\\Controllers\\InvoiceController", "App\\Http\\Controllers\\Controller"): (0, 1, 0, 1.0),
    }


def test_empty_and_broken_files_add_no_units() -> None:
    graph = build_static_graph(
        facts_of({"pkg/__init__.py": "", "pkg/a.py": "import pkg.b\n", "pkg/b.py": "X = 1\n"}),
        StaticWeights(),
    ).graph
    assert sorted(graph) == ["pkg.a", "pkg.b"]
    assert list(graph.edges) == [("pkg.a", "pkg.b")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/test/java/a/FooTest.java", True),
        ("src/main/java/a/Foo.java", False),
        ("tests/test_x.py", True),
        ("app/test_utils.py", True),
        ("app/contest.py", False),
        ("pkg/x_test.go", True),
        ("src/a.spec.ts", True),
        ("spec/models/order_spec.rb", True),
        ("Acme.Tests/OrderTests.cs", True),
        ("src/attestation.ts", False),
    ],
)
def test_is_test_path(path: str, expected: bool) -> None:
    assert is_test_path(path) is expected


def test_package_of() -> None:
    java = facts_of({"a/B.java": "package com.x.orders;\nclass B {}\n"})["a/B.java"]
    assert package_of("com.x.orders.B", java) == "com.x.orders"
    py = facts_of({"orders/views.py": "X = 1\n"})["orders/views.py"]
    assert package_of("orders.views", py) == "orders"
    ts = facts_of({"src/routes/a.ts": "export const a = 1;\n"})["src/routes/a.ts"]
    assert package_of("src/routes/a", ts) == "src/routes"
