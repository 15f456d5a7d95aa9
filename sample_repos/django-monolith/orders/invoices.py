"""Plain-text invoices, written next to the exports so the accounts team can fetch them."""

import os

from django.conf import settings
from django.utils import timezone

INVOICE_DIR = os.path.join(settings.EXPORT_ROOT, "invoices")


def invoice_path(order):
    return os.path.join(INVOICE_DIR, f"{order.number}.txt")


def render_invoice(order):
    address = order.shipping_address
    lines = [
        "SHOPSITE LTD - VAT INVOICE",
        f"Invoice: {order.number}    Date: {timezone.localdate():%d/%m/%Y}",
        "",
        str(order.customer),
        *address.as_lines(),
        "",
        f"{'Item':<40}{'Qty':>5}{'Price':>12}{'Total':>12}",
    ]
    for line in order.lines.select_related("product"):
        lines.append(f"{line.product.name[:39]:<40}{line.quantity:>5}{line.unit_price:>12}{line.line_total:>12}")
    lines += [
        "",
        f"{'Subtotal':>57}{order.subtotal:>12}",
        f"{'Shipping':>57}{order.shipping:>12}",
        f"{'VAT':>57}{order.vat:>12}",
        f"{'Total':>57}{order.total:>12}",
    ]
    return "\n".join(lines) + "\n"


def write_invoice(order):
    """Write the invoice file and return its path relative to EXPORT_ROOT."""
    path = invoice_path(order)
    os.makedirs(INVOICE_DIR, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(render_invoice(order))
    return os.path.relpath(path, settings.EXPORT_ROOT)


def read_invoice(order):
    path = os.path.join(settings.EXPORT_ROOT, order.invoice_file)
    with open(path, "rb") as fh:
        return fh.read()
