"""The lifecycle of an agreement, checked on the services: draft, proposed, agreed, new versions,
evaluation; what parents may and may not confirm."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from agreements import services
from agreements.models import Confirmation, Outcome, Status
from contacts.choices import Kind, Tone
from contacts.services import ContactData
from partnership.locking import StaleEdit
from tests import factories as f
from threads import services as thread_services
from threads.models import Topic

pytestmark = pytest.mark.django_db


def _draft(world):
    return services.agreement_create(
        family=world.family, by=world.users["staff"], title="Zindelijkheid", content=f.agreement_content()
    )


def test_a_draft_is_changed_in_place_without_a_new_version(world):
    agreement = _draft(world)
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=1,
        title="Zindelijk worden",
        content=f.agreement_content(goal="Nieuw doel"),
    )
    assert agreement.versions.count() == 1
    assert agreement.current.goal == "Nieuw doel" and agreement.status == Status.DRAFT


def test_a_change_after_proposal_makes_a_new_version_and_keeps_what_was_agreed(world):
    agreement = world.agreement
    first = agreement.current
    services.agreement_confirm(agreement=agreement, version=first, by=world.users["parent"])
    agreement.refresh_from_db()  # the parent's "akkoord" changed it
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(goal="Aangepast doel"),
    )
    agreement.refresh_from_db()
    assert agreement.current.number == 2 and agreement.status == Status.PROPOSED
    first.refresh_from_db()
    assert first.goal != "Aangepast doel" and first.confirmations.count() == 1


def test_two_staff_editing_the_same_agreement_the_second_is_refused(world):
    agreement = world.agreement
    opened_at = agreement.lock_version
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=opened_at,
        title="A",
        content=f.agreement_content(),
    )
    with pytest.raises(StaleEdit):
        services.agreement_update(
            agreement=agreement,
            by=world.users["coordinator"],
            expected_version=opened_at,
            title="B",
            content=f.agreement_content(goal="Overschreven?"),
        )
    agreement.refresh_from_db()
    assert agreement.title == "A" and agreement.current.goal != "Overschreven?"


def test_a_parent_cannot_confirm_a_draft_an_old_version_or_twice(world):
    draft = _draft(world)
    with pytest.raises(ValidationError):
        services.agreement_confirm(agreement=draft, version=draft.current, by=world.users["parent"])
    agreement = world.agreement
    old = agreement.current
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(goal="Versie twee"),
    )
    with pytest.raises(ValidationError):
        services.agreement_confirm(agreement=agreement, version=old, by=world.users["parent"])
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    with pytest.raises(ValidationError):
        services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    assert Confirmation.objects.filter(version=agreement.current).count() == 1


def test_a_parent_of_another_family_cannot_confirm_or_react(world):
    with pytest.raises(PermissionDenied):
        services.agreement_confirm(
            agreement=world.agreement, version=world.agreement.current, by=world.users["other_parent"]
        )
    other = world.users["other_parent"]
    with pytest.raises(PermissionDenied):
        thread_services.thread_start(
            caregiver=other.caregiver, by=other, topic=Topic.AGREEMENT, agreement=world.agreement, text="Hallo"
        )


def test_staff_record_agreement_in_a_conversation(world):
    services.agreement_record_agreed(
        agreement=world.agreement, by=world.users["staff"], caregivers=[world.caregiver], contact=world.contact
    )
    world.agreement.refresh_from_db()
    confirmation = world.agreement.current.confirmations.get()
    assert world.agreement.status == Status.AGREED and confirmation.contact == world.contact
    assert not confirmation.in_portal


def test_an_evaluation_is_a_contact_moment_and_moves_the_agreement_on(world):
    agreement = world.agreement
    services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    data = ContactData(
        kind=Kind.EVALUATION,
        occurred_at=timezone.now() - datetime.timedelta(hours=1),
        tone=Tone.POSITIVE,
        caregivers=[world.caregiver],
        summary="Gaat goed.",
    )
    next_on = timezone.localdate() + datetime.timedelta(days=60)
    evaluation = services.agreement_evaluate(
        agreement=agreement,
        by=world.users["staff"],
        contact_data=data,
        outcome=Outcome.CONTINUE,
        next_evaluation_on=next_on,
    )
    agreement.refresh_from_db()
    assert evaluation.contact.kind == Kind.EVALUATION
    assert agreement.status == Status.EVALUATED and agreement.evaluation_on == next_on
    data.summary = "Doel bereikt."
    services.agreement_evaluate(
        agreement=agreement, by=world.users["staff"], contact_data=data, outcome=Outcome.CLOSE, next_evaluation_on=None
    )
    agreement.refresh_from_db()
    assert agreement.status == Status.CLOSED and agreement.closed_on == timezone.localdate()


def test_a_draft_cannot_be_evaluated_and_continuing_needs_a_date(world):
    data = ContactData(kind=Kind.EVALUATION, occurred_at=timezone.now(), tone=Tone.NEUTRAL)
    with pytest.raises(ValidationError):
        services.agreement_evaluate(
            agreement=_draft(world),
            by=world.users["staff"],
            contact_data=data,
            outcome=Outcome.CLOSE,
            next_evaluation_on=None,
        )
    with pytest.raises(ValidationError):
        services.agreement_evaluate(
            agreement=world.agreement,
            by=world.users["staff"],
            contact_data=data,
            outcome=Outcome.CONTINUE,
            next_evaluation_on=None,
        )


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_empty_or_too_long_reaction_is_refused(world, text):
    with pytest.raises(ValidationError):
        thread_services.thread_start(
            caregiver=world.caregiver,
            by=world.users["parent"],
            topic=Topic.AGREEMENT,
            agreement=world.agreement,
            text=text,
        )


def test_a_child_of_another_family_cannot_be_the_subject(world):
    other_child = world.other_family.children.first()
    with pytest.raises(ValidationError):
        services.agreement_create(
            family=world.family, by=world.users["staff"], title="X", child=other_child, content=f.agreement_content()
        )
