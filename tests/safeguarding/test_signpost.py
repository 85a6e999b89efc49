"""The Meldcode signpost of a family's page (safeguarding/): it names the organisation's safeguarding officer,
and a note made there is confidential: its author and the coordinators read it, nobody else, and never a parent."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from safeguarding.models import SafeguardingNote

pytestmark = pytest.mark.django_db

NOTE = "GEHEIMXMELDCODE blauwe plek gezien"


def _note(world, client_for, role="staff"):
    return client_for(role).post(reverse("safeguarding:signpost", args=[world.family.pk]), {"text": NOTE})


def test_the_signpost_names_the_organisations_safeguarding_officer(world, client_for):
    Organisation.objects.filter(pk=world.organisation.pk).update(
        safeguarding_officer_name="Petra Smits", safeguarding_officer_phone="030-7654321"
    )
    page = client_for("staff").get(reverse("safeguarding:signpost", args=[world.family.pk])).content.decode()
    assert "Petra Smits" in page and "030-7654321" in page
    assert "Meldcode" in page and "0800-2000" in page
    family_page = client_for("staff").get(reverse("families:detail", args=[world.family.pk])).content.decode()
    assert reverse("safeguarding:signpost", args=[world.family.pk]) in family_page


def test_a_note_is_read_by_its_author_and_the_coordinator_only(world, client_for):
    assert _note(world, client_for).status_code == 302
    assert SafeguardingNote.objects.get().author == world.users["staff"]
    url = reverse("safeguarding:signpost", args=[world.family.pk])
    readers = {role: NOTE in client_for(role).get(url).content.decode() for role in ("staff", "coordinator", "admin")}
    assert readers == {"staff": True, "coordinator": True, "admin": False}
    # A colleague of another group does not reach the family at all.
    assert client_for("other_staff").get(url).status_code == 404


def test_a_note_never_reaches_the_parent_portal_or_the_family_page(world, client_for):
    _note(world, client_for)
    parent = client_for("parent")
    for name in ("portal:home", "threads:portal_list", "portal:feedback", "portal:ask"):
        assert NOTE not in parent.get(reverse(name)).content.decode(), name
    assert parent.get(reverse("safeguarding:signpost", args=[world.family.pk])).status_code == 403
    family_page = client_for("coordinator").get(reverse("families:detail", args=[world.family.pk])).content.decode()
    assert NOTE not in family_page


def test_an_empty_note_is_refused_and_nothing_is_kept(world, client_for):
    response = client_for("staff").post(reverse("safeguarding:signpost", args=[world.family.pk]), {"text": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not SafeguardingNote.objects.exists()


def test_a_note_goes_with_the_familys_file_when_it_is_erased(world, client_for):
    from privacy.graph import live_rows

    _note(world, client_for)
    found = live_rows(family=world.family, users=[world.users["parent"]])
    assert SafeguardingNote.objects.get().pk in found.rows[SafeguardingNote]
