"""The benchmark (docs/performance.md): gunicorn on a database holding `seed_demo --scale large`, measured from
outside over loopback. Not part of `make test`; run it with `make bench` (or `python bench/run.py --help`).

1. Single user: every page of the list below, interleaved round by round with the Django admin's family and
   contact-moment change lists as the baseline, so that load from elsewhere on the machine hits both alike.
   Per page: p50 and p95 in ms and the ratio of its p95 to the admin family change list's.
2. Mixed load: staff, coordinators, organisation admins and parents at once, each user a thread with its own
   session that requests pages of its role back to back, at rising numbers of users until the requests per
   second stop rising: requests/s, p95, errors.

The users log in through the login form with their password and, for staff, a second factor (a TOTP device
the benchmark gives them), as in production."""

import argparse
import datetime
import http.cookiejar
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = os.environ.get("DEMO_PASSWORD") or "demo-partnership"


def _setup_django(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="partnership.settings",
        DJANGO_DEBUG="false",
        # Production settings over plain HTTP on loopback: no HTTPS redirect, cookies without Secure.
        DJANGO_TESTING="true",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or "benchmark-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Client:
    """One user's browser: cookies, the CSRF token, timings of every request."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[int, float, str]:
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        return status, (time.perf_counter() - started) * 1000, body.decode(errors="replace")

    def post(self, path: str, data: dict) -> tuple[int, str, str]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = urllib.parse.urlencode(data | {"csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - http on loopback
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode(errors="replace")


def _totp_device(user):
    """A second factor for the benchmark's staff logins (django-otp), the same key every run."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="benchmark", defaults={"key": "3132333435363738393031323334353637383930", "confirmed": True}
    )
    return device


def _login(base: str, user) -> Client:
    from django_otp.oath import totp

    client = Client(base)
    client.get("/accounts/login/")
    _, url, _ = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    for _ in range(3):
        if "/two-step/verify/" not in url:
            break
        device = _totp_device(user)
        device.refresh_from_db()
        if device.last_t >= int(time.time()) // device.step:
            # A code is good once: the same user's next login waits for the next one.
            time.sleep(device.step - time.time() % device.step + 0.5)
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        _, url, _ = client.post(urllib.parse.urlsplit(url).path, {"code": code})
    status, _, _ = client.get("/")
    if status != 200:
        raise SystemExit(f"{user.username} could not log in (status {status} at {url})")
    return client


def _people():
    """The large organisation's users for each role, a parent with a portal account, and a superuser."""
    from django.db.models import Count

    from accounts.models import Role, User
    from demo.large import ORGANISATION
    from families.models import Caregiver

    large = {"organisation__name": ORGANISATION}
    staff = list(
        User.objects.filter(role=Role.STAFF, **large).annotate(n=Count("memberships")).order_by("-n", "pk")[:20]
    )
    coordinators = list(User.objects.filter(role=Role.COORDINATOR, **large).order_by("pk")[:10])
    admins = list(User.objects.filter(role=Role.ADMIN, **large).order_by("pk")[:3])
    parents = []
    for caregiver in Caregiver.objects.filter(family__organisation__name=ORGANISATION).order_by("pk")[:20]:
        if caregiver.user_id is None:
            user = User.objects.create_user(
                username=f"groot-ouder-{caregiver.pk}",
                password=PASSWORD,
                role=Role.PARENT,
                organisation=caregiver.family.organisation,
                is_demo=True,
            )
            Caregiver.objects.filter(pk=caregiver.pk).update(user=user)
            caregiver.user = user
        parents.append(caregiver.user)
    support, created = User.objects.get_or_create(
        username="groot-support", defaults={"is_superuser": True, "is_staff": True, "role": Role.ADMIN, "is_demo": True}
    )
    if created:
        support.set_password(PASSWORD)
        support.save()
    return {"staff": staff, "coordinator": coordinators, "admin": admins, "parent": parents, "support": [support]}


def _pages(people) -> dict[str, list[tuple[str, str]]]:
    """Per role, the pages the benchmark requests: (label, path)."""
    from django.urls import reverse

    from families.selectors import families_visible_to

    staff = people["staff"][0]
    family = families_visible_to(staff).order_by("pk").first()
    coordinator = people["coordinator"][0]
    coordinated = families_visible_to(coordinator).order_by("pk").first()
    return {
        "staff": [
            ("staff home", reverse("families:mine")),
            ("family page", reverse("families:detail", args=[family.pk])),
            ("contact form with checklist", reverse("contacts:create", args=[family.pk, "parent_conversation"])),
            ("reminders (staff)", reverse("health:reminders")),
        ],
        "coordinator": [
            (f"health dashboard, coordinator ({families_visible_to(coordinator).count():,} families)", "/health/"),
            ("dashboard CSV (coordinator)", reverse("health:export")),
            ("checklist-use table", reverse("contacts:coverage")),
            ("family health page", reverse("health:family", args=[coordinated.pk])),
        ],
        "admin": [
            ("health dashboard, organisation admin", reverse("health:dashboard")),
            ("dashboard CSV (organisation admin)", reverse("health:export")),
        ],
        "parent": [("parent portal home", reverse("portal:home"))],
        "support": [
            ("admin Family change list (baseline)", reverse("admin:families_family_changelist")),
            ("admin ContactMoment change list", reverse("admin:contacts_contactmoment_changelist")),
            ("admin Family change form", reverse("admin:families_family_change", args=[family.pk])),
        ],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=os.environ | {"GUNICORN_WORKERS": str(workers), "GUNICORN_ACCESS_LOG": "/dev/null"},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):  # noqa: S310 - http on loopback
                return server, base
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def single_user(clients, pages, rounds: int) -> list[dict]:
    timings: dict[str, list[float]] = {}
    order = [(role, label, path) for role, entries in pages.items() for label, path in entries]
    for role, _label, path in order:  # warm up: the first request of a worker loads templates and translations
        clients[role].get(path)
    for _ in range(rounds):
        for role, label, path in order:
            status, ms, _ = clients[role].get(path)
            if status != 200:
                raise SystemExit(f"{label}: status {status} at {path}")
            timings.setdefault(label, []).append(ms)
    baseline = _percentile(timings["admin Family change list (baseline)"], 0.95)
    return [
        {
            "page": label,
            "p50": statistics.median(values),
            "p95": _percentile(values, 0.95),
            "ratio": _percentile(values, 0.95) / baseline,
        }
        for label, values in timings.items()
    ]


