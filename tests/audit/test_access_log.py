"""The access log (DESIGN.md section 4): every staff read of a family's file is written down, append-only, and
a coordinator can answer a parent's "who looked at my child's file?"."""

import pytest
from django.db import InternalError, transaction
from django.urls import reverse

from audit.models import AccessEvent, Read
from audit.services import access_record

pytestmark = pytest.mark.django_db


def _reads(world):
    family = world.family.pk
    return [
        (reverse("families:detail", args=[family]), Read.FAMILY, None),
        (reverse("contacts:detail", args=[family, world.contact.pk]), Read.CONTACT, world.contact.pk),
        (reverse("agreements:detail", args=[family, world.agreement.pk]), Read.AGREEMENT, world.agreement.pk),
        (reverse("agreements:print", args=[family, world.agreement.pk]), Read.PRINT, world.agreement.pk),
        (reverse("intakes:detail", args=[family, world.intake.pk]), Read.INTAKE, world.intake.pk),
        (reverse("health:family", args=[family]), Read.HEALTH, None),
    ]


def test_every_staff_read_of_the_family_file_is_logged_with_who_what_and_which(world, client_for):
    client = client_for("staff")
    for url, what, object_id in _reads(world):
        assert client.get(url).status_code == 200, url
        event = AccessEvent.objects.order_by("-pk").first()
        assert (event.family_id, event.what, event.object_id) == (world.family.pk, what, object_id), url
        assert event.user == world.users["staff"]
        assert event.user_name == world.users["staff"].get_full_name()
    assert AccessEvent.objects.count() == len(_reads(world))


def test_a_refused_read_is_not_logged_as_a_read(world, client_for):
    client = client_for("other_staff")
    for url, _what, _object_id in _reads(world):
        assert client.get(url).status_code == 404, url
    assert not AccessEvent.objects.exists()


def test_a_parent_reading_the_portal_is_not_in_the_staff_access_log(world, client_for):
    client_for("parent").get(reverse("portal:home"))
    client_for("parent").get(reverse("portal:agreement", args=[world.agreement.pk]))
    assert not AccessEvent.objects.exists()


def test_the_coordinator_sees_who_opened_the_file(world, client_for):
    client_for("staff").get(reverse("families:detail", args=[world.family.pk]))
    page = client_for("coordinator").get(reverse("audit:family", args=[world.family.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert world.users["staff"].get_full_name() in text
    assert "Gezinspagina" in text
    # Reading the log is itself logged.
    assert AccessEvent.objects.filter(what=Read.ACCESS_LOG, user=world.users["coordinator"]).exists()


def test_staff_may_not_read_the_access_log_and_another_coordinator_gets_404(world, client_for):
    assert client_for("staff").get(reverse("audit:family", args=[world.family.pk])).status_code == 403
    from tests import factories as f

    other = f.UserFactory(username="coord_b", role="coordinator", organisation=world.organisation)
    f.CoordinatorAssignmentFactory(user=other, location=world.other_location)
    client = client_for("anonymous")
    client.force_login(other)
    assert client.get(reverse("audit:family", args=[world.family.pk])).status_code == 404


def test_the_access_log_cannot_be_changed_or_deleted_by_the_app(world):
    event = access_record(user=world.users["staff"], family=world.family, what=Read.FAMILY)
    with pytest.raises(InternalError), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).update(user_name="Niemand")
    with pytest.raises(InternalError), transaction.atomic():
        AccessEvent.objects.filter(pk=event.pk).delete()
    assert AccessEvent.objects.get(pk=event.pk).user_name == world.users["staff"].get_full_name()
