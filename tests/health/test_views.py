"""The health pages and commands: dashboard (filters, counts, CSV, query count at 30 and 3,000 families),
acknowledging a signal, the snapshot and the reminder digest."""

import csv
import datetime
import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contacts.choices import Kind, Tone
from contacts.models import ContactMoment
from families.models import Caregiver, Child, Family, Placement
from health.models import Acknowledgement, FamilyHealth, ReminderDigest, Snapshot
from health.services import snapshots_take
from tests import factories as f

pytestmark = pytest.mark.django_db


def _quiet(world, days=50):
    # Noon, so that the number of calendar days is the same in every time zone and around a DST change.
    noon = datetime.datetime.combine(timezone.localdate() - datetime.timedelta(days=days), datetime.time(12))
    ContactMoment.objects.filter(family=world.family).update(occurred_at=timezone.make_aware(noon))


def test_the_dashboard_lists_families_worst_first_with_reasons(world, client_for):
    _quiet(world)
    content = client_for("coordinator").get(reverse("health:dashboard")).content.decode()
    assert world.family.name in content
    assert "Laatste contact met een ouder 50 dagen geleden." in content
    assert world.other_family.name not in content  # another location


def test_the_dashboard_filters_by_signal_and_status(world, client_for):
    _quiet(world)
    client = client_for("coordinator")
    assert world.family.name in client.get(reverse("health:dashboard"), {"signal": "contact"}).content.decode()
    assert world.family.name not in client.get(reverse("health:dashboard"), {"signal": "tone"}).content.decode()
    assert world.family.name in client.get(reverse("health:dashboard"), {"status": "2"}).content.decode()
    assert world.family.name not in client.get(reverse("health:dashboard"), {"status": "0"}).content.decode()


