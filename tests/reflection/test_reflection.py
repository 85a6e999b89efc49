"""Private reflection after a contact: only its author reads it (no colleague, coordinator or organisation admin,
not in the family's export, not in the history of changes, not in Django's admin); coordinators see counts per
location and month; an erased family takes its reflections with it."""

import pytest
from django.urls import reverse

from contacts.choices import Tone
from privacy.models import Reason
from privacy.selectors import family_export
from privacy.services import family_erase
from reflection.models import Reflection
from tests import factories as f

pytestmark = pytest.mark.django_db

SECRET = "Ik nam aan dat moeder het niet wilde horen-XQ7"


def _write_url(contact):
    return reverse("reflection:write", args=[contact.family_id, contact.pk])


def _tense_contact(world):
    return f.ContactMomentFactory(family=world.family, author=world.users["staff"], tone=Tone.TENSE)


def _reflect(client, contact, **texts):
    return client.post(_write_url(contact), texts or {"assumed": SECRET, "parent_need": "Rust.", "moved": ""})


def test_the_contact_page_offers_a_reflection_to_its_author_after_a_tense_contact(world, client_for):
    contact = _tense_contact(world)
    page = client_for("staff").get(contact.get_absolute_url()).content.decode()
    assert _write_url(contact) in page


def test_the_contact_page_does_not_offer_it_after_a_positive_contact_or_to_a_colleague(world, client_for):
    assert _write_url(world.contact) not in client_for("staff").get(world.contact.get_absolute_url()).content.decode()
    tense = _tense_contact(world)
    assert _write_url(tense) not in client_for("coordinator").get(tense.get_absolute_url()).content.decode()


def test_the_author_writes_and_reads_a_reflection_counted_for_their_location(world, client_for):
    contact = _tense_contact(world)
    client = client_for("staff")
    response = _reflect(client, contact)
    reflection = Reflection.objects.get(contact=contact)
    assert response.status_code == 302 and response.url == reflection.get_absolute_url()
    assert reflection.author == world.users["staff"] and reflection.location == world.location
    assert reflection.month.day == 1
    assert SECRET in client.get(reflection.get_absolute_url()).content.decode()
    mine = client.get(reverse("reflection:mine")).content.decode()
    assert reflection.get_absolute_url() in mine and SECRET not in mine
    # Again: the same reflection is changed, not a second one made.
    _reflect(client, contact, assumed="Anders.", moved="Haar verhaal.")
    assert Reflection.objects.filter(contact=contact).count() == 1
    assert Reflection.objects.get(contact=contact).assumed == "Anders."


def test_an_empty_reflection_is_refused_and_nothing_is_stored(world, client_for):
    contact = _tense_contact(world)
    response = _reflect(client_for("staff"), contact, assumed="  ", parent_need="", moved="")
    assert response.status_code == 200
    assert len(response.context["form"].non_field_errors()) == 1
    assert not Reflection.objects.exists()


def test_a_text_over_the_limit_is_refused_with_a_message(world, client_for):
    contact = _tense_contact(world)
    response = _reflect(client_for("staff"), contact, assumed="x" * 2001)
    assert response.status_code == 200 and not Reflection.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "admin", "other_staff", "far_staff"])
def test_nobody_but_the_author_opens_a_reflection(world, client_for, role):
    contact = _tense_contact(world)
    _reflect(client_for("staff"), contact)
    reflection = Reflection.objects.get()
    client = client_for(role)
    assert client.get(reflection.get_absolute_url()).status_code == 404
    assert client.get(_write_url(contact)).status_code == 404
    assert client.post(reverse("reflection:delete", args=[reflection.pk])).status_code == 404
    assert SECRET not in client.get(reverse("reflection:mine")).content.decode()
    assert Reflection.objects.filter(pk=reflection.pk).exists()


@pytest.mark.parametrize("role", ["parent", "other_parent"])
def test_parents_never_reach_reflections(world, client_for, role):
    _reflect(client_for("staff"), _tense_contact(world))
    reflection = Reflection.objects.get()
    assert client_for(role).get(reflection.get_absolute_url()).status_code == 403


def test_the_coordinator_does_not_read_it_on_the_contact_history_or_export(world, client_for):
    contact = _tense_contact(world)
    _reflect(client_for("staff"), contact)
    client = client_for("coordinator")
    for url in [
        contact.get_absolute_url(),
        reverse("families:detail", args=[world.family.pk]),
        reverse("families:history", args=[world.family.pk]),
        reverse("privacy:export", args=[world.family.pk]),
        reverse("privacy:export_json", args=[world.family.pk]),
        reverse("reflection:teams"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    export = family_export(world.users["coordinator"], world.family)
    assert all(section.key != "reflections" for section in export.sections)


def test_djangos_admin_shows_no_words_of_a_reflection(world, client_for):
    _reflect(client_for("staff"), _tense_contact(world))
    reflection = Reflection.objects.get()
    client = client_for("support")
    for url in [
        reverse("admin:reflection_reflection_changelist"),
        reverse("admin:reflection_reflection_change", args=[reflection.pk]),
    ]:
        page = client.get(url)
        assert page.status_code == 200
        assert SECRET not in page.content.decode() and world.family.name not in page.content.decode()


def test_the_author_deletes_their_reflection(world, client_for):
    _reflect(client_for("staff"), _tense_contact(world))
    reflection = Reflection.objects.get()
    response = client_for("staff").post(reverse("reflection:delete", args=[reflection.pk]))
    assert response.status_code == 302 and not Reflection.objects.exists()


def test_erasing_the_family_removes_its_reflections(world, client_for):
    _reflect(client_for("staff"), _tense_contact(world))
    other = f.ContactMomentFactory(family=world.other_family, author=world.users["far_staff"], tone=Tone.WORRIED)
    _reflect(client_for("far_staff"), other)
    assert Reflection.objects.count() == 2
    family_erase(family=world.family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert list(Reflection.objects.values_list("contact", flat=True)) == [other.pk]


def test_the_coordinator_sees_counts_per_location_and_month_never_content(world, client_for):
    _reflect(client_for("staff"), _tense_contact(world))
    _reflect(client_for("staff"), _tense_contact(world))
    other = f.ContactMomentFactory(family=world.other_family, author=world.users["far_staff"], tone=Tone.WORRIED)
    _reflect(client_for("far_staff"), other)
    response = client_for("coordinator").get(reverse("reflection:teams"))
    rows = response.context["rows"]
    # The coordinator of location A sees location A only: two reflections this month.
    assert [row.location for row in rows] == [world.location]
    month, count, pulse = rows[0].months[0]
    assert month.day == 1
    assert count == 2 and not pulse.shown
    assert SECRET not in response.content.decode()
