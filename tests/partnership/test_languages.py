"""The languages of the app (partnership/languages.py): the parent side in every language of settings.LANGUAGES,
the staff side in the staff languages, right to left for Arabic, each parent's own language at login and in
their e-mails, and a new language by one settings line."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse

from families.models import Caregiver
from notifications.models import Kind
from notifications.services import notify, send_due
from partnership.languages import parent_language_choices
from portal import services as portal_services
from portal.forms import LanguageForm
from tests import factories as f
from tests.factories import PASSWORD
from tests.partnership.language_check import Recorder

PARENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _offered(html: str) -> list[str]:
    select = re.search(r'<select name="language" id="language-select".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([\w-]+)"', select)


def _as(client, user, language=None):
    client.force_login(user)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_parent_side_offers_every_language_and_the_staff_side_only_dutch_and_english(world, client):
    assert _offered(client.get(reverse("accounts:login")).content.decode()) == PARENT_LANGUAGES
    assert len(PARENT_LANGUAGES) >= 6 and {"nl", "en", "ar", "tr", "pl", "uk"} <= set(PARENT_LANGUAGES)
    parent = _as(client, world.users["parent"]).get(reverse("portal:home")).content.decode()
    assert _offered(parent) == PARENT_LANGUAGES
    staff = _as(client, world.users["staff"]).get(reverse("families:mine")).content.decode()
    assert _offered(staff) == ["nl", "en"]


def test_each_language_is_offered_in_its_own_name(world, client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<option value="ar" lang="ar">العربيّة</option>' in page
    assert (
        '<option value="uk" lang="uk">Українська</option>' in page
        and '<option value="tr" lang="tr">Türkçe</option>' in page
    )


@pytest.mark.parametrize("chosen", ["ar", "tr", "pl", "uk"])
def test_a_staff_member_whose_browser_asks_for_a_parent_language_gets_dutch(world, client, chosen):
    response = _as(client, world.users["staff"], chosen).get(reverse("families:mine"))
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_a_staff_member_keeps_english(world, client):
    response = _as(client, world.users["coordinator"], "en").get(reverse("organisations:overview"))
    assert response["Content-Language"] == "en"


def test_arabic_pages_are_right_to_left_with_bootstraps_rtl_stylesheet(world, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap/css/bootstrap.rtl.min.css" in page and "bootstrap/css/bootstrap.min.css" not in page
    portal = _as(client, world.users["parent"], "ar").get(reverse("portal:home")).content.decode()
    assert '<html lang="ar" dir="rtl">' in portal and "bootstrap.rtl.min.css" in portal
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    turkish = client.get(reverse("portal:home")).content.decode()
    assert '<html lang="tr">' in turkish and "bootstrap/css/bootstrap.min.css" in turkish


@pytest.mark.parametrize("language", ["ar", "tr", "pl", "uk", "en", "nl"])
def test_a_parent_who_logs_in_reads_the_portal_in_their_preferred_language(world, client, language):
    world.caregiver.preferred_language = language
    world.caregiver.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en" if language != "en" else "nl"  # the login page's language
    response = client.post(reverse("accounts:login"), {"username": "parent", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    home = client.get(reverse("portal:home"))
    assert home["Content-Language"] == language and f'<html lang="{language}"' in home.content.decode()


def test_a_caregiver_whose_language_the_portal_does_not_speak_reads_it_in_dutch(world, client):
    world.caregiver.preferred_language = "so"  # Somali: a home language, not (yet) a portal language
    world.caregiver.save()
    client.post(reverse("accounts:login"), {"username": "parent", "password": PASSWORD})
    assert client.get(reverse("portal:home"))["Content-Language"] == "nl"


def test_a_staff_member_who_logs_in_after_a_parent_chose_arabic_on_the_tablet_gets_dutch(world, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.post(reverse("accounts:login"), {"username": "staff", "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"


def test_switching_the_language_before_login_works_for_every_parent_language(client, world):
    for code in PARENT_LANGUAGES:
        response = client.post(reverse("set_language"), {"language": code, "next": reverse("accounts:login")})
        assert response.status_code == 302
        assert client.get(reverse("accounts:login"))["Content-Language"] == code


# --- Dates follow the language ------------------------------------------------------------------------------------


def test_dates_on_a_parent_page_follow_the_language(world, client):
    client = _as(client, world.users["parent"])
    dutch = client.get(reverse("portal:agreement", args=[world.agreement.pk])).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    polish = client.get(reverse("portal:agreement", args=[world.agreement.pk])).content.decode()
    date = world.agreement.current.evaluation_on
    dutch_months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september"]
    dutch_months += ["oktober", "november", "december"]
    assert f"{date.day} {dutch_months[date.month - 1]} {date.year}" in dutch
    # Django's Polish: the day, the month's name in the genitive ("stycznia"), the year.
    assert re.search(rf"\b{date.day} [a-ząćęłńóśźż]+ {date.year}\b", polish)
    assert f"{date.day} {dutch_months[date.month - 1]} {date.year}" not in polish


# --- One step to add a language -------------------------------------------------------------------------------------

WITH_FRENCH = [*settings.LANGUAGES, ("fr", "Français")]


@override_settings(LANGUAGES=WITH_FRENCH)
def test_a_language_added_to_the_settings_is_offered_everywhere_without_another_change(world, client):
    assert "fr" in _offered(client.get(reverse("accounts:login")).content.decode())
    assert dict(parent_language_choices())["fr"].startswith("Français")
    assert LanguageForm({"language": "fr"}).is_valid()
    caregiver = world.caregiver
    caregiver.preferred_language = "fr"  # not among the families' home languages: the choices take it from settings
    caregiver.full_clean()
    caregiver.save()
    assert Caregiver.objects.get(pk=caregiver.pk).portal_language == "fr"


# --- E-mails in the caregiver's language ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_the_invitation_e_mail_is_in_the_caregivers_language(world, monkeypatch, language):
    sam = f.CaregiverFactory(family=world.family, first_name="Sam", email="sam@example.org")
    recorder = Recorder().install(monkeypatch)
    with TestCase.captureOnCommitCallbacks(execute=True):
        portal_services.caregiver_invite(
            caregiver=sam, by=world.users["staff"], base_url="http://testserver/", language=language
        )
    message = mail.outbox[-1]
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    bidi = ' dir="rtl"' if language == "ar" else ""
    assert f'<html lang="{language}"{bidi}>' in html
    # Rendered with the caregiver's language active: every message of the e-mail was looked up in it.
    assert {"Your invitation to the parent portal", "Choose your password with this link:"} <= recorder.lookups[
        language
    ]
    assert Caregiver.objects.get(pk=sam.pk).preferred_language == language


@pytest.mark.parametrize("language", PARENT_LANGUAGES)
def test_the_notification_e_mail_is_in_the_parents_language_and_a_staff_members_in_dutch(world, monkeypatch, language):
    world.caregiver.preferred_language = language
    world.caregiver.email = world.users["parent"].email = "eva@example.org"
    world.caregiver.save()
    world.users["parent"].save()
    world.users["staff"].email = "staff@example.org"
    world.users["staff"].save()
    notify(recipient=world.users["parent"], kind=Kind.REPLY, event="reply:1", link="/portal/")
    notify(recipient=world.users["staff"], kind=Kind.PARENT_MESSAGE, event="message:1", link="/messages/")
    recorder = Recorder().install(monkeypatch)
    send_due()
    to_parent = next(m for m in mail.outbox if m.to == ["eva@example.org"])
    to_staff = next(m for m in mail.outbox if m.to == ["staff@example.org"])
    bidi = ' dir="rtl"' if language == "ar" else ""
    assert f'<html lang="{language}"{bidi}>' in to_parent.alternatives[0][0]
    assert '<html lang="nl">' in to_staff.alternatives[0][0]
    assert "Something new is waiting for you in Ouderpartnerschap" in recorder.lookups[language]
    assert "an answer to your message" in recorder.lookups[language]
    assert "a message from a parent" in recorder.lookups["nl"]
    if language == "nl":
        assert to_parent.subject == "Er staat iets nieuws voor u klaar in Ouderpartnerschap"
    if language == "en":
        assert to_parent.subject == "Something new is waiting for you in Ouderpartnerschap"
