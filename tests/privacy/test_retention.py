"""Retention (`manage.py apply_retention`): a family whose children all left longer ago than the organisation's
retention period is erased without a trace. The family gets a marker text in every text field of everything that
belongs to it, its history and access log get rows, and after the run no text, json or array column of any table
holds the marker; a family within its period is untouched, and a dry run changes nothing."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pghistory.models import Context

from accounts.models import User
from audit.models import AccessEvent
from families.models import Family
from privacy.graph import live_rows
from privacy.models import ErasureRecord, Reason
from tests import factories as f
from tests.privacy.seed import file_querysets, fill_file, mark_every_text_field, marker_hits, set_past_retention
from tests.test_access_matrix import database_fingerprint

pytestmark = pytest.mark.django_db

MARKER = "Zq7Mark9"
OTHER = "Zq7Othr9"  # the other family's, which stays


@pytest.fixture
def marked(world, client_for):
    """Both families of the world filled and marked; the world's family is past its retention period."""
    parent, other_parent = world.users["parent"], world.users["other_parent"]
    other = world.other_family
    # The parent is signed in somewhere: the erasure ends that session. (A login forgets the failed ones, so
    # before the seed writes some.)
    parent_client = Client()
    parent_client.force_login(parent)
    world.parent_session = parent_client.session.session_key
    fill_file(
        family=world.family, child=world.child, caregiver=world.caregiver, staff=world.users["staff"], marker=MARKER
    )
    fill_file(
        family=other,
        child=other.children.get(),
        caregiver=other.caregivers.get(),
        staff=world.users["far_staff"],
        marker=OTHER,
    )
    # Read as staff and as the coordinator (the access log), and a change through the app (a request context).
    staff = client_for("staff")
    assert staff.get(reverse("families:detail", args=[world.family.pk])).status_code == 200
    response = staff.post(
        reverse("families:edit", args=[world.family.pk]),
        {"name": "Familie Eén", "notes": MARKER, "version": Family.objects.get(pk=world.family.pk).version},
    )
    assert response.status_code == 302
    assert client_for("coordinator").get(reverse("privacy:export", args=[world.family.pk])).status_code == 200
    mark_every_text_field(file_querysets(world.family, [parent.pk]), MARKER)
    mark_every_text_field(file_querysets(other, [other_parent.pk]), OTHER)
    set_past_retention(world.family, days_ago=800)
    return world


def test_the_seed_covers_every_model_of_a_family_file(marked):
    """A model added to the file later must be seeded in tests/privacy/seed.py, or the marker test misses it."""
    parent = marked.users["parent"]
    seeded = {queryset.model for queryset in file_querysets(marked.family, [parent.pk])}
    found = live_rows(family=marked.family, users=[parent]).rows
    found = {model for model, pks in found.items() if pks and not model._meta.auto_created}
    assert found - seeded == set(), "seed these models in tests/privacy/seed.py"
    assert seeded - found == set(), "the erasure does not find these rows of the file"


def test_retention_erases_every_trace_of_a_family_past_its_period(marked):
    family_pk, parent_pk = marked.family.pk, marked.users["parent"].pk
    before = marker_hits(MARKER)
    # The search does find the marker wherever it hides: rows, history, access log, logins, the admin's log.
    for column in (
        "families_family.notes",
        "families_familyevent.notes",
        "contacts_contactmomentevent.notes",
        "agreements_agreementversionevent.goal",
        "accounts_user.username",
        "accounts_userevent.username",
        "audit_accessevent.reason",
        "axes_accesslog.username",
        "django_admin_log.object_repr",
        "notifications_notification.link",
    ):
        assert column in before, (column, sorted(before))
    other_before = marker_hits(OTHER)
    assert AccessEvent.objects.filter(family_id=family_pk).count() >= 3
    assert Context.objects.filter(metadata__user=marked.users["staff"].pk).exists()

    out = StringIO()
    call_command("apply_retention", "--apply", stdout=out)

    assert marker_hits(MARKER) == {}
    assert marker_hits(OTHER) == other_before
    assert not Family.objects.filter(pk=family_pk).exists()
    assert not AccessEvent.objects.filter(family_id=family_pk).exists()
    assert not User.objects.filter(pk=parent_pk).exists()
    assert not Session.objects.filter(session_key=marked.parent_session).exists()
    assert not Context.objects.filter(metadata__user=parent_pk).exists()
    record = ErasureRecord.objects.get()
    assert (record.reason, record.by, record.organisation) == (Reason.RETENTION, None, marked.organisation)
    assert record.counts["families.Family"] == 1 and record.counts["accounts.User"] == 1
    assert record.counts["history"] > 20 and record.counts["access_log"] >= 3
    assert "1 families erased" in out.getvalue()
    assert MARKER not in out.getvalue() and "Familie" not in out.getvalue()


def test_a_second_run_finds_nothing_more(marked):
    call_command("apply_retention", "--apply", stdout=StringIO())
    out = StringIO()
    call_command("apply_retention", "--apply", stdout=out)
    assert "In all: 0 families erased." in out.getvalue()
    assert ErasureRecord.objects.count() == 1


def test_the_dry_run_counts_per_organisation_and_changes_nothing(marked):
    # Left 23 months ago: within the default 24 months.
    recent = f.FamilyFactory(organisation=marked.organisation, name="Familie Recent")
    f.PlacementFactory(child=f.ChildFactory(family=recent), group=marked.group)
    set_past_retention(recent, days_ago=700)
    before = database_fingerprint()
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert database_fingerprint() == before
    assert "Dry run" in out.getvalue()
    assert "Kinderopvang Test (retention 24 months" in out.getvalue()
    assert "1 families would be erased" in out.getvalue()
    assert "Familie" not in out.getvalue() and MARKER not in out.getvalue()


def test_the_organisations_own_retention_period_counts(marked):
    marked.organisation.retention_months = 36
    marked.organisation.save()
    call_command("apply_retention", "--apply", stdout=StringIO())
    assert Family.objects.filter(pk=marked.family.pk).exists()
    marked.organisation.retention_months = 12
    marked.organisation.save()
    call_command("apply_retention", "--apply", stdout=StringIO())
    assert not Family.objects.filter(pk=marked.family.pk).exists()


def test_a_family_with_a_child_still_placed_is_kept(world):
    """One child left long ago, a sibling is still placed: the family stays."""
    set_past_retention(world.family, days_ago=2000)
    sibling = f.ChildFactory(family=world.family)
    f.PlacementFactory(child=sibling, group=world.group, start_date=datetime.date.today())
    call_command("apply_retention", "--apply", stdout=StringIO())
    assert Family.objects.filter(pk=world.family.pk).exists()
