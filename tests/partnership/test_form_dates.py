"""Dates outside what a person can mean (found by tests/test_fuzz_forms.py): they were saved, then broke pages.
A contact dated 0001-01-01 00:00 is a year-0 timestamp in UTC that Python cannot read back (the family page
answered 500); a child's first day in 9999 overflowed the date of the mentor conversation (the parent's portal
answered 500). Every form now refuses a date outside 1900-2100 with a message at the field."""

import pytest
from django.urls import reverse

from contacts.models import ContactMoment
from families.models import Child

pytestmark = pytest.mark.django_db

MESSAGE = "Vul een datum in tussen 1900 en 2100."


@pytest.mark.parametrize("occurred_at", ["0001-01-01T00:00", "1899-12-31T23:59"])
def test_a_contact_in_the_year_one_is_refused_and_the_family_page_still_opens(world, client_for, occurred_at):
    client = client_for("staff")
    body = {
        "occurred_at": occurred_at,
        "caregivers": [world.caregiver.pk],
        "tone": "neutral",
        "summary": "Op huisbezoek.",
        "visibility": "internal",
        "fu-TOTAL_FORMS": "0",
        "fu-INITIAL_FORMS": "0",
    }
    contacts = ContactMoment.objects.count()

    response = client.post(reverse("contacts:create", args=[world.family.pk, "home_visit"]), body)

    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert ContactMoment.objects.count() == contacts
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 200


@pytest.mark.parametrize("start_date", ["9999-12-31", "2101-01-01"])
def test_a_child_starting_in_the_year_9999_is_refused_and_the_portal_still_opens(world, client_for, start_date):
    body = {
        "first_name": "Later",
        "last_name": "Kind",
        "date_of_birth": "2024-01-01",
        "mentor": world.users["staff"].pk,
        "group": world.group.pk,
        "start_date": start_date,
    }

    response = client_for("staff").post(reverse("families:child_add", args=[world.family.pk]), body)

    assert response.status_code == 200 and MESSAGE in response.content.decode()
    assert not Child.objects.filter(first_name="Later").exists()
    assert client_for("parent").get(reverse("portal:home")).status_code == 200


def test_dates_inside_the_range_are_kept(world, client_for):
    body = {"first_name": "Oma", "last_name": "Kind", "date_of_birth": "1900-01-01", "mentor": world.users["staff"].pk}
    body |= {"group": world.group.pk, "start_date": "2100-12-31"}
    assert client_for("staff").post(reverse("families:child_add", args=[world.family.pk]), body).status_code == 302
