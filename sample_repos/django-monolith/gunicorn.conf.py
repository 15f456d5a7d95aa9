# Gunicorn settings for the shop servers. nginx proxies to this socket.
bind = "127.0.0.1:8000"
workers = 4
timeout = 60
max_requests = 2000
max_requests_jitter = 200
pidfile = "/run/shopsite/gunicorn.pid"
accesslog = "/var/log/shopsite/access.log"
errorlog = "/var/log/shopsite/gunicorn.log"
loglevel = "info"
