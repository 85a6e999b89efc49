"""The parent's language in the portal (issue 15): the parent chooses it, staff choose it when inviting (suggested
from the family's home language), text staff wrote says it is in Dutch and offers an interpreter, and staff see
each caregiver's language wherever they write for the parents."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from contacts.choices import Visibility
from families.models import Caregiver
from tests import factories as f
from threads import services as thread_services
from threads.models import Topic


def _parent(client_for, language=None):
    client = client_for("parent")
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_a_parent_chooses_the_language_of_their_portal_and_e_mails(world, client_for):
    client = _parent(client_for)
    page = client.get(reverse("portal:language")).content.decode()
    assert '<span lang="ar">العربيّة</span> (Arabisch)' in page and '<span lang="uk">Українська</span>' in page
    response = client.post(reverse("portal:language"), {"language": "ar"}, follow=True)
    world.caregiver.refresh_from_db()
    assert world.caregiver.preferred_language == "ar"
    assert response.redirect_chain[0][0] == reverse("portal:language")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_my_account_leads_a_parent_to_the_language_page_and_staff_not(world, client_for):
    assert reverse("portal:language") in client_for("parent").get(reverse("accounts:account")).content.decode()
    assert reverse("portal:language") not in client_for("staff").get(reverse("accounts:account")).content.decode()


def test_a_language_the_portal_does_not_speak_is_refused(world, client_for):
    response = _parent(client_for).post(reverse("portal:language"), {"language": "so"})
    assert response.status_code == 400
    world.caregiver.refresh_from_db()
    assert world.caregiver.preferred_language == "nl"


def test_keeping_the_portals_language_keeps_a_preferred_language_it_does_not_speak(world, client_for):
    world.caregiver.preferred_language = "so"
    world.caregiver.save()
    _parent(client_for).post(reverse("portal:language"), {"language": "nl"})
    world.caregiver.refresh_from_db()
    assert world.caregiver.preferred_language == "so"


def _invite_url(world, caregiver):
    return reverse("portal:invite", args=[world.family.pk, caregiver.pk])


def test_the_invitation_page_suggests_the_familys_home_language_and_staff_can_choose_another(world, client_for):
    world.family.home_languages = ["tr", "nl"]
    world.family.save()
    sam = f.CaregiverFactory(family=world.family, first_name="Sam", email="sam@example.org", user=None)
    client = client_for("staff")
    page = client.get(_invite_url(world, sam)).content.decode()
    assert '<option value="tr" selected>Türkçe (Turks)</option>' in page
    assert "Thuistalen: Turks, Nederlands." in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(_invite_url(world, sam), {"informed": "1", "language": "uk"}, follow=True)
    assert "De uitnodiging is verstuurd naar sam@example.org, in het Oekraïens." in response.content.decode()
    assert Caregiver.objects.get(pk=sam.pk).preferred_language == "uk"
    assert '<html lang="uk">' in mail.outbox[-1].alternatives[0][0]


def test_the_one_tap_invitation_uses_the_suggested_language(world, client_for):
    world.family.home_languages = ["ar"]
    world.family.save()
    sam = f.CaregiverFactory(family=world.family, first_name="Sam", email="sam@example.org", user=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for("staff").post(_invite_url(world, sam))
    assert Caregiver.objects.get(pk=sam.pk).preferred_language == "ar"
    assert '<html lang="ar" dir="rtl">' in mail.outbox[-1].alternatives[0][0]


def test_an_invitation_in_a_language_the_portal_does_not_speak_is_refused(world, client_for):
    sam = f.CaregiverFactory(family=world.family, first_name="Sam", email="sam@example.org", user=None)
    page = client_for("staff").post(_invite_url(world, sam), {"informed": "1", "language": "so"})
    assert page.status_code == 200 and not mail.outbox
    assert Caregiver.objects.get(pk=sam.pk).user is None


def _summary(world):
    return f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        visibility=Visibility.SHARED,
        shared_summary="We spraken over het slapen.",
    )


@pytest.mark.parametrize("language", ["en", "ar", "tr", "pl", "uk"])
def test_text_staff_wrote_is_marked_dutch_and_offers_an_interpreter_in_another_language(world, client_for, language):
    _summary(world)
    client = _parent(client_for, language)
    home = client.get(reverse("portal:home")).content.decode()
    agreement = client.get(reverse("portal:agreement", args=[world.agreement.pk])).content.decode()
    for page in (home, agreement):
        assert f'href="{reverse("portal:ask")}?interpreter=1"' in page
        assert 'lang="nl" dir="ltr" data-staff-text' in page
    assert 'lang="nl" dir="ltr" data-staff-text data-read-aloud>We spraken over het slapen.' in home
    assert 'lang="nl" dir="ltr" data-staff-text>Noor slaapt &#x27;s middags rustig.</dd>' in agreement


def test_in_dutch_the_portal_does_not_say_the_text_is_dutch(world, client_for):
    _summary(world)
    home = _parent(client_for).get(reverse("portal:home")).content.decode()
    assert "?interpreter=1" not in home and "Ons team schrijft in het" not in home


def test_asking_for_a_conversation_with_an_interpreter_ticks_the_box(world, client_for):
    client = _parent(client_for)
    ticked = client.get(reverse("portal:ask") + "?interpreter=1").content.decode()
    plain = client.get(reverse("portal:ask")).content.decode()
    box = r'<input type="checkbox" name="interpreter_wanted"[^>]*id="id_interpreter_wanted"'
    assert re.search(box + " checked>", ticked) and re.search(box + ">", plain)


def test_answers_from_staff_are_marked_dutch_and_a_parents_own_words_take_their_own_direction(world, client_for):
    thread = thread_services.thread_start(
        caregiver=world.caregiver, by=world.users["parent"], topic=Topic.QUESTION, text="سؤال عن النوم"
    )
    thread_services.thread_reply(thread=thread, by=world.users["staff"], text="Ze slaapt goed.")
    page = _parent(client_for, "ar").get(thread.get_portal_url()).content.decode()
    assert 'dir="auto" data-parent-text>سؤال عن النوم</p>' in page
    assert 'lang="nl" dir="ltr" data-staff-text data-read-aloud>Ze slaapt goed.</p>' in page
    assert 'data-read-aloud-for="message-' in page


def test_staff_see_each_caregivers_language_and_the_interpreter_need_where_they_write_for_parents(world, client_for):
    world.caregiver.preferred_language = "ar"
    world.caregiver.save()
    world.family.interpreter_needed = True
    world.family.save()
    f.CaregiverFactory(family=world.family, first_name="Murat", preferred_language="so", user=None)
    thread = f.ThreadFactory(family=world.family, caregiver=world.caregiver)
    client = client_for("staff")
    pages = {
        "agreement form": reverse("agreements:edit", args=[world.family.pk, world.agreement.pk]),
        "contact form": reverse("contacts:create", args=[world.family.pk, "parent_conversation"]),
        "thread answer": reverse("threads:detail", args=[world.family.pk, thread.pk]),
    }
    for name, url in pages.items():
        page = client.get(url).content.decode()
        assert "De ouders lezen dit in het ouderportaal" in page, name
        assert "Eva: Arabisch" in page, name
        assert "Murat: Somalisch · ouderportaal in het Nederlands · gebruikt het ouderportaal niet" in page, name
        assert "tolk nodig" in page, name


def test_the_password_rules_are_in_the_parents_language(world, client):
    """The minimum length was in English for Dutch parents (Django's Dutch lacked its new message)."""
    from portal.services import invitation_path

    world.caregiver.user.set_unusable_password()
    world.caregiver.user.save()
    page = client.post(
        invitation_path(world.caregiver.user), {"new_password1": "kort1", "new_password2": "kort1"}
    ).content.decode()
    assert "Dit wachtwoord is te kort. Gebruik minstens 12 tekens." in page
    assert "too short" not in page
