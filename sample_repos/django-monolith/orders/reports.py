"""Sales figures for the weekly trading meeting, straight from the database."""

from django.db import connection

BEST_SELLERS_SQL = """
    SELECT p.sku, p.name, SUM(l.quantity) AS units, SUM(l.quantity * l.unit_price) AS revenue
      FROM orders_orderline l
      JOIN orders_order o ON o.id = l.order_id
      JOIN catalog_product p ON p.id = l.product_id
     WHERE o.status IN ('paid', 'shipped') AND o.placed_at >= %s AND o.placed_at < %s
     GROUP BY p.sku, p.name
     ORDER BY revenue DESC
     LIMIT %s
"""


def best_sellers(start, end, limit=20):
    """(sku, name, units, revenue) of the best-selling products between two datetimes."""
    with connection.cursor() as cursor:
        cursor.execute(BEST_SELLERS_SQL, [start, end, limit])
        return cursor.fetchall()


def refunded_total(start, end):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COALESCE(SUM(total), 0) FROM orders_order WHERE status = 'refunded' "
            "AND placed_at >= %s AND placed_at < %s",
            [start, end],
        )
        return cursor.fetchone()[0]