class Tally:
    """What the users of one load level saw: every request's time and the errors."""

    def __init__(self, stop: float):
        self.stop = stop
        self.latencies: list[float] = []
        self.errors = 0
        self.lock = threading.Lock()

    def work(self, client: Client, paths: list[str], seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < self.stop:
            status, ms, _ = client.get(rng.choice(paths))
            with self.lock:
                self.latencies.append(ms)
                if status != 200:
                    self.errors += 1


def mixed_load(base: str, people, pages, levels: list[int], seconds: float) -> list[dict]:
    roles = ["staff"] * 6 + ["coordinator"] * 2 + ["admin"] + ["parent"] * 3  # a working day's mix
    results = []
    sessions: list[tuple[Client, list[str]]] = []
    for level in levels:
        while len(sessions) < level:
            role = roles[len(sessions) % len(roles)]
            user = people[role][len(sessions) % len(people[role])]
            user_pages = [path for _, path in _pages({**people, role: [user]})[role]]
            sessions.append((_login(base, user), user_pages))
        tally = Tally(stop=time.monotonic() + seconds)
        threads = [
            threading.Thread(target=tally.work, args=(client, paths, i))
            for i, (client, paths) in enumerate(sessions[:level])
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        row = {
            "users": level,
            "rps": len(tally.latencies) / elapsed,
            "p95": _percentile(tally.latencies, 0.95) if tally.latencies else 0,
            "errors": tally.errors,
        }
        results.append(row)
        print(f"  {level:>3} users: {row['rps']:6.1f} requests/s, p95 {row['p95']:6.0f} ms, {row['errors']} errors")
        if len(results) >= 2 and row["rps"] < results[-2]["rps"] * 1.05:
            break  # saturated: more users no longer bring more requests per second
    return results


def _report(single, load, workers: int, sizes: dict) -> str:
    lines = [
        f"### Run of {datetime.date.today():%Y-%m-%d} on {platform.node()} ({os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}), gunicorn with {workers} workers",
        "",
        "Data: " + ", ".join(f"{value:,} {name}" for name, value in sizes.items()),
        "",
        "| page | p50 ms | p95 ms | p95 ÷ admin Family change list |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['page']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['ratio']:.2f} |" for r in single]
    lines += ["", "| users | requests/s | p95 ms | errors |", "|---|---|---|---|"]
    lines += [f"| {r['users']} | {r['rps']:.1f} | {r['p95']:.0f} | {r['errors']} |" for r in load]
    return "\n".join(lines) + "\n"


def _sizes() -> dict:
    from accounts.models import User
    from contacts.models import ChecklistTick, ContactMoment
    from families.models import Caregiver, Child, Family

    return {
        "families": Family.objects.count(),
        "caregivers": Caregiver.objects.count(),
        "children": Child.objects.count(),
        "contact moments": ContactMoment.objects.count(),
        "checklist ticks": ChecklistTick.objects.count(),
        "users": User.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL"), help="holding seed_demo --scale large")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=30, help="requests per page in the single-user part")
    parser.add_argument("--levels", default="1,2,5,10,20,40", help="numbers of users in the mixed load")
    parser.add_argument("--seconds", type=float, default=20, help="duration of each mixed-load level")
    parser.add_argument("--output", help="append the report (markdown) to this file, e.g. docs/performance.md")
    options = parser.parse_args()
    if not options.database:
        raise SystemExit("Give --database (or DATABASE_URL): a database with `seed_demo --scale large`.")
    _setup_django(options.database)
    from demo.large import large_present

    if not large_present():
        raise SystemExit("No large organisation in this database: run `manage.py seed_demo --scale large` first.")
    people = _people()
    for user in people["staff"] + people["coordinator"] + people["admin"] + people["support"]:
        _totp_device(user)
    pages = _pages(people)
    server, base = _start_server(options.workers)
    try:
        clients = {role: _login(base, users[0]) for role, users in people.items()}
        print("Single user, interleaved with the admin baseline:")
        single = single_user(clients, pages, options.rounds)
        for row in single:
            print(f"  {row['page']:<60} p50 {row['p50']:6.0f} ms  p95 {row['p95']:6.0f} ms  x{row['ratio']:.2f}")
        print("Mixed load:")
        load = mixed_load(base, people, pages, [int(n) for n in options.levels.split(",")], options.seconds)
    finally:
        server.terminate()
        server.wait(timeout=40)
    report = _report(single, load, options.workers, _sizes())
    print(report)
    if options.output:
        with open(options.output, "a", encoding="utf-8") as file:
            file.write("\n" + report)


if __name__ == "__main__":
    main()
