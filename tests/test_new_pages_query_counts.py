"""The pages this round added run the same number of queries with little data and with more (DESIGN.md section 5):
life events, positive moments, time given, reflection, the parents' pages about their children and the portal's
"how it works here"."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from health.models import Acknowledgement, Kind
from lifeevents.models import LifeEvent
from moments.models import Moment
from reflection.models import Reflection
from tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = {
    "life events": ("staff", lambda w: reverse("lifeevents:list", args=[w.family.pk])),
    "moments of a family": ("staff", lambda w: reverse("moments:family", args=[w.family.pk])),
    "time given": ("coordinator", lambda w: reverse("health:time_given")),
    "my reflections": ("staff", lambda w: reverse("reflection:mine")),
    "teams' reflection and pulse": ("coordinator", lambda w: reverse("reflection:teams")),
    "children of a group": ("staff", lambda w: reverse("childpages:group", args=[w.group.pk])),
    "portal: about my child": ("parent", lambda w: reverse("childpages:portal_page", args=[w.child.pk])),
    "portal: moments": ("parent", lambda w: reverse("moments:portal_list")),
    "portal: how it works here": ("parent", lambda w: reverse("portal:how_it_works")),
}


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(world, n=6):
    """More of everything these pages list: families in the group, life events, moments, time given, reflections."""
    staff, coordinator = world.users["staff"], world.users["coordinator"]
    today = timezone.localdate()
    families = [world.family]
    for _ in range(n):
        family = f.FamilyFactory(organisation=world.organisation)
        child = f.ChildFactory(family=family, mentor=staff)
        f.PlacementFactory(child=child, group=world.group)
        f.CaregiverFactory(family=family)
        families.append(family)
    for family in families:
        for number in range(3):
            LifeEvent.objects.create(
                family=family,
                kind="move",
                description=f"Verhuisd {number}",
                happened_on=today - datetime.timedelta(days=number),
                parents_know=True,
                ends_on=today + datetime.timedelta(days=30),
                noted_by=staff,
            )
            Moment.objects.create(
                family=family, child=family.children.first(), author=staff, text=f"Samen gelachen {number}."
            )
        Acknowledgement.objects.create(
            family=family,
            signal="contact",
            kind=Kind.TIME,
            level=1,
            note="Vertrouwen kost tijd.",
            look_again_on=today + datetime.timedelta(days=14),
            by=staff,
        )
        contact = f.ContactMomentFactory(family=family, author=staff)
        Reflection.objects.create(
            author=staff, contact=contact, location=world.location, month=today.replace(day=1), assumed="Dat ..."
        )
    for _ in range(3):
        Moment.objects.create(family=world.family, child=world.child, author=coordinator, text="Geknutseld.")


@pytest.mark.parametrize("page", PAGES)
def test_the_new_pages_run_the_same_number_of_queries_at_two_data_sizes(world, client_for, page):
    role, url = PAGES[page]
    client = client_for(role)
    client.get(url(world))  # the first request of a session loads a few things once
    few = _count(client, url(world))
    _grow(world)
    many = _count(client, url(world))
    assert few == many, f"{page}: {few} queries with little data, {many} with more"
