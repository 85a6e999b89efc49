"""The rules of threads (issue 12): every parent message waits for a person's answer; staff answer or close with a
reason; the other side is told through the outbox, without the words; and bad input changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from contacts.choices import Visibility
from notifications.models import Kind, Notification
from portal import services as portal_services
from tests import factories as f
from threads import services
from threads.models import Message, State, Thread, Topic

pytestmark = pytest.mark.django_db


def _ask(world, text="Hoe gaat het met eten?", **kwargs):
    kwargs.setdefault("topic", Topic.QUESTION)
    return services.thread_start(caregiver=world.caregiver, by=world.users["parent"], text=text, **kwargs)


def _nothing_saved():
    told = Notification.objects.filter(kind__in=[Kind.PARENT_MESSAGE, Kind.REPLY])
    assert not Thread.objects.exists() and not Message.objects.exists() and not told.exists()


def test_a_parents_question_waits_for_an_answer_and_tells_the_mentor_without_the_words(world):
    before = timezone.now()
    thread = _ask(world, "Noor eet thuis weinig groente.")
    assert thread.state == State.WAITING and thread.waiting_since >= before
    assert [m.text for m in thread.messages.all()] == ["Noor eet thuis weinig groente."]
    notification = Notification.objects.get()
    assert notification.recipient == world.users["staff"] and notification.kind == Kind.PARENT_MESSAGE
    assert notification.link == reverse("threads:detail", args=[world.family.pk, thread.pk])
    assert "groente" not in notification.event + notification.link


def test_reacting_on_an_agreement_again_continues_the_open_thread(world):
    first = _ask(world, "Kan het ook anders?", topic=Topic.AGREEMENT, agreement=world.agreement)
    other = f.CaregiverFactory(
        family=world.family, first_name="Sam", user=f.UserFactory(role=Role.PARENT, organisation=world.organisation)
    )
    second = services.thread_start(
        caregiver=other, by=other.user, topic=Topic.AGREEMENT, agreement=world.agreement, text="Ik sluit me aan."
    )
    assert second.pk == first.pk
    assert list(first.messages.values_list("text", flat=True)) == ["Kan het ook anders?", "Ik sluit me aan."]


def test_after_a_thread_about_an_agreement_is_closed_a_new_reaction_starts_a_new_one(world):
    first = _ask(world, "Vraag", topic=Topic.AGREEMENT, agreement=world.agreement)
    services.thread_close(thread=first, by=world.users["staff"], reason="Besproken bij het halen.")
    second = _ask(world, "Nieuwe vraag", topic=Topic.AGREEMENT, agreement=world.agreement)
    assert second.pk != first.pk and second.state == State.WAITING


def test_staff_answer_clears_the_wait_and_the_parent_is_told(world):
    thread = _ask(world)
    message = services.thread_reply(thread=thread, by=world.users["staff"], text="We kijken mee, fijn dat u het zegt.")
    thread.refresh_from_db()
    assert thread.state == State.ANSWERED and thread.waiting_since is None
    assert not message.from_parent and message.author == world.users["staff"]
    told = Notification.objects.get(kind=Kind.REPLY)
    assert told.recipient == world.users["parent"]
    assert told.link == reverse("threads:portal_detail", args=[thread.pk])


def test_a_parent_writing_again_makes_the_thread_wait_again_from_then(world):
    thread = _ask(world)
    services.thread_reply(thread=thread, by=world.users["staff"], text="Antwoord")
    later = timezone.now()
    services.thread_write(thread=thread, by=world.users["parent"], text="Dank u, nog een vraag.")
    thread.refresh_from_db()
    assert thread.state == State.WAITING and thread.waiting_since >= later


def test_a_second_message_while_waiting_keeps_the_first_moment(world):
    thread = _ask(world)
    first = thread.waiting_since
    services.thread_write(thread=thread, by=world.users["parent"], text="En nog iets.")
    thread.refresh_from_db()
    assert thread.waiting_since == first


def test_closing_needs_a_reason_and_then_nobody_writes_in_it(world):
    thread = _ask(world)
    with pytest.raises(ValidationError, match="Schrijf waarom"):
        services.thread_close(thread=thread, by=world.users["staff"], reason="   ")
    services.thread_close(thread=thread, by=world.users["staff"], reason="Besproken bij het brengen.")
    thread.refresh_from_db()
    assert thread.state == State.CLOSED and thread.closed_by == world.users["staff"] and thread.waiting_since is None
    count = Message.objects.count()
    with pytest.raises(ValidationError):
        services.thread_reply(thread=thread, by=world.users["staff"], text="Toch nog")
    with pytest.raises(ValidationError):
        services.thread_write(thread=thread, by=world.users["parent"], text="Toch nog")
    with pytest.raises(ValidationError):
        services.thread_close(thread=thread, by=world.users["staff"], reason="Nog eens")
    assert Message.objects.count() == count


@pytest.mark.parametrize("text", ["", "   \n ", "x" * 2001, "nul\x00teken"])
def test_an_empty_too_long_or_unstorable_message_is_refused_and_nothing_is_saved(world, text):
    with pytest.raises(ValidationError):
        _ask(world, text)
    _nothing_saved()


def test_markup_is_kept_as_the_parent_typed_it(world):
    thread = _ask(world, "<script>alert(1)</script> <b>Graag</b>")
    assert thread.messages.get().text == "<script>alert(1)</script> <b>Graag</b>"
    assert services.contains_markup("<b>x</b>") and not services.contains_markup("3 < 4 en 5 > 2")


def test_a_parent_whose_access_was_revoked_cannot_write(world):
    thread = _ask(world)
    world.caregiver.access_revoked_at = timezone.now()
    world.caregiver.save()
    count = Message.objects.count()
    with pytest.raises(ValidationError, match="U kunt het ouderportaal niet meer gebruiken"):
        services.thread_write(thread=thread, by=world.users["parent"], text="Hallo?")
    with pytest.raises(ValidationError, match="U kunt het ouderportaal niet meer gebruiken"):
        _ask(world, "Nieuwe vraag")
    assert Message.objects.count() == count and Thread.objects.count() == 1


def test_an_inactive_parent_account_cannot_write(world):
    world.users["parent"].is_active = False
    world.users["parent"].save()
    with pytest.raises(ValidationError):
        _ask(world)
    _nothing_saved()


def test_a_parent_cannot_write_in_another_familys_thread(world):
    thread = _ask(world)
    with pytest.raises(PermissionDenied):
        services.thread_write(thread=thread, by=world.users["other_parent"], text="Ingeslopen")
    assert Message.objects.count() == 1


def test_a_parent_cannot_start_a_thread_as_another_caregiver(world):
    with pytest.raises(PermissionDenied):
        services.thread_start(
            caregiver=world.caregiver, by=world.users["other_parent"], topic=Topic.QUESTION, text="Namens Eva"
        )
    _nothing_saved()


def test_parents_do_not_answer_as_staff_and_staff_do_not_write_as_parents(world):
    thread = _ask(world)
    with pytest.raises(PermissionDenied):
        services.thread_reply(thread=thread, by=world.users["parent"], text="Antwoord van mezelf")
    with pytest.raises(PermissionDenied):
        services.thread_close(thread=thread, by=world.users["parent"], reason="Klaar")
    with pytest.raises(PermissionDenied):
        services.thread_write(thread=thread, by=world.users["staff"], text="Als ouder")
    assert Message.objects.count() == 1


def test_a_summary_must_be_shared_with_that_caregiver(world):
    internal = f.ContactMomentFactory(family=world.family, author=world.users["staff"], notes="Interne notitie")
    with pytest.raises(ValidationError, match="niet met u gedeeld"):
        _ask(world, topic=Topic.SUMMARY, contact=internal)
    shared = f.ContactMomentFactory(
        family=world.family, author=world.users["staff"], visibility=Visibility.SHARED, shared_summary="Gedeeld"
    )
    world.caregiver.has_parental_authority = False
    world.caregiver.save()
    with pytest.raises(ValidationError, match="niet met u gedeeld"):
        _ask(world, topic=Topic.SUMMARY, contact=shared)
    _nothing_saved()
    world.caregiver.summaries_allowed = True
    world.caregiver.save()
    assert _ask(world, topic=Topic.SUMMARY, contact=shared).contact == shared


def test_an_agreement_must_be_shared_with_the_family(world):
    draft = f.agreement_content()
    from agreements import services as agreement_services

    draft = agreement_services.agreement_create(
        family=world.family, by=world.users["staff"], title="Concept", content=draft
    )
    with pytest.raises(ValidationError, match="niet met u gedeeld"):
        _ask(world, topic=Topic.AGREEMENT, agreement=draft)
    foreign = f.proposed_agreement(family=world.other_family, by=world.users["far_staff"])
    with pytest.raises(PermissionDenied):
        _ask(world, topic=Topic.AGREEMENT, agreement=foreign)
    foreign_summary = f.ContactMomentFactory(
        family=world.other_family, author=world.users["far_staff"], visibility=Visibility.SHARED, shared_summary="x"
    )
    with pytest.raises(PermissionDenied):
        _ask(world, topic=Topic.SUMMARY, contact=foreign_summary)
    _nothing_saved()


def test_a_topic_needs_its_own_subject_only(world):
    with pytest.raises(ValidationError):
        _ask(world, topic=Topic.AGREEMENT)
    with pytest.raises(ValidationError):
        _ask(world, topic=Topic.QUESTION, agreement=world.agreement)
    with pytest.raises(ValidationError):
        _ask(world, topic="nonsense")
    _nothing_saved()


def test_a_request_for_a_conversation_keeps_moment_place_and_interpreter(world):
    thread = services.conversation_request(
        caregiver=world.caregiver,
        by=world.users["parent"],
        child=world.child,
        text="Over het slapen",
        preferred_moment="Dinsdagmiddag",
        preferred_place="phone",
        interpreter_wanted=True,
    )
    assert thread.topic == Topic.CONVERSATION and thread.child == world.child
    assert (thread.preferred_moment, thread.preferred_place, thread.interpreter_wanted) == (
        "Dinsdagmiddag",
        "phone",
        True,
    )
    with pytest.raises(ValidationError):
        services.conversation_request(
            caregiver=world.caregiver, by=world.users["parent"], child=None, text="x", preferred_place="garden"
        )


def test_a_child_of_another_family_is_refused(world):
    other_child = world.other_family.children.first()
    with pytest.raises(ValidationError):
        services.conversation_request(caregiver=world.caregiver, by=world.users["parent"], child=other_child, text="x")
    _nothing_saved()


def test_many_new_threads_in_one_day_are_refused(world):
    for n in range(services.NEW_THREADS_PER_DAY):
        _ask(world, f"Vraag {n}")
    with pytest.raises(ValidationError, match="veel nieuwe berichten"):
        _ask(world, "Nog een")
    assert Thread.objects.count() == services.NEW_THREADS_PER_DAY


def test_a_feedback_remark_becomes_a_thread_to_answer_and_scores_alone_do_not(world):
    feedback = portal_services.feedback_give(
        caregiver=world.caregiver,
        answers=f.feedback_answers(relatie=2, competentie=3, autonomie=4),
        remark=" Ik hoor weinig over hoe Noor eet. ",
    )
    thread = Thread.objects.get(feedback=feedback)
    assert thread.topic == Topic.FEEDBACK and thread.state == State.WAITING
    assert thread.messages.get().text == "Ik hoor weinig over hoe Noor eet."
    assert Notification.objects.get().kind == Kind.PARENT_MESSAGE
    other = f.CaregiverFactory(family=world.family)
    portal_services.feedback_give(
        caregiver=other, answers=f.feedback_answers(relatie=5, competentie=5, autonomie=5), remark="  "
    )
    assert Thread.objects.count() == 1


def test_without_a_mentor_for_the_child_the_mentors_of_the_family_then_the_coordinators_are_told(world):
    thread = _ask(world)
    assert services.staff_to_tell(thread) == [world.users["staff"]]
    world.family.children.update(mentor=None)
    assert services.staff_to_tell(thread) == [world.users["coordinator"]]
    second = f.ChildFactory(family=world.family, mentor=world.users["other_staff"])
    request = Thread(family=world.family, child=world.child, agreement=None)
    assert services.staff_to_tell(request) == [world.users["other_staff"]]
    assert second


def test_a_parent_who_reads_the_thread_has_nothing_unread(world):
    from threads.selectors import portal_unread_count

    thread = _ask(world)
    services.thread_reply(thread=thread, by=world.users["staff"], text="Antwoord")
    assert portal_unread_count(world.users["parent"]) == 1
    services.thread_read(thread=thread, by=world.users["parent"])
    assert portal_unread_count(world.users["parent"]) == 0
    services.thread_close(thread=thread, by=world.users["staff"], reason="Afgerond")
    assert portal_unread_count(world.users["parent"]) == 1


def test_the_waiting_time_of_a_migrated_message_is_its_own(world):
    """Threads made from what parents wrote before keep their moment (the factory writes as the migration does)."""
    long_ago = timezone.now() - datetime.timedelta(days=30)
    thread = f.ThreadFactory(family=world.family, waiting_since=long_ago)
    assert thread.messages.get().created_at == long_ago == thread.created_at
