"""SQL for items, stock levels and reservations. All state lives in PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC
from typing import Any

from stockroom import db
from stockroom.errors import Conflict, InsufficientStock, NotFound


def list_items(*, location: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    sql = """
        SELECT i.sku, i.name, i.unit, s.location, s.on_hand, s.reserved,
               s.on_hand - s.reserved AS available
          FROM items i
          JOIN stock_levels s ON s.sku = i.sku
         WHERE (%(location)s::text IS NULL OR s.location = %(location)s)
         ORDER BY i.sku, s.location
         LIMIT %(limit)s OFFSET %(offset)s
    """
    with db.connection() as conn:
        return conn.execute(sql, {"location": location, "limit": limit, "offset": offset}).fetchall()


def get_item(sku: str) -> dict[str, Any]:
    with db.connection() as conn:
        item = conn.execute("SELECT sku, name, unit, created_at FROM items WHERE sku = %s", (sku,)).fetchone()
        if item is None:
            raise NotFound(f"item {sku} does not exist")
        item["levels"] = conn.execute(
            "SELECT location, on_hand, reserved FROM stock_levels WHERE sku = %s ORDER BY location",
            (sku,),
        ).fetchall()
    return item


def create_item(sku: str, name: str, unit: str) -> dict[str, Any]:
    with db.transaction() as cur:
        cur.execute("SELECT 1 FROM items WHERE sku = %s", (sku,))
        if cur.fetchone():
            raise Conflict(f"item {sku} already exists")
        cur.execute(
            "INSERT INTO items (sku, name, unit) VALUES (%s, %s, %s) RETURNING sku, name, unit, created_at",
            (sku, name, unit),
        )
        return cur.fetchone()


def adjust_stock(sku: str, location: str, delta: int, reason: str, actor: str) -> dict[str, Any]:
    """Add (or remove, with a negative delta) stock and record the movement."""
    with db.transaction() as cur:
        cur.execute(
            """
            INSERT INTO stock_levels (sku, location, on_hand, reserved)
            VALUES (%s, %s, 0, 0)
            ON CONFLICT (sku, location) DO NOTHING
            """,
            (sku, location),
        )
        cur.execute(
            "SELECT on_hand, reserved FROM stock_levels WHERE sku = %s AND location = %s FOR UPDATE",
            (sku, location),
        )
        level = cur.fetchone()
        if level["on_hand"] + delta < level["reserved"]:
            raise InsufficientStock(
                f"cannot remove {-delta} of {sku} at {location}: "
                f"{level['on_hand'] - level['reserved']} available"
            )
        cur.execute(
            """
            UPDATE stock_levels SET on_hand = on_hand + %s, updated_at = now()
             WHERE sku = %s AND location = %s
            RETURNING sku, location, on_hand, reserved
            """,
            (delta, sku, location),
        )
        updated = cur.fetchone()
        cur.execute(
            "INSERT INTO movements (sku, location, delta, reason, actor) VALUES (%s, %s, %s, %s, %s)",
            (sku, location, delta, reason, actor),
        )
        return updated


def reserve(sku: str, location: str, quantity: int, order_ref: str, ttl_seconds: int) -> dict[str, Any]:
    expires_at = datetime.now(tz=UTC) + timedelta(seconds=ttl_seconds)
    with db.transaction() as cur:
        cur.execute(
            "SELECT on_hand, reserved FROM stock_levels WHERE sku = %s AND location = %s FOR UPDATE",
            (sku, location),
        )
        level = cur.fetchone()
        if level is None:
            raise NotFound(f"no stock of {sku} at {location}")
        if level["on_hand"] - level["reserved"] < quantity:
            raise InsufficientStock(f"only {level['on_hand'] - level['reserved']} of {sku} available")
        cur.execute(
            "UPDATE stock_levels SET reserved = reserved + %s WHERE sku = %s AND location = %s",
            (quantity, sku, location),
        )
        cur.execute(
            """
            INSERT INTO reservations (sku, location, quantity, order_ref, expires_at)
            VALUES (%s, %s, %s, %s, %s)
            RETURNING id, sku, location, quantity, order_ref, expires_at
            """,
            (sku, location, quantity, order_ref, expires_at),
        )
        return cur.fetchone()


def release(reservation_id: int) -> None:
    with db.transaction() as cur:
        cur.execute(
            "DELETE FROM reservations WHERE id = %s RETURNING sku, location, quantity",
            (reservation_id,),
        )
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"reservation {reservation_id} does not exist")
        cur.execute(
            "UPDATE stock_levels SET reserved = reserved - %s WHERE sku = %s AND location = %s",
            (row["quantity"], row["sku"], row["location"]),
        )


def expire_reservations() -> int:
    """Release every reservation past its expiry; returns how many were released."""
    with db.transaction() as cur:
        cur.execute(
            """
            WITH expired AS (
                DELETE FROM reservations WHERE expires_at < now()
                RETURNING sku, location, quantity
            ), totals AS (
                SELECT sku, location, sum(quantity) AS quantity FROM expired GROUP BY sku, location
            )
            UPDATE stock_levels s SET reserved = s.reserved - t.quantity
              FROM totals t
             WHERE s.sku = t.sku AND s.location = t.location
            """
        )
        return cur.rowcount


def movements_between(start: datetime, end: datetime, limit: int):
    """Yield movement rows in a date range, streamed with a server-side cursor."""
    with db.connection() as conn, conn.cursor(name="movements_report") as cur:
        cur.execute(
            """
            SELECT m.created_at, m.sku, i.name, m.location, m.delta, m.reason, m.actor
              FROM movements m JOIN items i ON i.sku = m.sku
             WHERE m.created_at >= %s AND m.created_at < %s
             ORDER BY m.created_at
             LIMIT %s
            """,
            (start, end, limit),
        )
        yield from cur
