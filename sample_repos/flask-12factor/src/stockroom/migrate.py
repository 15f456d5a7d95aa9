"""Apply the database schema. Run as the Procfile's release phase: ``python -m stockroom.migrate``."""

from __future__ import annotations

import logging
import sys
from importlib import resources

from stockroom.config import ConfigError, Settings
from stockroom.db import connection, init_pool
from stockroom.logging_setup import configure_logging

log = logging.getLogger("stockroom.migrate")


def main() -> int:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, json_output=settings.json_logs)
    init_pool(settings)

    schema = resources.files("stockroom").joinpath("schema.sql").read_text(encoding="utf-8")
    with connection() as conn:
        conn.execute("SELECT pg_advisory_lock(72031)")
        try:
            conn.execute(schema)
        finally:
            conn.execute("SELECT pg_advisory_unlock(72031)")
    log.info("schema applied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
