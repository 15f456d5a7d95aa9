"""Order placement and cancellation. Stock and orders change in one database transaction."""

import logging
from decimal import Decimal

from django.core.mail import send_mail
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from catalog.models import Product
from orders.invoices import write_invoice
from orders.models import Order, OrderLine, Payment
from orders.payments import charge

logger = logging.getLogger("shopsite")


class OutOfStock(Exception):
    def __init__(self, product, available):
        super().__init__(f"Only {available} of {product.name} left in stock.")
        self.product = product
        self.available = available


def _next_order_number():
    today = timezone.localdate().strftime("%Y%m%d")
    count = Order.objects.filter(number__startswith=f"SO{today}").count() + 1
    return f"SO{today}-{count:04d}"


@transaction.atomic
def place_order(customer, address, cart, card_token):
    """Reserve stock, create the order and its lines, and take payment."""
    items = list(cart.lines())
    if not items:
        raise ValueError("The cart is empty.")

    locked = Product.objects.select_for_update().in_bulk([p.pk for p, _ in items])
    for product, quantity in items:
        current = locked[product.pk]
        if current.stock < quantity:
            raise OutOfStock(current, current.stock)

    totals = cart.totals()
    order = Order.objects.create(
        number=_next_order_number(),
        customer=customer,
        shipping_address=address,
        subtotal=totals["subtotal"],
        shipping=totals["shipping"],
        vat=totals["vat"],
        total=totals["total"],
    )
    OrderLine.objects.bulk_create(
        OrderLine(order=order, product=p, quantity=q, unit_price=p.price, vat_rate=p.vat_rate)
        for p, q in items
    )
    for product, quantity in items:
        Product.objects.filter(pk=product.pk).update(stock=F("stock") - quantity)

    reference, response = charge(order, card_token)
    Payment.objects.create(
        order=order, provider_reference=reference, amount=order.total, succeeded=True, raw_response=response
    )
    order.status = Order.Status.PAID
    order.invoice_file = write_invoice(order)
    order.save(update_fields=["status", "invoice_file"])

    customer.loyalty_points = F("loyalty_points") + int(order.total)
    customer.save(update_fields=["loyalty_points"])

    transaction.on_commit(lambda: _notify(order.pk))
    logger.info("order %s placed by customer %s total %s", order.number, customer.pk, order.total)
    return order


def _notify(order_id):
    order = Order.objects.select_related("customer__user").get(pk=order_id)
    send_mail(
        f"Your order {order.number}",
        f"Thank you for your order. We will let you know when it ships.\n\nTotal: £{order.total}",
        settings.DEFAULT_FROM_EMAIL,
        [order.customer.email],
        fail_silently=True,
    )
    send_mail(
        f"New order {order.number}",
        f"{order.lines.count()} line(s), total £{order.total}",
        settings.DEFAULT_FROM_EMAIL,
        settings.ORDER_NOTIFICATION_EMAILS,
        fail_silently=True,
    )


def cancel_order(order):
    """Cancel an unshipped order and put its stock back."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        if not order.can_cancel:
            raise ValueError(f"Order {order.number} can no longer be cancelled.")
        for line in order.lines.all():
            Product.objects.filter(pk=line.product_id).update(stock=F("stock") + line.quantity)
        order.status = Order.Status.CANCELLED if order.status == Order.Status.PENDING else Order.Status.REFUNDED
        order.save(update_fields=["status"])
    logger.info("order %s cancelled", order.number)
    return order


def mark_shipped(order_ids):
    with transaction.atomic():
        updated = Order.objects.filter(pk__in=order_ids, status=Order.Status.PAID).update(
            status=Order.Status.SHIPPED, shipped_at=timezone.now()
        )
    return updated


def order_value(order):
    return sum((line.line_total for line in order.lines.all()), Decimal("0.00"))
