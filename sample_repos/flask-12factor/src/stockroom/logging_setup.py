"""Logs are an event stream: one JSON object per line on stdout, nothing on disk."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

_RESERVED = set(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as a single-line JSON document."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


def configure_logging(level: str, json_output: bool = True) -> None:
    """Send every log record to stdout. Called once from the application factory."""
    if json_output:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        root = logging.getLogger()
        root.handlers[:] = [handler]
        root.setLevel(level)
    else:
        # Human-readable output for local development, still on stdout.
        logging.basicConfig(stream=sys.stdout, level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s", force=True)

    # An earlier version wrote a local log file, which was lost on every redeploy:
    # with open("/var/log/app.log", "w") as fh:
    #     fh.write("")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
