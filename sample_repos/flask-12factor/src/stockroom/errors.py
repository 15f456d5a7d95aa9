"""Problem-details (RFC 7807) error responses."""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An expected failure with an HTTP status and a stable error type."""

    status = 400
    type = "about:blank"

    def __init__(self, detail: str, *, status: int | None = None, type_: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if type_ is not None:
            self.type = type_


class NotFound(ApiError):
    status = 404
    type = "/problems/not-found"


class Conflict(ApiError):
    status = 409
    type = "/problems/conflict"


class InsufficientStock(ApiError):
    status = 422
    type = "/problems/insufficient-stock"


def _problem(status: int, title: str, detail: str, type_: str = "about:blank"):
    response = jsonify({"type": type_, "title": title, "status": status, "detail": detail})
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(err: ApiError):
        return _problem(err.status, err.__class__.__name__, err.detail, err.type)

    @app.errorhandler(HTTPException)
    def handle_http_error(err: HTTPException):
        return _problem(err.code or 500, err.name, err.description or "")

    @app.errorhandler(Exception)
    def handle_unexpected(err: Exception):
        log.exception("unhandled error")
        return _problem(500, "Internal Server Error", "An unexpected error occurred.")
