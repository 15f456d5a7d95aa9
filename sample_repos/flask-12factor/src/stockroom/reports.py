"""Movement reports for finance, as CSV downloads.

Reports can be large, so rows are streamed from a server-side cursor into a scratch file
in the system temp directory and sent from there. The scratch file belongs to one request
and is deleted when the response closes: nothing outlives the request on local disk.
"""

from __future__ import annotations

import csv
import logging
import os
import tempfile
import uuid
from datetime import date, datetime, time, timedelta, UTC

from flask import Blueprint, current_app, request, send_file

from stockroom import repository
from stockroom.errors import ApiError

bp = Blueprint("reports", __name__)
log = logging.getLogger(__name__)

_COLUMNS = ["created_at", "sku", "name", "location", "delta", "reason", "actor"]


def _parse_day(value: str | None, field: str) -> date:
    if not value:
        raise ApiError(f"{field} is required (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(f"{field} must be a date (YYYY-MM-DD)") from exc


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError:
        log.warning("could not remove scratch file %s", path, exc_info=True)


@bp.get("/movements.csv")
def movements_csv():
    start_day = _parse_day(request.args.get("from"), "from")
    end_day = _parse_day(request.args.get("to"), "to")
    if end_day < start_day:
        raise ApiError("'to' must not be before 'from'")
    if end_day - start_day > timedelta(days=366):
        raise ApiError("a report covers at most one year")

    start = datetime.combine(start_day, time.min, tzinfo=UTC)
    end = datetime.combine(end_day + timedelta(days=1), time.min, tzinfo=UTC)
    limit = current_app.config["SETTINGS"].report_row_limit
    name = f"movements-{start_day:%Y%m%d}-{end_day:%Y%m%d}-{uuid.uuid4().hex[:8]}.csv"

    os.makedirs(os.path.join(tempfile.gettempdir(), "stockroom-reports"), exist_ok=True)
    rows = 0
    with open(os.path.join(tempfile.gettempdir(), "stockroom-reports", name), "w", newline="", encoding="utf-8") as fh:
        scratch_path = fh.name
        writer = csv.writer(fh)
        writer.writerow(_COLUMNS)
        for row in repository.movements_between(start, end, limit):
            writer.writerow([row[column] for column in _COLUMNS])
            rows += 1

    log.info("movement report generated", extra={"rows": rows, "from": str(start_day), "to": str(end_day)})
    response = send_file(
        scratch_path,
        mimetype="text/csv",
        as_attachment=True,
        download_name=f"movements-{start_day}-{end_day}.csv",
        max_age=0,
    )
    response.call_on_close(lambda: _remove_quietly(scratch_path))
    return response
