"""stockroom: inventory levels, reservations and movement reports over HTTP."""

from __future__ import annotations

import logging

from flask import Flask

from stockroom.config import Settings
from stockroom.db import init_pool
from stockroom.errors import register_error_handlers
from stockroom.health import bp as health_bp
from stockroom.items import bp as items_bp
from stockroom.logging_setup import configure_logging
from stockroom.reports import bp as reports_bp
from stockroom.reservations import bp as reservations_bp

__version__ = "1.4.2"

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> Flask:
    """Application factory used by gunicorn (``stockroom:create_app()``) and by the tests."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level, json_output=settings.json_logs)

    app = Flask(__name__)
    app.config["SETTINGS"] = settings
    app.config["JSON_SORT_KEYS"] = False
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes

    init_pool(settings)

    app.register_blueprint(health_bp)
    app.register_blueprint(items_bp, url_prefix="/api/v1/items")
    app.register_blueprint(reservations_bp, url_prefix="/api/v1/reservations")
    app.register_blueprint(reports_bp, url_prefix="/api/v1/reports")
    register_error_handlers(app)

    log.info("stockroom %s started", __version__, extra={"environment": settings.environment})
    return app
