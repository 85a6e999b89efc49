"""Erasure on request: a coordinator erases a family's file at once, after typing the family's name; staff may
not, a coordinator of another location does not find the family. The erasure works with the web app's own
database role, which may not delete history itself: only through the erasure function, and only for a family
that is gone."""

import os

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accounts.models import Role, User
from audit.grants import app_role_grants
from audit.models import AccessEvent
from contacts.models import ContactMoment
from families.models import Family
from privacy.erasure_sql import FUNCTION
from privacy.models import ErasureRecord, Reason
from privacy.services import ErasureRefused, family_erase
from tests import factories as f

pytestmark = pytest.mark.django_db


def _erase_url(family):
    return reverse("privacy:erase", args=[family.pk])


def test_a_coordinator_erases_a_file_on_request(world, client_for):
    client = client_for("coordinator")
    client.get(reverse("families:detail", args=[world.family.pk]))
    assert AccessEvent.objects.filter(family=world.family).exists()
    page = client.get(_erase_url(world.family))
    assert page.status_code == 200
    assert "Familie Eén" in page.content.decode()

    wrong = client.post(_erase_url(world.family), {"family_name": "Familie Twee", "reason": Reason.REQUEST})
    assert wrong.status_code == 200
    assert Family.objects.filter(pk=world.family.pk).exists()

    response = client.post(_erase_url(world.family), {"family_name": " familie  eén ", "reason": Reason.REQUEST})
    assert response.status_code == 302 and response["Location"] == reverse("privacy:erasures")
    assert not Family.objects.filter(pk=world.family.pk).exists()
    assert not AccessEvent.objects.filter(family_id=world.family.pk).exists()
    assert not User.objects.filter(pk=world.users["parent"].pk).exists()
    record = ErasureRecord.objects.get()
    assert (record.by, record.reason) == (world.users["coordinator"], Reason.REQUEST)
    assert record.counts["families.Family"] == 1 and record.counts["contacts.ContactMoment"] == 1
    listing = client.get(reverse("privacy:erasures")).content.decode()
    assert world.users["coordinator"].get_full_name() in listing
    assert "Familie Eén" not in listing and "Noor" not in listing


def test_the_retention_reason_is_not_a_choice_on_the_page(world, client_for):
    response = client_for("coordinator").post(
        _erase_url(world.family), {"family_name": "Familie Eén", "reason": Reason.RETENTION}
    )
    assert response.status_code == 200
    assert Family.objects.filter(pk=world.family.pk).exists()


def test_staff_may_not_erase(world, client_for):
    client = client_for("staff")
    assert client.get(_erase_url(world.family)).status_code == 403
    response = client.post(_erase_url(world.family), {"family_name": "Familie Eén", "reason": Reason.REQUEST})
    assert response.status_code == 403
    assert Family.objects.filter(pk=world.family.pk).exists()


def test_a_coordinator_of_another_location_does_not_find_the_family(world, client):
    other = f.UserFactory(username="other_coordinator", role=Role.COORDINATOR, organisation=world.organisation)
    f.CoordinatorAssignmentFactory(user=other, location=world.other_location)
    client.force_login(other)
    assert client.get(_erase_url(world.family)).status_code == 404
    response = client.post(_erase_url(world.family), {"family_name": "Familie Eén", "reason": Reason.REQUEST})
    assert response.status_code == 404
    assert Family.objects.filter(pk=world.family.pk).exists()
    assert client.get(_erase_url(world.other_family)).status_code == 200


def test_erasing_one_family_leaves_the_others_and_the_staff(world):
    staff = world.users["staff"]
    other_contacts = ContactMoment.objects.filter(family=world.other_family).count()
    f.ContactMomentFactory(family=world.other_family, author=world.users["far_staff"])
    family_erase(family=world.family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert Family.objects.filter(pk=world.other_family.pk).exists()
    assert ContactMoment.objects.filter(family=world.other_family).count() == other_contacts + 1
    assert User.objects.filter(pk=staff.pk).exists()
    assert User.objects.filter(pk=world.users["other_parent"].pk).exists()
    user_events = next(iter(User.pgh_event_models.values()))
    assert user_events.objects.filter(pgh_obj_id=staff.pk).exists()


def test_a_staff_account_linked_to_a_caregiver_is_never_erased(world):
    """Only parent accounts belong to a family's file: a staff member's account and its history stay."""
    staff = world.users["other_staff"]
    world.caregiver.user = staff
    world.caregiver.save()
    user_events = next(iter(User.pgh_event_models.values()))
    before = user_events.objects.filter(pgh_obj_id=staff.pk).count()
    family_erase(family=world.family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert User.objects.filter(pk=staff.pk).exists()
    assert user_events.objects.filter(pgh_obj_id=staff.pk).count() == before


# --- The web app's own database role -------------------------------------------------------------------------


@pytest.fixture
def as_app_role(db):
    """The test's connection acts as the web app's role (audit/grants.py) until the test ends: the role and its
    grants are made inside the test's transaction, so they are rolled back with it."""
    role = f"op_privacy_test_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("the test database user may not create roles")
        cursor.execute(f"CREATE ROLE {connection.ops.quote_name(role)} NOLOGIN")
        for statement in app_role_grants(role):
            cursor.execute(statement)

    def switch():
        with connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {connection.ops.quote_name(role)}")

    yield switch
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


def test_the_app_role_erases_a_file_through_the_function(world, as_app_role):
    family_pk = world.family.pk
    event_model = next(iter(Family.pgh_event_models.values()))
    assert event_model.objects.filter(pgh_obj_id=family_pk).exists()
    as_app_role()
    with connection.cursor() as cursor:
        cursor.execute("SELECT has_table_privilege(current_user, %s, 'DELETE')", [event_model._meta.db_table])
        assert cursor.fetchone()[0] is False
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {event_model._meta.db_table} WHERE pgh_obj_id = %s", [family_pk])  # noqa: S608
    record = family_erase(family=world.family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert record.counts["history"] > 0
    assert not Family.objects.filter(pk=family_pk).exists()
    assert not event_model.objects.filter(pgh_obj_id=family_pk).exists()
    assert not AccessEvent.objects.filter(family_id=family_pk).exists()


def test_the_function_refuses_the_history_of_a_family_that_still_exists(world, as_app_role):
    event_model = next(iter(Family.pgh_event_models.values()))
    before = event_model.objects.filter(pgh_obj_id=world.family.pk).count()
    as_app_role()
    with pytest.raises(DatabaseError, match="still exists"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {FUNCTION}(%s, %s, NULL, '', 'request', '{{}}'::jsonb)",
            [world.family.pk, world.organisation.pk],
        )
    assert event_model.objects.filter(pgh_obj_id=world.family.pk).count() == before
    assert not ErasureRecord.objects.exists()


def test_the_app_role_cannot_remove_an_erasure_record(world, as_app_role):
    family_erase(family=world.family, by=None, reason=Reason.RETENTION)
    as_app_role()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {ErasureRecord._meta.db_table}")  # noqa: S608
    assert ErasureRecord.objects.count() == 1


def test_a_second_erasure_of_the_same_family_erases_nothing(world):
    family = world.family
    family_erase(family=family, by=world.users["coordinator"], reason=Reason.REQUEST)
    with pytest.raises(ErasureRefused):
        family_erase(family=family, by=world.users["coordinator"], reason=Reason.REQUEST)
    assert ErasureRecord.objects.count() == 1
