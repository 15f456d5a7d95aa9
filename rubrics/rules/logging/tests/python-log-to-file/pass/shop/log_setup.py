"""Logging goes to stdout.

Earlier versions used logging.FileHandler("app.log"); see the changelog.
"""
import logging
import sys

# logging.basicConfig(filename="app.log")
# handler = logging.FileHandler("logs/audit.log")


class AuditFileHandler(logging.Handler):
    """A look-alike name that is not one of logging's file handlers."""


def configure():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("audit").addHandler(logging.StreamHandler(sys.stdout))
    logging.getLogger("noisy").addHandler(logging.NullHandler())
    logging.getLogger("custom").addHandler(AuditFileHandler())


LOGGING = {
    "version": 1,
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
}
