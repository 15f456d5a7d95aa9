"""Suggested names of candidate services: package first, then the words units and entities share."""

from __future__ import annotations

import networkx as nx
import pytest

from assess.decompose.naming import package_labels, singular, suggest_names, words


def graph(units: dict[str, tuple[str, int]]) -> nx.Graph:
    """unit → (package, code lines)."""
    g = nx.Graph()
    for unit, (package, lines) in units.items():
        g.add_node(unit, package=package, code_lines=lines)
    return g


@pytest.mark.parametrize(
    ("word", "expected"),
    [("categories", "category"), ("products", "product"), ("addresses", "address"), ("status", "status"),
     ("class", "class"), ("analysis", "analysis"), ("orders", "order"), ("box", "box")],
)  # fmt: skip
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_words_drop_technical_parts_of_names() -> None:
    assert words("IProductService") == ["product"]
    assert words("CreateProductRequest") == ["product"]
    assert words("PriceChangeDto") == ["price"]
    assert words("task_importer") == ["task", "importer"]
    assert words("HTTPOrderAPIController") == ["order"]
    assert words("views") == []


def test_the_shared_prefix_ignores_a_few_outliers() -> None:
    units = {
        f"Acme.Shop.{area}.{name}": (f"Acme.Shop.{area}", 10)
        for area, name in [
            ("Orders", "A"),
            ("Orders", "B"),
            ("Billing", "C"),
            ("Billing", "D"),
            ("Stock", "E"),
        ]
    }
    units["Program"] = ("Program", 10)  # 1 of 6 units outside Acme.Shop: 5/6 ≥ 75 % share it
    labels = package_labels(graph(units))
    assert labels["Acme.Shop.Orders.A"] == "Orders"
    assert labels["Acme.Shop.Stock.E"] == "Stock"
    assert labels["Program"] == "Program"
    units["routes/web"] = ("routes", 10)
    units["config/app"] = ("config", 10)  # now 5 of 8 (62 %): no shared prefix
    assert package_labels(graph(units))["Acme.Shop.Orders.A"] == "Acme"


def test_domain_packages_name_their_candidates() -> None:
    g = graph({"x.shop.orders.Order": ("x.shop.orders", 50), "x.shop.orders.OrderService": ("x.shop.orders", 50),
               "x.shop.billing.Invoice": ("x.shop.billing", 40), "x.shop.Main": ("x.shop", 5)})  # fmt: skip
    names = suggest_names(
        [["x.shop.orders.Order", "x.shop.orders.OrderService"], ["x.shop.billing.Invoice", "x.shop.Main"]],
        g,
        [["Order"], ["Invoice"]],
    )
    assert names[0] == ("orders", "package 'orders' holds 2 of 2 units (100% of the code); entities Order")
    # billing holds 40 of the 45 lines: 89 %
    assert names[1] == ("billing", "package 'billing' holds 1 of 2 units (89% of the code); entities Invoice")


def test_layered_packages_give_way_to_the_words_units_share() -> None:
    c, s, d = "Api.Controllers", "Api.Services", "Api.Domain"
    g = graph({f"{c}.ProductsController": (c, 30), f"{s}.ProductService": (s, 30), f"{d}.Product": (d, 10),
               f"{c}.CategoriesController": (c, 30), f"{d}.Category": (d, 10), f"{s}.Mailer": (s, 5)})  # fmt: skip
    names = suggest_names(
        [[f"{c}.ProductsController", f"{s}.ProductService", f"{d}.Product"],
         [f"{c}.CategoriesController", f"{d}.Category", f"{s}.Mailer"]],
        g,
        [["Product"], ["Category"]],
    )  # fmt: skip
    assert [name for name, _ in names] == ["product", "category"]
    # product: 3 units + the Product entity
    assert names[0][1].startswith("'product' is in the names of 4 of its 3 units and entities; package ")


def test_a_word_goes_to_the_candidate_it_says_most_about() -> None:
    m, h = "App.Models", "App.Http"
    g = graph({f"{m}.Invoice": (m, 20), f"{m}.Payment": (m, 20), f"{m}.Attachment": (m, 20), f"{m}.User": (m, 5),
               f"{h}.InvoiceController": (h, 30), f"{h}.InvoicePdfRenderer": (h, 30), f"{h}.InvoiceNumbers": (h, 5)})  # fmt: skip
    first = [f"{m}.Invoice", f"{m}.Payment", f"{m}.Attachment", f"{m}.User"]
    second = [f"{h}.InvoiceController", f"{h}.InvoicePdfRenderer", f"{h}.InvoiceNumbers"]
    names = suggest_names([first, second], g, [["Invoice", "Payment", "Attachment"], []])
    # invoice: 2 of 4 + 3 = 7 in the first (0.29), 3 of 3 in the second (1.0): the second gets it;
    # the first then takes its best remaining word (payment and attachment tie on 2 and on code,
    # so the alphabet decides)
    assert [name for name, _ in names] == ["attachment", "invoice"]


def test_names_stay_unique() -> None:
    g = graph({"a/alpha": ("a", 1), "a/beta": ("a", 1), "a/gamma": ("a", 1), "a/delta": ("a", 1)})
    names = suggest_names([["a/alpha", "a/beta"], ["a/gamma", "a/delta"]], g, [[], []])
    # both in package a: by words, ties broken by the alphabet
    assert [name for name, _ in names] == ["alpha", "delta"]
    g = graph({"app/main": ("app", 1), "app/index": ("app", 1)})
    names = suggest_names([["app/main"], ["app/index"]], g, [[], []])
    assert [name for name, _ in names] == ["app", "app-2"]  # no words at all: the package, numbered
