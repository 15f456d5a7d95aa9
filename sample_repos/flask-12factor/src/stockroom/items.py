"""HTTP API for items and stock adjustments."""

from __future__ import annotations

import logging

from flask import Blueprint, jsonify, request

from stockroom import repository
from stockroom.errors import ApiError

bp = Blueprint("items", __name__)
log = logging.getLogger(__name__)

_UNITS = {"each", "box", "pallet", "kg", "m"}


def _json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError("request body must be a JSON object")
    return body


@bp.get("")
def list_items():
    try:
        limit = min(int(request.args.get("limit", 100)), 500)
        offset = max(int(request.args.get("offset", 0)), 0)
    except ValueError as exc:
        raise ApiError("limit and offset must be integers") from exc
    rows = repository.list_items(location=request.args.get("location"), limit=limit, offset=offset)
    return jsonify(items=rows, limit=limit, offset=offset)


@bp.get("/<sku>")
def get_item(sku: str):
    return jsonify(repository.get_item(sku))


@bp.post("")
def create_item():
    body = _json_body()
    sku = str(body.get("sku", "")).strip().upper()
    name = str(body.get("name", "")).strip()
    unit = body.get("unit", "each")
    if not sku or not name:
        raise ApiError("sku and name are required")
    if unit not in _UNITS:
        raise ApiError(f"unit must be one of {sorted(_UNITS)}")
    item = repository.create_item(sku, name, unit)
    log.info("item created", extra={"sku": sku})
    return jsonify(item), 201


@bp.post("/<sku>/adjustments")
def adjust(sku: str):
    body = _json_body()
    try:
        delta = int(body["delta"])
        location = str(body["location"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ApiError("delta (integer) and location are required") from exc
    if delta == 0:
        raise ApiError("delta must not be zero")
    actor = request.headers.get("X-Actor", "unknown")
    level = repository.adjust_stock(sku, location, delta, body.get("reason", "manual"), actor)
    log.info("stock adjusted", extra={"sku": sku, "location": location, "delta": delta, "actor": actor})
    return jsonify(level)
