"""Health check, error pages, security headers and settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
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


def test_deploy_check_passes_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="ouders.example.nl",
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
