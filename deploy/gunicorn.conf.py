"""gunicorn for Наставник behind nginx.

    gunicorn --config deploy/gunicorn.conf.py config.wsgi:application

Values come from the environment (the same env file as Django, through systemd's
EnvironmentFile=), with defaults for a 2-core kindergarten server.
"""

import os

# Only nginx talks to gunicorn; the LAN reaches the app through nginx on 443.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Sync workers: one request at a time each, no threads to reason about. Cores + 1 keeps a
# 2-core box (3 workers, ~80 MB each) responsive while PostgreSQL and nginx share it; a
# kindergarten has a few dozen users, and one worker serves hundreds of pages a second.
workers = int(os.environ.get("GUNICORN_WORKERS") or (os.cpu_count() or 1) + 1)
worker_class = "sync"

# A long PDF report may take a few seconds; a stuck request is killed after `timeout`.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 60)
# On stop/restart, requests in flight get this long to finish (systemd waits 35 s).
graceful_timeout = 30
keepalive = 2

# Recycle each worker now and then, staggered, so a slow leak in a library never grows.
max_requests = 1000
max_requests_jitter = 100

# Load Django once in the master: a broken settings file or import fails at start (systemd
# sees it), workers fork fast and share memory. Code changes need a restart, not a HUP.
preload_app = True

proc_name = "nastavnik"

# Both logs to stderr → journald (journalctl -u nastavnik), which adds the time itself.
accesslog = "-"
errorlog = "-"
loglevel = "info"
# The browser's address from nginx's X-Real-IP, the path without the query string (searches
# carry people's names, which do not belong in a log), status, size, milliseconds.
access_log_format = '%({x-real-ip}i)s %(m)s %(U)s %(s)s %(B)s %(M)sms "%(a)s"'

# X-Forwarded-* are trusted from nginx on this machine only (gunicorn's default, said aloud).
forwarded_allow_ips = "127.0.0.1,::1"
