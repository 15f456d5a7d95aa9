"""Liveness and readiness probes."""

from __future__ import annotations

from flask import Blueprint, jsonify

from stockroom import db

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    """Liveness: the process is up and serving requests."""
    return jsonify(status="ok")


@bp.get("/health/ready")
def ready():
    """Readiness: the database is reachable; take the instance out of rotation otherwise."""
    if db.ping():
        return jsonify(status="ready", database="up")
    return jsonify(status="unavailable", database="down"), 503
