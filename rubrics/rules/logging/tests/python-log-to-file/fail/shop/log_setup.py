import logging
import logging.config
from logging.handlers import RotatingFileHandler, TimedRotatingFileHandler

LOG_FILE = "logs/shop.log"


def configure():
    # ruleid: python-log-to-file
    logging.basicConfig(level=logging.INFO, filename=LOG_FILE)
    # ruleid: python-log-to-file
    audit = logging.FileHandler("logs/audit.log")
    logging.getLogger("audit").addHandler(audit)
    # ruleid: python-log-to-file
    rotating = RotatingFileHandler(LOG_FILE, maxBytes=10_000_000, backupCount=5)
    # ruleid: python-log-to-file
    nightly = TimedRotatingFileHandler("logs/nightly.log", when="midnight")
    logging.getLogger("shop").addHandler(rotating)
    logging.getLogger("jobs").addHandler(nightly)


LOGGING = {
    "version": 1,
    "handlers": {
        "file": {
            # ruleid: python-log-to-file
            "class": "logging.handlers.RotatingFileHandler",
            "filename": "logs/django.log",
        },
    },
    "root": {"handlers": ["file"], "level": "INFO"},
}
