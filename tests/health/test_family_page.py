"""A family's health page (issue 13): the chart ends on today's live status (the header's), with a date axis
and a legend in words; acknowledgements are listed with who, when and the note, and a coordinator undoes one
(kept as history, no longer counted); the page runs the same number of queries with more history."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contacts.models import ContactMoment
from families.models import Family
from health import services
from health.computation import families_with_health
from health.models import Acknowledgement, Level, Snapshot
from portal.models import PartnershipFeedback

pytestmark = pytest.mark.django_db


def _page(client, world):
    response = client.get(reverse("health:family", args=[world.family.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _quiet(world, days):
    ContactMoment.objects.filter(family=world.family).update(occurred_at=timezone.now() - datetime.timedelta(days=days))


def _snapshots(world, levels):
    """One snapshot a day up to and including today: `levels` oldest first."""
    today = timezone.localdate()
    for ago, level in enumerate(reversed(levels)):
        Snapshot.objects.create(family=world.family, day=today - datetime.timedelta(days=ago), level=level, levels={})


def _header_level(page) -> int:
    return int(re.search(r"<h1[^>]*>.*?badge health-(\d)", page, re.S).group(1))


def _bars(page) -> list[tuple[int, str]]:
    return [
        (int(level), title) for level, title in re.findall(r'<rect [^>]*class="bar-(\d)[^"]*"><title>([^<]*)', page)
    ]


def test_the_charts_last_bar_is_todays_live_status_as_in_the_header(world, client_for):
    # The snapshots (taken this morning and before) still say good; since then the contact went quiet.
    _snapshots(world, [0, 0, 0, 0])
    _quiet(world, 50)
    page = _page(client_for("coordinator"), world)
    assert _header_level(page) == Level.ACTION_NEEDED
    bars = _bars(page)
    assert bars[-1] == (Level.ACTION_NEEDED, "vandaag")
    assert [level for level, _ in bars[:-1]] == [0, 0, 0]  # the days before, as stored
    assert "Vandaag: Actie nodig." in page


def test_the_chart_shows_today_even_without_history(world, client_for):
    page = _page(client_for("staff"), world)
    assert _bars(page) == [(_header_level(page), "vandaag")]
    assert "Alleen vandaag" in page


def test_the_chart_has_a_date_axis_every_two_weeks_in_lower_case(world, client_for):
    _snapshots(world, [1] * 90)
    page = _page(client_for("coordinator"), world)
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", page)
    today = timezone.localdate()
    assert len(labels) == 7
    expected = [today - datetime.timedelta(days=14 * n) for n in range(6, -1, -1)]
    months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    assert labels == [f"{day.day} {months[day.month - 1]}" for day in expected]
    assert len(_bars(page)) == 90


def test_the_chart_has_a_legend_in_words(world, client_for):
    page = _page(client_for("staff"), world)
    legend = page[page.index('class="list-inline small mt-2 mb-1 chart-legend"') :]
    legend = legend[: legend.index("</ul>")]
    for label in ("Goed", "Aandacht", "Actie nodig"):
        assert label in legend


def test_the_page_says_how_the_status_is_reached(world, client_for):
    for page in (_page(client_for("coordinator"), world), client_for("coordinator").get("/health/").content.decode()):
        assert "Hoe de status tot stand komt" in page
        assert "Het zwaarste signaal beslist" in page


def _acknowledged(world, note="Ouders op vakantie; mentor belt volgende week."):
    _quiet(world, 25)
    return Acknowledgement.objects.create(
        family=world.family, signal="contact", level=1, note=note, by=world.users["coordinator"]
    )


def _health(world):
    return families_with_health(Family.objects.filter(pk=world.family.pk))[0].health


def test_acknowledgements_are_listed_with_who_when_and_the_note(world, client_for):
    ack = _acknowledged(world)
    page = _page(client_for("staff"), world)
    section = page[page.index('id="acknowledgements-heading"') :]
    assert "Ouders op vakantie; mentor belt volgende week." in section
    assert world.users["coordinator"].get_full_name() in section
    assert timezone.localtime(ack.created_at).strftime("%Y") in section
    assert "Telt tot " in section
    # Staff read it; only coordinators and admins undo.
    assert reverse("health:acknowledgement_withdraw", args=[world.family.pk, ack.pk]) not in page
    assert reverse("health:acknowledgement_withdraw", args=[world.family.pk, ack.pk]) in _page(
        client_for("coordinator"), world
    )


def test_a_coordinator_undoes_an_acknowledgement_which_is_kept_and_no_longer_counts(world, client_for):
    ack = _acknowledged(world)
    assert _health(world) == Level.GOOD
    client = client_for("coordinator")
    response = client.post(reverse("health:acknowledgement_withdraw", args=[world.family.pk, ack.pk]))
    assert response.status_code == 302
    ack.refresh_from_db()
    assert ack.withdrawn_by == world.users["coordinator"] and ack.withdrawn_at is not None
    assert Acknowledgement.objects.filter(pk=ack.pk).exists()
    assert _health(world) == Level.ATTENTION
    page = _page(client, world)
    assert "Ouders op vakantie" in page and "Ongedaan gemaakt door" in page
    # The signal can be marked as seen again.
    assert 'id="note-contact"' in page


def test_undoing_twice_or_an_expired_acknowledgement_is_refused(world):
    ack = _acknowledged(world)
    services.acknowledgement_withdraw(acknowledgement=ack, by=world.users["coordinator"])
    with pytest.raises(ValidationError):
        services.acknowledgement_withdraw(acknowledgement=ack, by=world.users["admin"])
    ack.refresh_from_db()
    assert ack.withdrawn_by == world.users["coordinator"]
    old = _acknowledged(world)
    Acknowledgement.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    with pytest.raises(ValidationError):
        services.acknowledgement_withdraw(acknowledgement=old, by=world.users["coordinator"])


def test_an_acknowledgement_of_another_family_cannot_be_undone_through_this_one(world, client_for):
    other = Acknowledgement.objects.create(
        family=world.other_family, signal="contact", level=1, note="Elders.", by=world.users["admin"]
    )
    response = client_for("coordinator").post(
        reverse("health:acknowledgement_withdraw", args=[world.family.pk, other.pk])
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.withdrawn_at is None


def _query_count(client, world):
    client.get(reverse("health:family", args=[world.family.pk]))  # warm up
    with CaptureQueriesContext(connection) as captured:
        _page(client, world)
    return len(captured)


def test_the_family_page_runs_the_same_queries_with_more_history(world, client_for):
    client = client_for("coordinator")
    few = _query_count(client, world)
    _snapshots(world, [n % 3 for n in range(90)])
    for n in range(6):
        Acknowledgement.objects.create(
            family=world.family, signal="contact", level=1, note=f"Gezien {n}", by=world.users["coordinator"]
        )
        PartnershipFeedback.objects.create(
            family=world.family, caregiver=world.caregiver, relatie=2, competentie=3, autonomie=4, remark=f"Nr {n}"
        )
    many = _query_count(client, world)
    assert few == many, (few, many)
