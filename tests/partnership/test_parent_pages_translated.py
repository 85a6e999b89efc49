"""Every parent page, in every language of settings.LANGUAGES, has no untranslated message (issue 15).

The walk opens each page a parent sees: before login (login, a failed login and the lock-out page, the password
reset and its e-mail, the invitation e-mail and its welcome page, an expired link), and in the portal (home,
agreements with and without changes, akkoord, a reaction, feedback, asking for a conversation, messages, a
summary, My account, the language page, password and e-mail pages, two-step login), with forms sent empty or
wrong (their errors) and right (the message that follows), and the notification e-mail. It fails on

- a message id looked up on the way that the language has no translation for (Django's own included), and
- English or Dutch text of the project's messages left on a page, outside the text people wrote.

A language in settings.LANGUAGES is always walked; without its locale/<code>/LC_MESSAGES/django.po the test fails
and says so. The walk of a new language fails until its translations are done: the message lists what is missing.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from agreements import services as agreement_services
from agreements.models import Agreement
from childpages import services as childpage_services
from contacts.choices import Visibility
from moments import services as moment_services
from notifications.services import send_due
from portal import services as portal_services
from tests import factories as f
from tests.moments.photos import jpeg_with_gps
from tests.partnership.language_check import (
    LOCALE,
    Recorder,
    leftovers,
    po_msgids,
    readable,
    telltales,
    untranslated,
    visible_text,
)
from threads import services as thread_services
from threads.models import Thread, Topic

LANGUAGES = [code for code, _name in settings.LANGUAGES]
GOOD_PASSWORD = "drie-groene-kikkers-zingen"
STAFF_TEXT = {
    "goal": "Samen zorgen dat het middagslaapje rustig verloopt.",
    "reply": "Dank voor uw vraag. We bellen u morgen.",
    "reason": "Besproken bij het ophalen.",
    "summary": "We spraken over het slapen en het eten.",
    "suggestion": "Op de groep helpt het liedje van het bootje.",
    "moment": "Noor bouwde vandaag samen met Sem een hoge toren.",
    "brings": "Mijn cliëntondersteuner Fatima",
}


class Walk:
    """The pages of one walk: each page's text as a parent sees it, by name."""

    def __init__(self, language):
        self.language = language
        self.pages: dict[str, str] = {}

    def page(self, name, response, *, status=200):
        assert response.status_code == status, f"{name}: {response.status_code}"
        assert response["Content-Language"] == self.language, f"{name} answered in {response['Content-Language']}"
        self.pages[name] = visible_text(response.content.decode(), self.language)
        return response

    def mail(self, name, message):
        self.pages[name] = f"{message.subject} {message.body}"


def _world_for_parents(world, language):
    """The world's family with what a parent's pages show: an agreement changed after the parent agreed, one
    agreed, a shared summary, an answered and a closed message; the parent reads in `language`."""
    staff, parent = world.users["staff"], world.users["parent"]
    caregiver = world.caregiver
    caregiver.preferred_language = language
    caregiver.email = parent.email = "eva@example.org"
    caregiver.save()
    parent.save()
    agreement = world.agreement
    agreement_services.agreement_confirm(agreement=agreement, version=agreement.current, by=parent)
    agreement = Agreement.objects.get(pk=agreement.pk)
    agreement_services.agreement_update(
        agreement=agreement,
        by=staff,
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(
            goal=STAFF_TEXT["goal"],
            parent_brings=STAFF_TEXT["brings"],
            parents_pictograms=["bringing", "home"],
            staff_pictograms=["sleeping"],
            child_pictograms=["calm"],
        ),
    )
    agreed = f.proposed_agreement(family=world.family, by=staff, title="Eten en drinken")
    # A positive moment of the child, with a photo (the family gave consent for photos in the parent app).
    moment_services.moment_share(
        family=world.family, child=world.child, by=staff, text=STAFF_TEXT["moment"], photo=jpeg_with_gps()
    )
    agreement_services.agreement_confirm(agreement=agreed, version=agreed.current, by=parent)
    summary = f.ContactMomentFactory(
        family=world.family, author=staff, visibility=Visibility.SHARED, shared_summary=STAFF_TEXT["summary"]
    )
    answered = thread_services.thread_start(caregiver=caregiver, by=parent, topic=Topic.QUESTION, text="Vraag 1")
    thread_services.thread_reply(thread=answered, by=staff, text=STAFF_TEXT["reply"])
    closed = thread_services.thread_start(caregiver=caregiver, by=parent, topic=Topic.QUESTION, text="Vraag 2")
    thread_services.thread_close(thread=closed, by=staff, reason=STAFF_TEXT["reason"])
    # A suggestion of the team for the page about the child, waiting for the parents.
    suggestion = childpage_services.suggestion_make(
        child=world.child, by=staff, topic="comfort", text=STAFF_TEXT["suggestion"]
    )
    return {
        "agreement": agreement,
        "agreed": agreed,
        "summary": summary,
        "answered": answered,
        "closed": closed,
        "suggestion": suggestion,
    }


