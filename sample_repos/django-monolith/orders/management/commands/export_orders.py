"""Nightly CSV export of yesterday's orders for the accounts package (run from cron on shop01)."""

import csv
import datetime as dt
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from orders.models import Order

COLUMNS = ["number", "placed_at", "customer", "email", "status", "subtotal", "shipping", "vat", "total"]


class Command(BaseCommand):
    help = "Export one day's orders to EXPORT_ROOT/orders-YYYY-MM-DD.csv"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="day to export (YYYY-MM-DD); default: yesterday")

    def handle(self, *args, **options):
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("--date must look like 2024-01-31") from exc
        else:
            day = timezone.localdate() - dt.timedelta(days=1)

        orders = (
            Order.objects.filter(placed_at__date=day)
            .select_related("customer__user")
            .order_by("placed_at")
        )
        os.makedirs(settings.EXPORT_ROOT, exist_ok=True)
        target = os.path.join(settings.EXPORT_ROOT, f"orders-{day.isoformat()}.csv")
        with open(target, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            for order in orders:
                writer.writerow(
                    [
                        order.number,
                        timezone.localtime(order.placed_at).isoformat(timespec="seconds"),
                        str(order.customer),
                        order.customer.email,
                        order.status,
                        order.subtotal,
                        order.shipping,
                        order.vat,
                        order.total,
                    ]
                )
        self.stdout.write(self.style.SUCCESS(f"Exported {orders.count()} orders to {target}"))
