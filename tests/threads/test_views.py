"""Threads through their pages: the parent's "Berichten" and a thread, reacting on a summary, the staff's thread
page (answer, close with a reason), the staff home and the family page that show what waits, the coordinator's
messages page and dashboard filter, and the unread counts in the navigation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessEvent, Read
from contacts.choices import Visibility
from notifications.models import Kind, Notification
from tests import factories as f
from threads import services
from threads.models import Message, State, Thread, Topic

pytestmark = pytest.mark.django_db


def _thread(world, text="Hoe gaat het met eten?", **kwargs):
    kwargs.setdefault("topic", Topic.QUESTION)
    return services.thread_start(caregiver=world.caregiver, by=world.users["parent"], text=text, **kwargs)


def _staff_url(thread):
    return reverse("threads:detail", args=[thread.family_id, thread.pk])


def _portal_url(thread):
    return reverse("threads:portal_detail", args=[thread.pk])


# --- Parents -----------------------------------------------------------------------------------------------------


def test_a_parent_sends_a_new_message_and_reads_it_in_berichten(world, client_for):
    client = client_for("parent")
    response = client.post(reverse("threads:portal_new"), {"text": "Mag Noor een eigen knuffel meenemen?"})
    thread = Thread.objects.get()
    assert response["Location"] == _portal_url(thread)
    page = client.get(reverse("threads:portal_list")).content.decode()
    assert "Mag Noor een eigen knuffel meenemen?" in page and "Wacht op antwoord" in page


def test_the_answer_is_marked_new_until_the_parent_reads_it_and_the_navigation_counts_it(world, client_for):
    thread = _thread(world)
    services.thread_reply(thread=thread, by=world.users["staff"], text="Ja hoor, dat mag.")
    client = client_for("parent")
    home = client.get(reverse("portal:home"))
    assert home.context["threads_unread"] == 1 and "Nieuw antwoord" in home.content.decode()
    page = client.get(_portal_url(thread)).content.decode()
    assert "Ja hoor, dat mag." in page and "(team)" in page
    assert client.get(reverse("portal:home")).context["threads_unread"] == 0
    assert "Nieuw antwoord" not in client.get(reverse("threads:portal_list")).content.decode()


def test_a_parent_writes_back_and_the_thread_waits_again(world, client_for):
    thread = _thread(world)
    services.thread_reply(thread=thread, by=world.users["staff"], text="Antwoord")
    response = client_for("parent").post(_portal_url(thread), {"text": "Dank u! En <b>nog</b> iets."}, follow=True)
    content = response.content.decode()
    assert "precies zoals u het typte" in content
    assert "&lt;b&gt;nog&lt;/b&gt;" in content and "<b>nog</b>" not in content
    thread.refresh_from_db()
    assert thread.state == State.WAITING


@pytest.mark.parametrize("text, message", [("   ", "verplicht"), ("x" * 2001, "niet meer dan 2000 tekens")])
def test_an_empty_or_too_long_message_gets_a_clear_message_and_nothing_is_saved(world, client_for, text, message):
    thread = _thread(world)
    response = client_for("parent").post(_portal_url(thread), {"text": text})
    assert response.status_code == 400 and message in response.content.decode()
    assert Message.objects.count() == 1


def test_writing_in_a_closed_thread_says_why_and_saves_nothing(world, client_for):
    thread = _thread(world)
    services.thread_close(thread=thread, by=world.users["staff"], reason="Besproken bij het halen.")
    client = client_for("parent")
    page = client.get(_portal_url(thread)).content.decode()
    assert "Besproken bij het halen." in page and 'name="text"' not in page
    response = client.post(_portal_url(thread), {"text": "Toch nog iets"})
    assert response.status_code == 400 and "Dit gesprek is gesloten" in response.content.decode()
    assert Message.objects.count() == 1


def test_a_parent_whose_access_was_revoked_meanwhile_is_told_and_nothing_is_saved(world, client_for):
    thread = _thread(world)
    client = client_for("parent")
    world.caregiver.access_revoked_at = timezone.now()
    world.caregiver.save()
    response = client.post(_portal_url(thread), {"text": "Hallo?"})
    assert response.status_code == 400 and "U kunt het ouderportaal niet meer gebruiken" in response.content.decode()
    assert Message.objects.count() == 1


def test_another_familys_thread_is_a_404_for_a_parent(world, client_for):
    thread = _thread(world)
    client = client_for("other_parent")
    assert client.get(_portal_url(thread)).status_code == 404
    assert client.post(_portal_url(thread), {"text": "Ingeslopen"}).status_code == 404
    assert "Hoe gaat het met eten?" not in client.get(reverse("threads:portal_list")).content.decode()
    assert Message.objects.count() == 1


def test_a_caregiver_without_gezag_sees_no_thread_about_a_summary_and_nobody_elses_feedback(world, client_for):
    shared = f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        visibility=Visibility.SHARED,
        shared_summary="Gedeelde samenvatting",
        notes="INTERNE NOTITIE",
    )
    about_summary = _thread(world, "Over de samenvatting", topic=Topic.SUMMARY, contact=shared)
    from portal import services as portal_services

    portal_services.feedback_give(caregiver=world.caregiver, answers=f.feedback_answers(), remark="Eigen")
    grandfather = f.CaregiverFactory(
        family=world.family,
        first_name="Opa",
        has_parental_authority=False,
        user=f.UserFactory(username="opa", role="parent", organisation=world.organisation),
    )
    client = client_for("parent")
    client.force_login(grandfather.user)
    assert client.get(_portal_url(about_summary)).status_code == 404
    listed = client.get(reverse("threads:portal_list")).content.decode()
    assert "Over de samenvatting" not in listed and "Eigen" not in listed


def test_reacting_on_a_shared_summary_starts_its_thread_and_never_shows_internal_notes(world, client_for):
    shared = f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        visibility=Visibility.SHARED,
        shared_summary="We spraken over het wennen.",
        notes="INTERNE NOTITIE",
        summary="INTERNE KORTE SAMENVATTING",
    )
    client = client_for("parent")
    url = reverse("threads:portal_summary", args=[shared.pk])
    page = client.get(url).content.decode()
    assert "We spraken over het wennen." in page and "INTERNE" not in page
    response = client.post(url, {"text": "Fijn, thuis gaat het ook beter."})
    thread = Thread.objects.get(contact=shared)
    assert response["Location"] == _portal_url(thread)
    page = client.get(_portal_url(thread)).content.decode()
    assert "We spraken over het wennen." in page and "INTERNE" not in page
    internal = f.ContactMomentFactory(family=world.family, author=world.users["staff"], notes="INTERN")
    assert client.get(reverse("threads:portal_summary", args=[internal.pk])).status_code == 404


def test_the_agreement_page_shows_the_conversation_about_it(world, client_for):
    client = client_for("parent")
    client.post(reverse("portal:react", args=[world.agreement.pk]), {"text": "Kan het ook later?"})
    thread = Thread.objects.get(agreement=world.agreement)
    services.thread_reply(thread=thread, by=world.users["staff"], text="Dat kan, we passen het aan.")
    page = client.get(reverse("portal:agreement", args=[world.agreement.pk])).content.decode()
    assert "Kan het ook later?" in page and "Dat kan, we passen het aan." in page


def test_asking_for_a_conversation_with_moment_place_and_interpreter(world, client_for):
    body = {
        "child": world.child.pk,
        "text": "Over het slapen",
        "preferred_moment": "Dinsdagmiddag",
        "preferred_place": "video",
        "interpreter_wanted": "on",
    }
    assert client_for("parent").post(reverse("portal:ask"), body).status_code == 302
    thread = Thread.objects.get(topic=Topic.CONVERSATION)
    assert (thread.preferred_moment, thread.preferred_place, thread.interpreter_wanted) == (
        "Dinsdagmiddag",
        "video",
        True,
    )
    page = client_for("staff").get(_staff_url(thread)).content.decode()
    assert "Dinsdagmiddag" in page and "Via videobellen" in page and "graag" in page


def test_the_portal_message_pages_run_a_fixed_number_of_queries(world, client_for):
    client = client_for("parent")

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    thread = _thread(world)
    few = (count(reverse("threads:portal_list")), count(_portal_url(thread)), count(reverse("portal:home")))
    for n in range(4):
        other = f.ThreadFactory(family=world.family, caregiver=world.caregiver, text=f"Vraag {n}")
        services.thread_reply(thread=other, by=world.users["staff"], text="Antwoord")
        services.thread_reply(thread=thread, by=world.users["staff"], text=f"Antwoord {n}")
    many = (count(reverse("threads:portal_list")), count(_portal_url(thread)), count(reverse("portal:home")))
    assert few == many


# --- Staff -------------------------------------------------------------------------------------------------------


def test_the_mentor_sees_the_message_on_the_home_page_and_answers_it(world, client_for):
    thread = _thread(world, "Noor is moe de laatste tijd.")
    client = client_for("staff")
    home = client.get(reverse("families:mine"))
    content = home.content.decode()
    assert "Noor is moe de laatste tijd." in content and "je bent mentor" in content
    assert home.context["threads_unread"] == 1
    response = client.post(_staff_url(thread), {"text": "Dank voor het laten weten, we letten erop."})
    assert response["Location"] == _staff_url(thread)
    thread.refresh_from_db()
    assert thread.state == State.ANSWERED
    assert "Noor is moe de laatste tijd." not in client.get(reverse("families:mine")).content.decode()
    assert Notification.objects.filter(kind=Kind.REPLY, recipient=world.users["parent"]).exists()


def test_the_staff_home_lists_the_longest_waiting_first(world, client_for):
    old = f.ThreadFactory(family=world.family, waiting_since=timezone.now() - datetime.timedelta(days=3), text="Oud")
    new = f.ThreadFactory(family=world.family, text="Nieuw")
    waiting = client_for("staff").get(reverse("families:mine")).context["waiting"]
    assert [thread.pk for thread in waiting] == [old.pk, new.pk]


def test_close_with_a_reason_or_a_clear_message(world, client_for):
    thread = _thread(world)
    client = client_for("staff")
    url = reverse("threads:close", args=[world.family.pk, thread.pk])
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400 and "Dit veld is verplicht" in response.content.decode()
    assert client.post(url, {"reason": "Besproken bij het brengen."}).status_code == 302
    thread.refresh_from_db()
    assert thread.state == State.CLOSED and thread.closed_reason == "Besproken bij het brengen."
    page = client.get(_staff_url(thread)).content.decode()
    assert "Besproken bij het brengen." in page and 'name="text"' not in page


def test_a_reply_on_a_closed_thread_is_refused_with_a_message(world, client_for):
    thread = _thread(world)
    services.thread_close(thread=thread, by=world.users["coordinator"], reason="Afgehandeld")
    response = client_for("staff").post(_staff_url(thread), {"text": "Toch nog"})
    assert response.status_code == 400 and "Er is niets verstuurd" in response.content.decode()
    assert Message.objects.count() == 1


def test_staff_of_another_group_get_a_404_and_the_coordinator_sees_every_waiting_message(world, client_for):
    thread = _thread(world, "Een vraag van Eva")
    assert client_for("other_staff").get(_staff_url(thread)).status_code == 404
    assert client_for("other_staff").post(_staff_url(thread), {"text": "Ingeslopen"}).status_code == 404
    assert "Een vraag van Eva" not in client_for("other_staff").get(reverse("threads:inbox")).content.decode()
    inbox = client_for("coordinator").get(reverse("threads:inbox"))
    assert "Een vraag van Eva" in inbox.content.decode() and inbox.context["threads_unread"] == 1
    assert Message.objects.count() == 1


def test_the_thread_in_the_wrong_familys_url_is_a_404(world, client_for, foreign):
    thread = _thread(world)
    other = f.ThreadFactory(family=foreign.family, caregiver=foreign.caregiver)
    client = client_for("coordinator")
    assert client.get(reverse("threads:detail", args=[world.family.pk, other.pk])).status_code == 404
    assert client.get(reverse("threads:detail", args=[foreign.family.pk, thread.pk])).status_code == 404


def test_reading_a_thread_is_in_the_access_log(world, client_for):
    thread = _thread(world)
    client_for("staff").get(_staff_url(thread))
    event = AccessEvent.objects.get(what=Read.THREAD)
    assert event.family == world.family and event.object_id == thread.pk and event.user == world.users["staff"]


def test_the_family_page_shows_open_parent_messages(world, client_for):
    _thread(world, "Open vraag")
    closed = _thread(world, "Afgesloten vraag")
    services.thread_close(thread=closed, by=world.users["staff"], reason="Klaar")
    page = client_for("staff").get(world.family.get_absolute_url()).content.decode()
    assert "Open vraag" in page and "Afgesloten vraag" not in page
    listed = client_for("staff").get(reverse("threads:family", args=[world.family.pk])).content.decode()
    assert "Open vraag" in listed and "Afgesloten vraag" in listed


def test_the_staff_agreement_page_shows_the_parents_messages_with_a_way_to_answer(world, client_for):
    thread = _thread(world, "Prima zo, maar kan het later?", topic=Topic.AGREEMENT, agreement=world.agreement)
    page = client_for("staff").get(world.agreement.get_absolute_url()).content.decode()
    assert "Prima zo, maar kan het later?" in page and _staff_url(thread) in page


def test_the_dashboard_filters_families_with_unanswered_messages(world, client_for):
    client = client_for("coordinator")
    url = reverse("health:dashboard")
    assert client.get(url, {"messages": "unanswered"}).context["page"].paginator.count == 0
    _thread(world)
    filtered = client.get(url, {"messages": "unanswered"}).context["page"]
    assert [family.pk for family in filtered.object_list] == [world.family.pk]
    assert client.get(reverse("health:export"), {"messages": "unanswered"}).status_code == 200


def test_the_staff_home_runs_the_same_number_of_queries_with_more_messages(world, client_for):
    client = client_for("staff")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("families:mine")).status_code == 200
        return len(captured)

    _thread(world)
    few = count()
    for n in range(5):
        f.ThreadFactory(family=world.family, text=f"Vraag {n}")
    assert count() == few


def test_a_summary_made_internal_later_leaves_the_parents_thread_but_not_the_summary(world, client_for):
    shared = f.ContactMomentFactory(
        family=world.family, author=world.users["staff"], visibility=Visibility.SHARED, shared_summary="Eerst gedeeld."
    )
    thread = _thread(world, "Een reactie", topic=Topic.SUMMARY, contact=shared)
    shared.visibility, shared.shared_summary = Visibility.CONFIDENTIAL, ""
    shared.save()
    response = client_for("parent").get(_portal_url(thread))
    assert response.status_code == 200
    assert "Een reactie" in response.content.decode() and "Eerst gedeeld." not in response.content.decode()
