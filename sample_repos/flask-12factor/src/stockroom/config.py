"""Configuration read from the environment once, at start-up (twelve-factor III)."""

from __future__ import annotations

import os
from dataclasses import dataclass


class ConfigError(RuntimeError):
    """A required setting is missing or malformed."""


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


def _bool_env(name: str, default: bool) -> bool:
    raw = os.getenv(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Everything the service needs to know about its environment."""

    database_url: str
    environment: str = "production"
    log_level: str = "INFO"
    json_logs: bool = True
    db_pool_min: int = 1
    db_pool_max: int = 10
    db_statement_timeout_ms: int = 5000
    reservation_ttl_seconds: int = 900
    max_request_bytes: int = 1_048_576
    report_row_limit: int = 50_000

    @classmethod
    def from_env(cls) -> Settings:
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url:
            raise ConfigError("DATABASE_URL is not set")
        return cls(
            database_url=database_url,
            environment=os.getenv("APP_ENV", "production"),
            log_level=os.getenv("LOG_LEVEL", "INFO").upper(),
            json_logs=_bool_env("LOG_JSON", True),
            db_pool_min=_int_env("DB_POOL_MIN", 1),
            db_pool_max=_int_env("DB_POOL_MAX", 10),
            db_statement_timeout_ms=_int_env("DB_STATEMENT_TIMEOUT_MS", 5000),
            reservation_ttl_seconds=_int_env("RESERVATION_TTL_SECONDS", 900),
            max_request_bytes=_int_env("MAX_REQUEST_BYTES", 1_048_576),
            report_row_limit=_int_env("REPORT_ROW_LIMIT", 50_000),
        )
