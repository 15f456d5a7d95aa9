"""PostgreSQL access through a psycopg 3 connection pool, one pool per worker process."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from stockroom.config import Settings

log = logging.getLogger(__name__)

_pool: ConnectionPool | None = None
_settings: Settings | None = None


def init_pool(settings: Settings) -> None:
    """Create the pool lazily; the connections open on first use, after gunicorn forks."""
    global _pool, _settings
    _settings = settings
    if _pool is not None:
        return
    _pool = ConnectionPool(
        conninfo=settings.database_url,
        min_size=settings.db_pool_min,
        max_size=settings.db_pool_max,
        kwargs={
            "row_factory": dict_row,
            "options": f"-c statement_timeout={settings.db_statement_timeout_ms}",
            "application_name": "stockroom",
        },
        open=False,
        name="stockroom",
    )


def reset_pool_after_fork() -> None:
    """Called from gunicorn's post_fork hook: drop any pool inherited from the master."""
    global _pool
    if _pool is not None:
        _pool = None
    if _settings is not None:
        init_pool(_settings)


def _get_pool() -> ConnectionPool:
    if _pool is None:
        raise RuntimeError("database pool is not initialised; call init_pool() first")
    if _pool.closed:
        _pool.open(wait=True, timeout=10)
    return _pool


@contextmanager
def connection() -> Iterator[psycopg.Connection]:
    """A pooled connection; commits on success, rolls back on error."""
    with _get_pool().connection() as conn:
        yield conn


@contextmanager
def transaction() -> Iterator[psycopg.Cursor]:
    """A cursor inside one database transaction."""
    with connection() as conn, conn.transaction(), conn.cursor() as cur:
        yield cur


def ping() -> bool:
    """True when the database answers a trivial query within the pool timeout."""
    try:
        with connection() as conn:
            conn.execute("SELECT 1")
        return True
    except (psycopg.Error, RuntimeError) as exc:
        log.warning("database ping failed: %s", exc)
        return False
