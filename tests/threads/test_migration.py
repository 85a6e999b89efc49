"""The data migration that made threads of what parents wrote before (threads 0002), run on a database as it was:
reactions on agreements, requests for a conversation kept as follow-ups without a contact, feedback remarks. Then
agreements 0003 and contacts 0004 remove their old homes."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from contacts.models import FollowUp
from tests.migrations import migrate_to, state_before
from threads.models import State, Thread, Topic

BEFORE = {
    "threads": "0001_initial",
    "agreements": "0002_one_akkoord_enough",
    "contacts": "0003_follow_up_has_family",
}
NOW = timezone.now()


def _old_database(apps) -> dict:
    model = apps.get_model
    organisation = model("organisations", "Organisation").objects.create(name="Organisatie")
    staff = model("accounts", "User").objects.create(username="mentor", role="staff", organisation=organisation)
    parent = model("accounts", "User").objects.create(username="ouder", role="parent", organisation=organisation)
    family = model("families", "Family").objects.create(organisation=organisation, name="Gezin")
    caregiver = model("families", "Caregiver").objects.create(family=family, first_name="Eva", user=parent)
    agreements = []
    for status in ("proposed", "closed"):
        agreement = model("agreements", "Agreement").objects.create(
            family=family, title=status, status=status, created_by=staff
        )
        version = model("agreements", "AgreementVersion").objects.create(
            agreement=agreement, number=1, goal="Doel", evaluation_on=datetime.date(2027, 1, 1), created_by=staff
        )
        model("agreements", "Agreement").objects.filter(pk=agreement.pk).update(current=version)
        agreements.append((agreement, version))
    reaction = model("agreements", "Reaction")
    for days, text in ((10, "Eerste reactie"), (3, "Tweede reactie")):
        made = reaction.objects.create(
            agreement=agreements[0][0], version=agreements[0][1], caregiver=caregiver, text=text
        )
        reaction.objects.filter(pk=made.pk).update(created_at=NOW - datetime.timedelta(days=days))
    reaction.objects.create(agreement=agreements[1][0], version=agreements[1][1], caregiver=caregiver, text="Oud")
    follow_up = model("contacts", "FollowUp")
    for description, done_on in (("Graag bellen", None), ("Al gesproken", datetime.date(2026, 3, 1))):
        made = follow_up.objects.create(
            family=family,
            requested_by=caregiver,
            description=description,
            owner=staff,
            created_by=parent,
            due_on=datetime.date(2026, 3, 5),
            promised_to_parents=True,
            done_on=done_on,
            done_by=staff if done_on else None,
        )
        follow_up.objects.filter(pk=made.pk).update(created_at=NOW - datetime.timedelta(days=7))
    feedback = model("portal", "PartnershipFeedback")
    for remark in (" Ik hoor weinig over hoe Noah eet. ", ""):
        feedback.objects.create(
            family=family, caregiver=caregiver, relatie=2, competentie=3, autonomie=4, remark=remark
        )
    return {"staff": staff.pk, "parent": parent.pk, "family": family.pk, "agreements": [a.pk for a, _ in agreements]}


@pytest.mark.django_db(transaction=True)
def test_reactions_requests_and_remarks_become_threads_with_their_own_dates():
    graph = MigrationExecutor(connection).loader.graph
    leaves = graph.leaf_nodes()
    before = state_before(graph, BEFORE)
    try:
        migrate_to(before)
        ids = _old_database(MigrationExecutor(connection).loader.project_state([t for t in before if t[1]]).apps)
    finally:
        migrate_to(leaves)

    open_agreement, closed_agreement = ids["agreements"]
    reacted = Thread.objects.get(agreement_id=open_agreement)
    assert reacted.topic == Topic.AGREEMENT and reacted.state == State.WAITING
    assert reacted.waiting_since == reacted.created_at == reacted.messages.first().created_at
    assert timezone.now() - reacted.waiting_since > datetime.timedelta(days=9)
    assert [(m.text, m.author_id, m.from_parent) for m in reacted.messages.all()] == [
        ("Eerste reactie", ids["parent"], True),
        ("Tweede reactie", ids["parent"], True),
    ]
    old = Thread.objects.get(agreement_id=closed_agreement)
    assert old.state == State.CLOSED and old.closed_reason and old.waiting_since is None

    requests = Thread.objects.filter(topic=Topic.CONVERSATION).order_by("state")
    assert [(t.state, t.messages.get().text) for t in requests] == [
        (State.CLOSED, "Al gesproken"),
        (State.WAITING, "Graag bellen"),
    ]
    assert requests[0].closed_by_id == ids["staff"] and requests[0].closed_reason
    assert not FollowUp.objects.filter(family_id=ids["family"]).exists()

    remark = Thread.objects.get(topic=Topic.FEEDBACK)
    assert remark.state == State.WAITING and remark.feedback.remark.strip() == remark.messages.get().text
    assert remark.messages.get().text == "Ik hoor weinig over hoe Noah eet."
    assert Thread.objects.count() == 5
    assert "agreements_reaction" not in connection.introspection.table_names()
