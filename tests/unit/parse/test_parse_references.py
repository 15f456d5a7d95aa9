"""Type references (``FileFacts.references``): what a class depends on without an import."""

from __future__ import annotations

from tests.unit.parse.support import parse


def test_java_type_positions_once_each_not_in_comments() -> None:
    facts = parse(
        "java",
        """
        package a;
        // Ghost is only mentioned in a comment
        public class Foo extends Bar implements Baz<Qux> {
            private final OrderRepository orders;
            Line first(PlaceOrderRequest.Line line, OrderRepository again) { return line; }
        }
        """,
    )
    assert facts.references == ("Bar", "Baz", "Qux", "OrderRepository", "Line", "PlaceOrderRequest")


def test_csharp_fields_parameters_bases_generics_and_return_types() -> None:
    facts = parse(
        "csharp",
        """
        namespace Acme.Api;
        public class OrdersController : ControllerBase, IDisposable {
            private readonly OrderService _orders;
            public Task<OrderDto> Get(Guid id, Acme.Data.Store store) => null;
        }
        """,
    )
    assert set(facts.references) == {
        "ControllerBase",
        "IDisposable",
        "OrderService",
        "Task",
        "OrderDto",
        "Guid",
        "Acme.Data.Store",
    }


def test_php_types_bases_and_static_scopes() -> None:
    facts = parse(
        "php",
        """
        <?php
        namespace App\\Http;
        class InvoiceController extends Controller implements HasMiddleware {
            public function show(Invoice $invoice): Response { return Invoice::query(); }
        }
        """,
    )
    assert set(facts.references) == {"Controller", "HasMiddleware", "Invoice", "Response"}


def test_ruby_constants() -> None:
    facts = parse(
        "ruby",
        """
        class Order < ApplicationRecord
          def total = Billing::Rate.vat
        end
        """,
    )
    assert set(facts.references) == {"Order", "ApplicationRecord", "Billing", "Rate"}


def test_dynamic_languages_have_none() -> None:
    assert parse("python", "class A(B):\n    x: C = 1\n").references == ()
