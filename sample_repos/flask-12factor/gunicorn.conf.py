"""Gunicorn settings. Every value can be overridden from the environment."""

import os

# Bind to all interfaces on $PORT: the platform (or the container runtime) decides the port.
bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.getenv("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5

# Logs are an event stream: access and error logs both go to stdout/stderr.
accesslog = "-"
errorlog = "-"
loglevel = os.getenv("LOG_LEVEL", "info").lower()

# Let the platform's load balancer terminate TLS; trust its X-Forwarded-* headers.
forwarded_allow_ips = "*"

# Preloading shares the imported code between workers; the DB pool is opened per worker
# in post_fork so no connection crosses a fork.
preload_app = True


def post_fork(server, worker):
    from stockroom.db import reset_pool_after_fork

    reset_pool_after_fork()
