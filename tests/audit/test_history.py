"""History (django-pghistory) covers who may see what: users and roles, memberships, coordinator assignments, the
catalogues and acknowledged signals, removals included."""

import pytest
from pghistory.models import Events

from accounts.models import Role
from organisations.models import CoordinatorAssignment, StaffMembership
from tests import factories as f

pytestmark = pytest.mark.django_db


def _labels(model_label, obj_pk):
    return list(
        Events.objects.filter(pgh_obj_model=model_label, pgh_obj_id=str(obj_pk))
        .order_by("pgh_created_at")
        .values_list("pgh_label", flat=True)
    )


def test_a_role_change_and_a_deactivation_are_kept_without_the_password(world):
    user = world.users["staff"]
    user.role = Role.COORDINATOR
    user.save()
    user.is_active = False
    user.save()
    user.set_password("een-heel-nieuw-wachtwoord")
    user.save()
    events = Events.objects.filter(pgh_obj_model="accounts.User", pgh_obj_id=str(user.pk), pgh_label="update")
    changes = [event.pgh_diff for event in events.order_by("pgh_created_at")]
    assert {"role": ["staff", "coordinator"]} in changes
    assert {"is_active": [True, False]} in changes
    assert all("password" not in (diff or {}) for diff in changes)


def test_adding_and_removing_a_membership_and_an_assignment_are_kept(world):
    membership = f.StaffMembershipFactory(user=world.users["other_staff"], group=world.group)
    membership_pk = membership.pk
    StaffMembership.objects.filter(pk=membership_pk).delete()
    assert _labels("organisations.StaffMembership", membership_pk) == ["insert", "delete"]
    assignment = f.CoordinatorAssignmentFactory(user=world.users["coordinator"], location=world.other_location)
    assignment_pk = assignment.pk
    CoordinatorAssignment.objects.filter(pk=assignment_pk).delete()
    assert _labels("organisations.CoordinatorAssignment", assignment_pk) == ["insert", "delete"]


def test_rewording_a_checklist_item_and_an_intake_question_is_kept(world):
    item = world.item
    item.prompt = "Anders geformuleerd"
    item.save()
    question = world.question
    question.text = "Een andere vraag?"
    question.save()
    assert "update" in _labels("successfactors.ChecklistItem", item.pk)
    assert "update" in _labels("intakes.IntakeQuestion", question.pk)


def test_an_acknowledged_signal_is_kept(world):
    from health.models import Acknowledgement

    ack = Acknowledgement.objects.create(
        family=world.family, signal="contact", level=1, note="Net gesproken", by=world.users["coordinator"]
    )
    assert _labels("health.Acknowledgement", ack.pk) == ["insert"]