def test_the_csv_holds_the_filtered_rows(world, client_for):
    _quiet(world)
    response = client_for("coordinator").get(reverse("health:export"), {"status": "2"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Gezin" and rows[0][1] == "Status"
    assert [row[0] for row in rows[1:]] == [world.family.name]
    assert "50 dagen" in rows[1][-1]


def test_a_coordinator_marks_a_signal_as_seen(world, client_for):
    ContactMoment.objects.filter(family=world.family).update(occurred_at=timezone.now() - datetime.timedelta(days=25))
    client = client_for("coordinator")
    client.post(reverse("health:acknowledge", args=[world.family.pk]), {"signal": "contact", "note": "Op vakantie"})
    ack = Acknowledgement.objects.get()
    assert (ack.signal, ack.level, ack.by) == ("contact", 1, world.users["coordinator"])
    content = client.get(reverse("health:family", args=[world.family.pk])).content.decode()
    assert "gezien" in content


def test_acknowledging_without_a_note_or_a_good_signal_changes_nothing(world, client_for):
    client = client_for("coordinator")
    client.post(reverse("health:acknowledge", args=[world.family.pk]), {"signal": "contact", "note": ""})
    client.post(reverse("health:acknowledge", args=[world.family.pk]), {"signal": "tone", "note": "x"})
    client.post(reverse("health:acknowledge", args=[world.family.pk]), {"signal": "made-up", "note": "x"})
    assert not Acknowledgement.objects.exists()


def test_logging_a_contact_clears_the_contact_signal(world, client_for):
    _quiet(world)
    client = client_for("staff")
    client.post(
        reverse("contacts:quick", args=[world.family.pk]),
        {"tone": "positive", "caregivers": [world.caregiver.pk], "occasion": "pick_up"},
    )
    content = client.get(reverse("health:family", args=[world.family.pk])).content.decode()
    assert "Laatste contact met een ouder 0 dagen geleden." in content


def test_the_snapshot_is_idempotent(world):
    assert snapshots_take() == 2
    _quiet(world)
    snapshots_take()
    assert Snapshot.objects.count() == 2
    assert Snapshot.objects.get(family=world.family).level == 2
    call_command("snapshot_health", stdout=io.StringIO())
    assert Snapshot.objects.count() == 2


def test_the_family_page_draws_the_history_chart(world, client_for):
    for days in range(5):
        Snapshot.objects.create(
            family=world.family, day=timezone.localdate() - datetime.timedelta(days=days), level=days % 3, levels={}
        )
    content = client_for("staff").get(reverse("health:family", args=[world.family.pk])).content.decode()
    chart = content[content.index('<svg class="health-chart"') : content.index("</svg>", content.index("health-chart"))]
    # Four stored days and today, which is drawn from the live status.
    assert chart.count("<rect ") == 5 and 'role="img"' in chart


def test_the_daily_digest_goes_once_with_first_names_only(world):
    _quiet(world)
    world.users["staff"].email = "sanne@example.nl"
    world.users["staff"].save()
    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())
    sent = [message for message in mail.outbox if message.to == ["sanne@example.nl"]]
    assert len(sent) == 1 and ReminderDigest.objects.filter(user=world.users["staff"]).count() == 1
    body = sent[0].body
    assert "Noor" in body
    assert (
        world.family.name not in body and world.agreement.title not in body and world.follow_up.description not in body
    )


def test_the_reminders_page_lists_what_to_do(world, client_for):
    _quiet(world)
    content = client_for("staff").get(reverse("health:reminders")).content.decode()
    assert world.family.name in content


def _bulk_families(world, count):
    """Many families in the coordinator's location, each with a caregiver, a placed child and a contact."""
    now = timezone.now()
    families = Family.objects.bulk_create(
        Family(organisation=world.organisation, name=f"Gezin {n:05d}") for n in range(count)
    )
    Caregiver.objects.bulk_create(Caregiver(family=family, first_name="Ouder", last_name="X") for family in families)
    children = Child.objects.bulk_create(
        Child(family=family, first_name="Kind", last_name="X", date_of_birth=datetime.date(2024, 1, 1))
        for family in families
    )
    Placement.objects.bulk_create(
        Placement(child=child, group=world.group, start_date=datetime.date(2025, 1, 1)) for child in children
    )
    ContactMoment.objects.bulk_create(
        ContactMoment(
            family=family,
            kind=Kind.INFORMAL,
            tone=Tone.WORRIED if n % 3 else Tone.POSITIVE,
            author=world.users["staff"],
            occurred_at=now - datetime.timedelta(days=n % 60),
        )
        for n, family in enumerate(families)
    )


def _measure(client, url):
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200
    return len(captured), elapsed


def test_the_dashboard_runs_the_same_queries_at_30_and_3000_families(world, client_for, capsys):
    """Counted twice at each size: with every kept health row stale (the first request of the day, or after
    writes to all of them) and with the rows kept (every later request)."""
    client = client_for("coordinator")
    _bulk_families(world, 28)
    client.get(reverse("health:dashboard"))  # warm up: the first request of a session loads a few things once

    def counts():
        FamilyHealth.objects.all().delete()
        stale, _ = _measure(client, reverse("health:dashboard"))
        kept, _ = _measure(client, reverse("health:dashboard"))
        return stale, kept

    few = counts()
    _bulk_families(world, 2970)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would have done on a real database
    many = counts()
    elapsed = sorted(_measure(client, reverse("health:dashboard"))[1] for _ in range(3))[1]
    filtered, _ = _measure(client, reverse("health:dashboard") + "?status=2&signal=intake")
    assert few == many and many[1] == filtered, (few, many, filtered)
    assert many[0] > many[1]  # the kept rows save the statement, not only its time
    with capsys.disabled():
        print(
            f"\n[measure] health dashboard, 3000 families: {many} queries (stale, kept), median {elapsed * 1000:.0f} ms"
        )


def test_recording_the_evaluation_clears_the_overdue_signal(world, client_for):
    from agreements import services as agreement_services
    from agreements.models import Agreement
    from health.computation import families_with_health

    agreement_services.agreement_confirm(
        agreement=world.agreement, version=world.agreement.current, by=world.users["parent"]
    )
    Agreement.objects.filter(pk=world.agreement.pk).update(
        evaluation_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    family = lambda: families_with_health(Family.objects.filter(pk=world.family.pk))[0]  # noqa: E731
    assert family().level_evaluation == 2
    client_for("staff").post(
        reverse("agreements:evaluate", args=[world.family.pk, world.agreement.pk]),
        {
            "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "caregivers": [world.caregiver.pk],
            "tone": "positive",
            "summary": "Samen teruggekeken.",
            "visibility": "internal",
            "outcome": "continue",
            "next_evaluation_on": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
        },
    )
    assert family().level_evaluation == 0


def test_a_confidential_contact_does_not_show_through_the_health_other_staff_see(world, client_for):
    """Issue 11, fault 4: it changed "15 van de 18" and Goed into Aandacht for colleagues."""
    for hours in (1, 2):
        ContactMoment.objects.create(
            family=world.family, author=world.users["staff"], kind=Kind.INFORMAL, tone=Tone.TENSE,
            occurred_at=timezone.now() - datetime.timedelta(hours=hours),
        )  # fmt: skip
    before = client_for("staff").get(reverse("health:family", args=[world.family.pk])).content.decode()
    ContactMoment.objects.create(
        family=world.family, author=world.users["coordinator"], kind=Kind.PARENT_CONVERSATION, tone=Tone.TENSE,
        visibility="confidential", occurred_at=timezone.now() - datetime.timedelta(minutes=5),
    )  # fmt: skip
    after = client_for("staff").get(reverse("health:family", args=[world.family.pk])).content.decode()
    assert "2 contacten in de afgelopen" in before and "2 contacten in de afgelopen" in after
    coordinator = client_for("coordinator").get(reverse("health:family", args=[world.family.pk])).content.decode()
    assert "3 contacten in de afgelopen" in coordinator


def test_the_csv_never_starts_a_cell_with_a_formula(world, client_for):
    """Issue 11, fault 6: a family named like a formula came out verbatim, for the spreadsheet to run."""
    names = ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(1+1)"]
    for name in names:
        family = f.FamilyFactory(organisation=world.organisation, name=name)
        f.PlacementFactory(child=f.ChildFactory(family=family), group=world.group)
    content = client_for("coordinator").get(reverse("health:export")).content.decode("utf-8-sig")
    cells = [row[0] for row in csv.reader(io.StringIO(content), delimiter=";")]
    for name in names:
        assert f"'{name}" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("page", ["99999999999999999999", "-3", "abc", "2"])
def test_any_page_number_of_the_dashboard_answers_a_page(world, client_for, page):
    """Issue 11, fault 7: a page number beyond bigint answered 500."""
    response = client_for("coordinator").get(reverse("health:dashboard"), {"page": page})
    assert response.status_code == 200
