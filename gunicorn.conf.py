"""Gunicorn's settings for production (docs/deploy.md): `gunicorn -c gunicorn.conf.py`. Every value can be
overridden on the command line or by the GUNICORN_* variables below."""

import multiprocessing
import os

wsgi_app = "partnership.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The app is CPU bound (templates, health); more processes than 2 per core only add memory.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))
# A page that takes longer than this is a fault to find, not to wait for.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On SIGTERM (a deploy, a stopped server) the requests already started finish; the load balancer sends the next
# ones elsewhere.
graceful_timeout = 30
keepalive = 5
# Recycle a worker now and then, so a slow leak cannot grow; the jitter keeps workers from restarting together.
max_requests = 2000
max_requests_jitter = 200
# X-Forwarded-Proto from the load balancer on this address is believed (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# Duration in microseconds (%(D)s) on every line, for docs/performance.md; no query strings with personal data.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(D)sus'
