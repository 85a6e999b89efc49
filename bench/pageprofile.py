"""Where one page's time goes, in-process on the large data set (docs/performance.md): its queries and their time,
then cProfile's functions by own time and the app's own functions by cumulative time. Not part of `make test`.

    DATABASE_URL=postgres://.../large DJANGO_TESTING=true python bench/pageprofile.py staff-home family-page

The user of each page is the benchmark's (bench/run.py): the staff member with the most groups, the first
coordinator and organisation admin, a parent with a portal account; staff are signed in with a second factor."""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import Role

    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    if user.role != Role.PARENT:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _pages() -> dict:
    from django.db.models import Count
    from django.urls import reverse

    from accounts.models import Role, User
    from demo.large import ORGANISATION
    from families.models import Caregiver
    from families.selectors import families_visible_to

    large = {"organisation__name": ORGANISATION}
    staff = User.objects.filter(role=Role.STAFF, **large).annotate(n=Count("memberships")).order_by("-n", "pk")[0]
    coordinator = User.objects.filter(role=Role.COORDINATOR, **large).order_by("pk")[0]
    admin = User.objects.filter(role=Role.ADMIN, **large).order_by("pk")[0]
    parent = Caregiver.objects.filter(family__organisation__name=ORGANISATION).exclude(user=None).order_by("pk")[0]
    family = families_visible_to(staff).order_by("pk").first()
    return {
        "staff-home": (staff, reverse("families:mine")),
        "family-page": (staff, reverse("families:detail", args=[family.pk])),
        "contact-form": (staff, reverse("contacts:create", args=[family.pk, "parent_conversation"])),
        "reminders": (staff, reverse("health:reminders")),
        "dashboard": (coordinator, reverse("health:dashboard")),
        "checklist-use": (coordinator, reverse("contacts:coverage")),
        "dashboard-organisation": (admin, reverse("health:dashboard")),
        "csv-organisation": (admin, reverse("health:export")),
        "portal-home": (parent.user, reverse("portal:home")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", help="staff-home, family-page, ... (default: all)")
    parser.add_argument("--top", type=int, default=15)
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages = _pages()
    for name in arguments.pages or pages:
        user, url = pages[name]
        client = _client(user)
        for _ in range(3):  # warm: the kept health rows, the templates, the translations
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            total = time.perf_counter() - start
        in_sql = sum(float(query["time"]) for query in queries.captured_queries)
        print(f"== {name} {url}: {response.status_code}, {total * 1000:.0f} ms, {len(queries)} queries "
              f"({in_sql * 1000:.0f} ms in the database)")  # fmt: skip
        for query in sorted(queries.captured_queries, key=lambda query: -float(query["time"]))[:3]:
            print(f"   {float(query['time']) * 1000:.0f} ms: {query['sql'][:300]}")
        profile = cProfile.Profile()
        profile.enable()
        client.get(url)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("tottime").print_stats(arguments.top)
        stats.sort_stats("cumulative").print_stats(f"^{ROOT}/(?!\\.venv)", arguments.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
