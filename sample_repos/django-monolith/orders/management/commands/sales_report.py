import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from orders.reports import best_sellers, refunded_total


class Command(BaseCommand):
    help = "Print last week's best sellers and refunds for the trading meeting."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args, **options):
        end = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        start = end - dt.timedelta(days=7)
        self.stdout.write(f"Best sellers {start:%d/%m} - {end:%d/%m}")
        for sku, name, units, revenue in best_sellers(start, end, options["limit"]):
            self.stdout.write(f"{sku:<12} {name[:40]:<40} {units:>6} {revenue:>12}")
        self.stdout.write(f"Refunded: {refunded_total(start, end)}")
