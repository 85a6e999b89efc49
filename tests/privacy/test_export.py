"""The export for a request of access: the family's whole file as JSON and as a readable page, for coordinators;
the export is written in the access log. Confidential contacts follow the rule of the one who exports."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AccessEvent, FileAccess, FileReason, Read
from tests import factories as f
from tests.privacy.seed import fill_file

pytestmark = pytest.mark.django_db

MARKER = "Zq7Mark9"


@pytest.fixture
def filled(world):
    fill_file(
        family=world.family, child=world.child, caregiver=world.caregiver, staff=world.users["staff"], marker=MARKER
    )
    return world


def _export(client, family):
    response = client.get(reverse("privacy:export_json", args=[family.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith(f'attachment; filename="file-{family.pk}-')
    return json.loads(response.content)


def test_a_coordinator_exports_the_whole_file_as_json(filled, client_for):
    data = _export(client_for("coordinator"), filled.family)
    assert data["family"]["name"] == "Familie Eén"
    assert {c["first_name"] for c in data["caregivers"]} == {"Eva", MARKER}
    child = next(c for c in data["children"] if c["first_name"] == "Noor")
    assert child["placements"][0]["group_id"] == filled.group.pk
    assert {m["name"] for m in data["network"]} >= {MARKER}
    assert MARKER in {c["details"] for c in data["consents"]}
    assert any(a["answer"] == MARKER for i in data["intakes"] for a in i["answers"])
    contacts = data["contacts"]
    # Internal notes and confidential contacts are part of the file (docs/privacy.md).
    assert any(c["visibility"] == "confidential" and c["notes"] == MARKER for c in contacts)
    internal = next(c for c in contacts if c["notes"] == MARKER and c["visibility"] == "internal")
    assert internal["addenda"][0]["text"] == MARKER
    assert internal["checklist"][0]["prompt"] == MARKER
    assert {u["referral_other"] for u in internal["follow_ups"]} >= {MARKER}
    assert {t["topic"] for t in data["threads_thread"]} >= {"agreement", "conversation", "question"}
    assert {m["text"] for m in data["threads_message"]} == {MARKER}
    agreement = next(a for a in data["agreements"] if a["title"] == MARKER)
    assert [v["number"] for v in agreement["versions"]] == [2, 1]
    assert agreement["versions"][1]["confirmations"][0]["caregiver_id"] == filled.caregiver.pk
    assert agreement["evaluations"][0]["outcome"] == "continue"
    # The parent's reaction on it is a thread about it (its message is among the threads' messages above).
    assert any(t["topic"] == "agreement" and t["agreement_id"] == agreement["id"] for t in data["threads_thread"])
    assert data["portal_partnershipfeedback"][0]["remark"] == MARKER
    assert data["health_acknowledgement"][0]["note"] == MARKER
    assert data["health_snapshot"]
    assert any(e["what"] == "families.Family" and e["action"] == "insert" for e in data["history"])
    assert any(e["data"].get("notes") == MARKER for e in data["history"] if e["what"] == "contacts.ContactMoment")
    assert data["access_log"][0]["what"] == Read.EXPORT  # this export itself, newest first
    assert data["confidential_contacts_left_out"] == 0


def test_the_export_is_written_in_the_access_log(filled, client_for):
    client = client_for("coordinator")
    client.get(reverse("privacy:export", args=[filled.family.pk]))
    _export(client, filled.family)
    events = AccessEvent.objects.filter(family=filled.family, what=Read.EXPORT, user=filled.users["coordinator"])
    assert events.count() == 2


def test_the_readable_export_shows_the_file(filled, client_for):
    response = client_for("coordinator").get(reverse("privacy:export", args=[filled.family.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count(MARKER) > 20
    for heading in ("Ouders/verzorgers", "Contactmomenten", "Afspraken", "Geschiedenis van wijzigingen"):
        assert heading in content, heading


def test_an_admin_with_the_file_open_gets_it_without_the_confidential_contacts(filled, client_for):
    admin = filled.users["admin"]
    FileAccess.objects.create(
        user=admin,
        family=filled.family,
        reason=FileReason.AVG_ACCESS,
        explanation="Verzoek om inzage",
        until=timezone.now() + timezone.timedelta(hours=1),
    )
    data = _export(client_for("admin"), filled.family)
    assert data["confidential_contacts_left_out"] == 1
    assert all(c["visibility"] != "confidential" for c in data["contacts"])
    confidential = filled.family.contacts.get(visibility="confidential")
    history_of_contacts = [e for e in data["history"] if e["what"] == "contacts.ContactMoment"]
    assert history_of_contacts and all(e["object_id"] != confidential.pk for e in history_of_contacts)


def test_staff_and_parents_may_not_export(world, client_for):
    for role in ("staff", "parent"):
        client = client_for(role)
        assert client.get(reverse("privacy:export", args=[world.family.pk])).status_code == 403
        assert client.get(reverse("privacy:export_json", args=[world.family.pk])).status_code == 403
    assert not AccessEvent.objects.filter(what=Read.EXPORT).exists()


def test_a_coordinator_of_another_location_does_not_find_the_family(filled, client):
    other = f.UserFactory(username="other_coordinator", role=Role.COORDINATOR, organisation=filled.organisation)
    f.CoordinatorAssignmentFactory(user=other, location=filled.other_location)
    client.force_login(other)
    assert client.get(reverse("privacy:export", args=[filled.family.pk])).status_code == 404
    assert client.get(reverse("privacy:export_json", args=[filled.family.pk])).status_code == 404
