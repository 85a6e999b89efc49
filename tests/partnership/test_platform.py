"""Health check, error pages, security headers and settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("partnership.views.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_a_database_that_is_down_gives_a_clear_page_not_a_traceback(world, monkeypatch):
    def down(user):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("families.views.family_list_for", down)
    client = Client(raise_request_exception=False)
    client.force_login(world.users["staff"])
    response = client.get(reverse("families:mine"))
    assert response.status_code == 503
    content = response.content.decode()
    assert "Tijdelijk niet beschikbaar" in content
    assert "Traceback" not in content
    assert "server closed" not in content


def test_an_unexpected_error_gives_the_500_page_without_details(world, monkeypatch):
    def broken(user):
        raise ValueError("internal detail")

    monkeypatch.setattr("families.views.family_list_for", broken)
    client = Client(raise_request_exception=False)
    client.force_login(world.users["staff"])
    response = client.get(reverse("families:mine"))
    assert response.status_code == 500
    assert "internal detail" not in response.content.decode()


def test_signed_in_pages_are_never_stored_by_the_browser(world, client_for):
    response = client_for("staff").get(reverse("families:detail", args=[world.family.pk]))
    assert "no-store" in response["Cache-Control"]


def test_pages_deny_framing_and_sniffing(client):
    response = client.get(reverse("accounts:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_other_hosts(world, client_for):
    content = client_for("staff").get(reverse("families:mine")).content.decode()
    assert "http://" not in content.replace("http://testserver", "")
    assert "https://" not in content
    assert "//cdn" not in content


def _manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120
    )


def _database_url_of_the_tests() -> str:
    """The database this test run uses, as a URL (without DATABASE_URL: the embedded PostgreSQL's socket)."""
    if url := os.environ.get("DATABASE_URL"):
        return url
    db = connection.settings_dict
    # django-environ reads a socket folder from the query string (libpq's host parameter), not from the host part.
    return f"postgres://{quote(db['USER'], safe='')}@/{db['NAME']}?host={quote(str(db['HOST']), safe='')}"


def test_deploy_check_passes_with_production_settings():
    """What README's "Deploying" asks for: not one warning with production settings (DJANGO_TESTING unset)."""
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="ouders.example.nl",
        DATABASE_URL=_database_url_of_the_tests(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_fail_loudly_without_a_database_url():
    env = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "ouders.example.nl"}
    result = _manage("check", DATABASE_URL="", **env)
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_production_settings_fail_loudly_without_a_secret_key():
    result = _manage("check", DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="ouders.example.nl")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_a_missing_database_gives_one_clear_line():
    result = _manage(
        "migrate",
        "--check",
        DJANGO_DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/no_such_database",
    )
    assert result.returncode != 0
    assert "Cannot use the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_redis_url_the_cache_and_sessions_live_in_redis():
    """REDIS_URL moves the shared counters and the sessions to Redis (DESIGN.md section 7); the machine's Redis
    answers at 127.0.0.1:6379, and a missing one skips this test."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    script = (
        "import django; django.setup(); from django.conf import settings; from django.core.cache import cache; "
        "cache.set('op-probe', 41); print(settings.SESSION_ENGINE, cache.incr('op-probe'))"
    )
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15", "DJANGO_SETTINGS_MODULE": "partnership.settings"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.contrib.sessions.backends.cached_db", "42"]


def test_makemigrations_check_runs_in_a_fresh_checkout_without_secrets():
    """Only this developer command is exempt: it serves nothing, so it needs no production secrets."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | {
        "DATABASE_URL": _database_url_of_the_tests()
    }
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    result = subprocess.run(
        [sys.executable, str(manage), "makemigrations", "--check", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout
