"""More than one app server (docs/deploy.md): HAProxy in front of two gunicorn instances on one PostgreSQL and one
Redis. A parent logs in through the balancer and writes a stream of messages; in the middle, one instance is
stopped. Every message arrives exactly once and the parent stays logged in on the other instance.

Needs HAProxy (Debian's `haproxy`, installed by .ci/run) and Redis at 127.0.0.1:6379; skipped without them,
except in CI."""

import http.cookiejar
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from accounts.models import Role
from tests import factories as f
from threads.models import Message

ROOT = Path(settings.BASE_DIR)
REDIS_URL = "redis://127.0.0.1:6379/13"
PASSWORD = "Twee-servers-één-gezin-2026"
MESSAGES = 30
STOP_AFTER = 10

HAPROXY_CONFIG = """
global
    maxconn 256
    stats socket {socket} mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # A request that could not reach a server (it stopped) goes to the other one; a request a server received is
    # never sent twice, so a write cannot happen twice.
    retries 3
    option redispatch 1
    retry-on conn-failure
    option http-server-close
    option forwardfor
frontend web
    bind 127.0.0.1:{front}
    default_backend app
backend app
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
    default-server inter 300ms fall 1 rise 1
    server a 127.0.0.1:{a} check
    server b 127.0.0.1:{b} check
"""


def _needs(condition: bool, reason: str):
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to run the two-server test: {reason}")
        pytest.skip(reason)


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - http on loopback
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


class Browser:
    """A parent's browser: cookies kept, redirects followed, the CSRF token sent with every form."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()

    def post(self, path: str, data: dict):
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode(data | {"csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - http on loopback
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl(), response.read().decode()


@pytest.fixture
def servers(transactional_db, tmp_path):
    _needs(shutil.which("haproxy") is not None, "HAProxy is not installed (apt-get install -y haproxy)")
    _needs(_redis_answers(), "Redis does not answer at 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    database = connection.settings_dict
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "partnership.settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "false",
        # Production settings over plain HTTP on loopback: no redirect to HTTPS, cookies without Secure.
        "DJANGO_TESTING": "true",
        "DJANGO_SECRET_KEY": "two-servers-share-this-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        "GUNICORN_WORKERS": "1",
    }
    ports = {"a": _free_port(), "b": _free_port(), "front": _free_port()}
    processes = {}
    try:
        for name in ("a", "b"):
            log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 - closed with the process below
            processes[name] = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{ports[name]}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for name in ("a", "b"):
            _wait_for(f"http://127.0.0.1:{ports[name]}/healthz")
        config = tmp_path / "haproxy.cfg"
        socket_path = tmp_path / "haproxy.sock"
        config.write_text(HAPROXY_CONFIG.format(socket=socket_path, **ports))
        processes["haproxy"] = subprocess.Popen(
            [shutil.which("haproxy"), "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _wait_for(f"http://127.0.0.1:{ports['front']}/healthz")
        yield {
            "base": f"http://127.0.0.1:{ports['front']}",
            "processes": processes,
            "logs": tmp_path,
            "socket": socket_path,
        }
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=35)
            except subprocess.TimeoutExpired:
                process.kill()
        connection.close()


def _parent_with_a_thread():
    family = f.FamilyFactory()
    user = f.UserFactory(role=Role.PARENT, organisation=family.organisation, username="ouder-twee-servers")
    # The servers run with the production password hashers, not the suite's fast one.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])
    caregiver = f.CaregiverFactory(family=family, user=user, first_name="Amina")
    return f.ThreadFactory(family=family, caregiver=caregiver, text="Mag ik iets vragen?")


def _haproxy(socket_path: Path, command: str) -> str:
    """A command on HAProxy's runtime API, as docs/deploy.md's stop procedure sends it."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(socket_path))
        sock.sendall(command.encode() + b"\n")
        return sock.recv(65536).decode()


def _served(logs: Path, name: str, path: str) -> int:
    return sum(1 for line in (logs / f"{name}.log").read_text().splitlines() if f"POST {path}" in line)


def test_a_parent_keeps_writing_when_one_of_two_servers_stops_and_nothing_is_lost_or_doubled(servers):
    thread = _parent_with_a_thread()
    path = thread.get_portal_url()
    browser = Browser(servers["base"])
    browser.get("/accounts/login/")
    status, url, _ = browser.post("/accounts/login/", {"username": "ouder-twee-servers", "password": PASSWORD})
    assert status == 200 and urllib.parse.urlsplit(url).path.startswith("/portal/"), url

    for number in range(1, MESSAGES + 1):
        if number == STOP_AFTER + 1:
            # A deploy in the middle of the parent's writing, as docs/deploy.md does it: the balancer stops sending
            # new requests to the server, then the server finishes what it has and stops.
            _haproxy(servers["socket"], "set server app/a state drain")
            servers["processes"]["a"].send_signal(signal.SIGTERM)
        browser.get(path)  # the parent opens the thread, then sends
        status, url, page = browser.post(path, {"text": f"Bericht {number} van {MESSAGES}"})
        assert status == 200 and urllib.parse.urlsplit(url).path == path, (number, url)
        assert f"Bericht {number} van {MESSAGES}" in page, f"message {number} not shown after sending it"

    servers["processes"]["a"].wait(timeout=35)
    texts = list(thread.messages.filter(from_parent=True).values_list("text", flat=True))
    sent = [f"Bericht {number} van {MESSAGES}" for number in range(1, MESSAGES + 1)]
    assert sorted(text for text in texts if text.startswith("Bericht")) == sorted(sent), "lost or doubled"
    assert Message.objects.filter(thread=thread).count() == MESSAGES + 1
    # Each write was handled by one server once; the stopped one finished at most the write it had begun.
    on_a, on_b = _served(servers["logs"], "a", path), _served(servers["logs"], "b", path)
    assert on_a + on_b == MESSAGES and 1 <= on_a <= STOP_AFTER + 1, (on_a, on_b)
