"""Short-lived stock reservations held while a customer checks out."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, request

from stockroom import repository
from stockroom.errors import ApiError

bp = Blueprint("reservations", __name__)
log = logging.getLogger(__name__)


@bp.post("")
def create_reservation():
    body = request.get_json(silent=True) or {}
    try:
        sku = str(body["sku"])
        location = str(body["location"])
        quantity = int(body["quantity"])
        order_ref = str(body["order_ref"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ApiError("sku, location, quantity and order_ref are required") from exc
    if quantity <= 0:
        raise ApiError("quantity must be positive")
    ttl = current_app.config["SETTINGS"].reservation_ttl_seconds
    reservation = repository.reserve(sku, location, quantity, order_ref, ttl)
    log.info("stock reserved", extra={"order_ref": order_ref, "sku": sku, "quantity": quantity})
    return jsonify(reservation), 201


@bp.delete("/<int:reservation_id>")
def release_reservation(reservation_id: int):
    repository.release(reservation_id)
    return "", 204


@bp.post("/expire")
def expire():
    """Called by the platform scheduler every minute; safe to run on any instance."""
    released = repository.expire_reservations()
    if released:
        log.info("expired reservations released", extra={"count": released})
    return jsonify(released=released)