def _before_login(walk, client, world):
    walk.page("login", client.get(reverse("accounts:login")))
    wrong = {"username": "parent", "password": "not-the-password"}
    walk.page("login, wrong password", client.post(reverse("accounts:login"), wrong))
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        locked = client.post(reverse("accounts:login"), {"username": "someone-else", "password": "wrong"})
    walk.page("locked out", locked, status=locked.status_code)

    walk.page("password reset", client.get(reverse("accounts:password_reset")))
    walk.page("password reset, no address", client.post(reverse("accounts:password_reset"), {"email": ""}))
    sent = client.post(reverse("accounts:password_reset"), {"email": "eva@example.org"}, follow=True)
    walk.page("password reset sent", sent)
    walk.mail("password reset e-mail", mail.outbox[-1])
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[-1].body).group(1)
    form = walk.page("new password", client.get(link, follow=True))
    set_url = form.redirect_chain[-1][0]
    weak = {"new_password1": "welkom2024", "new_password2": "welkom2025"}
    walk.page("new password, refused", client.post(set_url, weak))
    walk.page("new password, numbers", client.post(set_url, {"new_password1": "1234", "new_password2": "1234"}))
    good = {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD}
    walk.page("new password saved", client.post(set_url, good, follow=True))
    walk.page("reset link used", client.get(link, follow=True))

    # The invitation of the family's second parent, in the same language, and the welcome page it links to.
    sam = f.CaregiverFactory(
        family=world.family, first_name="Sam", email="sam@example.org", preferred_language=walk.language
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        portal_services.caregiver_invite(caregiver=sam, by=world.users["staff"], base_url="http://testserver/")
    walk.mail("invitation e-mail", mail.outbox[-1])
    welcome = re.search(r"http://testserver(/portal/welcome/\S+/)", mail.outbox[-1].body).group(1)
    walk.page("welcome", client.get(welcome))
    walk.page("welcome, refused", client.post(welcome, {"new_password1": "sam", "new_password2": "sam"}))
    walk.page("welcome, done", client.post(welcome, good, follow=True))
    walk.page("welcome link used", client.get(welcome), status=410)


def _portal(walk, client, world, made):
    agreement, agreed, summary = made["agreement"], made["agreed"], made["summary"]
    walk.page("home", client.get(reverse("portal:home")))
    agreement_url = reverse("portal:agreement", args=[agreement.pk])
    walk.page("agreement with changes", client.get(agreement_url))
    walk.page("agreement agreed", client.get(reverse("portal:agreement", args=[agreed.pk])))
    react = reverse("portal:react", args=[agreement.pk])
    walk.page("reaction, empty", client.post(react, {"text": ""}), status=400)
    walk.page("reaction sent", client.post(react, {"text": "Prima"}, follow=True))
    walk.page("reaction with markup", client.post(react, {"text": "<b>Goed</b>"}, follow=True))
    confirm = reverse("portal:confirm", args=[agreement.pk])
    walk.page("akkoord, old version", client.post(confirm, {"version": "0"}, follow=True))
    walk.page("akkoord", client.post(confirm, {"version": agreement.current_id}, follow=True))

    walk.page("feedback", client.get(reverse("portal:feedback")))
    walk.page("feedback, empty", client.post(reverse("portal:feedback"), {}))
    answers = f.feedback_answers(competentie_help=2)
    walk.page("feedback sent", client.post(reverse("portal:feedback"), {**answers, "remark": "Ok"}, follow=True))
    walk.page("feedback, again next month", client.get(reverse("portal:feedback")))

    walk.page("ask", client.get(reverse("portal:ask")))
    walk.page("ask with an interpreter", client.get(reverse("portal:ask") + "?interpreter=1"))
    walk.page("ask, empty", client.post(reverse("portal:ask"), {"text": ""}))
    request = {"child": world.child.pk, "text": "Over het slapen", "preferred_place": "phone", "brings": "Fatima"}
    walk.page("ask sent", client.post(reverse("portal:ask"), request, follow=True))
    walk.page("ask, one at a time", client.post(reverse("portal:ask"), request))

    walk.page("messages", client.get(reverse("threads:portal_list")))
    walk.page("new message", client.get(reverse("threads:portal_new")))
    walk.page("new message, empty", client.post(reverse("threads:portal_new"), {"text": ""}), status=400)
    walk.page("new message sent", client.post(reverse("threads:portal_new"), {"text": "Vraag 3"}, follow=True))
    walk.page("answered message", client.get(made["answered"].get_portal_url()))
    walk.page("closed message", client.get(made["closed"].get_portal_url()))
    conversation = Thread.objects.get(topic=Topic.CONVERSATION, caregiver=world.caregiver)
    walk.page("conversation request", client.get(conversation.get_portal_url()))
    summary_url = reverse("threads:portal_summary", args=[summary.pk])
    walk.page("summary", client.get(summary_url))
    walk.page("summary reaction sent", client.post(summary_url, {"text": "Dank"}, follow=True))

    # The page about the child that the parents write, and the team's suggestion for it.
    child_page = reverse("childpages:portal_page", args=[world.child.pk])
    walk.page("about the child", client.get(child_page))
    text = {"language": walk.language, "comfort": "😊 ♪", "version": ""}
    walk.page("about the child saved", client.post(child_page, text, follow=True))
    walk.page("about the child, too long", client.post(child_page, {**text, "sleep": "z" * 2001}), status=400)
    walk.page("about the child, changed meanwhile", client.post(child_page, {**text, "version": "0"}), status=409)
    decide = reverse("childpages:portal_decide", args=[world.child.pk, made["suggestion"].pk])
    walk.page("suggestion added", client.post(decide, {"decision": "accept"}, follow=True))
    walk.page("suggestion, answered twice", client.post(decide, {"decision": "decline"}, follow=True))
    walk.page("suggestion taken off", client.post(decide, {"decision": "remove"}, follow=True))
    walk.page("how it works here", client.get(reverse("portal:how_it_works")))
    walk.page("positive moments", client.get(reverse("moments:portal_list")))

    walk.page("my account", client.get(reverse("accounts:account")))
    walk.page("language", client.get(reverse("portal:language")))
    walk.page("language saved", client.post(reverse("portal:language"), {"language": walk.language}, follow=True))
    walk.page("language, unknown", client.post(reverse("portal:language"), {"language": "xx"}), status=400)
    walk.page("e-mail notifications", client.get(reverse("notifications:preferences")))
    walk.page("password change", client.get(reverse("accounts:password_change")))
    change = {"old_password": "wrong", "new_password1": "abc", "new_password2": "abd"}
    walk.page("password change, refused", client.post(reverse("accounts:password_change"), change))
    walk.page("e-mail address", client.get(reverse("accounts:email_change"), follow=True))
    walk.page("two-step login", client.get(reverse("accounts:two_factor_setup"), follow=True))
    walk.page("not found", client.get("/portal/agreements/999999/"), status=404)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_parent_page_is_in_the_parents_language(language, world, client, monkeypatch):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"{language} is in settings.LANGUAGES without {po.relative_to(settings.BASE_DIR)}"
    made = _world_for_parents(world, language)
    recorder = Recorder().install(monkeypatch)
    walk = Walk(language)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    _before_login(walk, client, world)
    world.users["parent"].refresh_from_db()  # the walk chose a new password for the account
    client.force_login(world.users["parent"])
    _portal(walk, client, world, made)
    # The e-mail that tells of what awaits in the portal (the answer, the agreement), as the outbox sends it.
    mail.outbox.clear()
    send_due()
    sent = [message for message in mail.outbox if message.to == [world.caregiver.email]]
    assert sent, "no notification e-mail to the parent"
    walk.mail("notification e-mail", sent[0])

    if os.environ.get("PARENT_MSGIDS"):
        # For the translators: the project's message ids that parents meet, as this walk found them.
        ours = set(po_msgids(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
        seen = sorted({readable(key) for keys in recorder.lookups.values() for key in keys} & ours)
        Path(os.environ["PARENT_MSGIDS"]).write_text("\n".join(seen) + "\n", encoding="utf-8")

    problems = []
    for lang, ids in untranslated(recorder).items():
        problems.append(f"{len(ids)} message ids without a translation in {lang}:\n  " + "\n  ".join(ids))
    found = telltales(language)
    for name, text in walk.pages.items():
        if left := leftovers(text, found):
            problems.append(f"{name}: text of another language: " + "; ".join(left))
    for name, text in walk.pages.items():
        for staff_text in STAFF_TEXT.values():
            # Text staff wrote is shown as it was written (marked, so the checks above leave it out).
            assert staff_text not in text or name.endswith("e-mail"), f"{name}: staff text not marked"
    assert not problems, f"The parent pages in {language}:\n" + "\n".join(problems)


def test_the_walk_reaches_the_staff_texts_it_leaves_out(world, client):
    """The checks above leave text marked as written by staff out: it must be on the pages all the same."""
    made = _world_for_parents(world, "ar")
    client.force_login(world.users["parent"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    home = client.get(reverse("portal:home")).content.decode()
    agreement = client.get(reverse("portal:agreement", args=[made["agreement"].pk])).content.decode()
    answered = client.get(made["answered"].get_portal_url()).content.decode()
    closed = client.get(made["closed"].get_portal_url()).content.decode()
    assert STAFF_TEXT["summary"] in home and STAFF_TEXT["goal"] in agreement
    assert STAFF_TEXT["reply"] in answered and STAFF_TEXT["reason"] in closed
    assert '<html lang="ar" dir="rtl">' in home


def test_a_parent_page_with_an_english_text_left_fails_the_check(world, client, monkeypatch):
    """The check itself: a page in Dutch that shows an English message id, or a Dutch text in English, is found."""
    found_nl, found_en = telltales("nl"), telltales("en")
    assert leftovers(visible_text("<p>Ask for a conversation</p>", "nl"), found_nl)
    assert leftovers(visible_text("<p>Vraag een gesprek met een tolk aan</p>", "en"), found_en)
    marked = '<p data-staff-text lang="nl">Vraag een gesprek met een tolk aan</p>'
    assert not leftovers(visible_text(marked, "en"), found_en)
    assert not leftovers(visible_text('<p lang="nl">Vraag een gesprek met een tolk aan</p>', "en"), found_en)
    recorder = Recorder().install(monkeypatch)
    from django.utils import translation

    with translation.override("nl"):
        translation.gettext("A message id that nobody translated")
    assert untranslated(recorder) == {"nl": ["A message id that nobody translated"]}
