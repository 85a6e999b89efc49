"""Parents are heard (issue 12), in the browser: a parent reacts on an agreement on a phone, the mentor sees it on the
home page and answers, the parent sees the answer (marked new in the navigation) and received an e-mail that says
only that something awaits them. Every page passes axe; screenshots of the new pages at phone and tablet width."""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from agreements import services as agreement_services
from families.models import Family
from notifications.services import send_due
from tests import factories as f
from tests.browser.conftest import assert_accessible, login, screenshot
from threads.models import Thread

REACTION = "Noah leest thuis graag over dieren. Kunnen we dat ook op de groep doen?"
ANSWER = "Wat een goed idee! We zoeken deze week samen boeken over dieren uit."


def _menu(page):
    """On a phone the navigation is folded away behind the menu button."""
    toggle = page.get_by_role("button", name="Menu tonen")
    if toggle.is_visible():
        toggle.click()


def _flush_the_outbox():
    """The demo's own notifications go out first, so that what follows is only this journey's."""
    send_due()
    mail.outbox.clear()


def test_a_parent_reacts_on_a_phone_the_mentor_answers_and_the_parent_reads_the_answer(demo, page_factory):
    family = Family.objects.get(name="De Vries")
    staff = family.children.get(first_name="Noah").mentor
    agreement = agreement_services.agreement_create(
        family=family,
        by=staff,
        title="Samen lezen",
        child=family.children.get(first_name="Noah"),
        content=f.agreement_content(goal="Noah kiest elke week een boek om samen te lezen."),
    )
    agreement_services.agreement_propose(agreement=agreement, by=staff, expected_version=agreement.lock_version)
    _flush_the_outbox()

    parent = page_factory("phone")
    login(parent, "parent")
    parent.get_by_role("link", name=re.compile("^Samen lezen")).click()
    parent.get_by_label("Uw reactie").fill(REACTION)
    parent.get_by_role("button", name="Reactie versturen").click()
    expect(parent.get_by_text("Dank u wel voor uw reactie.")).to_be_visible()
    expect(parent.get_by_text(REACTION)).to_be_visible()
    assert_accessible(parent)
    screenshot(parent, "portal-agreement-reaction-phone")
    thread = Thread.objects.get(agreement=agreement)

    mentor = page_factory("tablet")
    login(mentor, "staff")
    waiting = mentor.get_by_role("region", name="Berichten van ouders")
    expect(waiting.get_by_text(REACTION)).to_be_visible()
    expect(waiting.get_by_text("je bent mentor").first).to_be_visible()
    assert_accessible(mentor)
    screenshot(mentor, "staff-home-messages-tablet")
    waiting.get_by_role("link", name=re.compile("Samen lezen")).click()
    expect(mentor.get_by_text(REACTION)).to_be_visible()
    assert_accessible(mentor)
    screenshot(mentor, "staff-thread-tablet")
    mentor.get_by_label("Je antwoord").fill(ANSWER)
    mentor.get_by_role("button", name="Antwoord versturen").click()
    expect(mentor.get_by_text("Je antwoord is verstuurd.")).to_be_visible()
    expect(mentor.get_by_text(ANSWER)).to_be_visible()
    mentor.goto(reverse("families:mine"))
    expect(mentor.get_by_role("region", name="Berichten van ouders").get_by_text(REACTION)).to_have_count(0)

    parent.goto(reverse("portal:home"))
    _menu(parent)
    messages_link = parent.get_by_role("link", name=re.compile("^Berichten"))
    assert "met een nieuw antwoord" in messages_link.first.inner_text()
    messages_link.first.click()
    card = parent.get_by_role("link", name=re.compile("Samen lezen"))
    expect(card.get_by_text("Nieuw antwoord", exact=True)).to_be_visible()
    assert_accessible(parent)
    screenshot(parent, "portal-messages-phone")
    card.click()
    expect(parent.get_by_text(ANSWER)).to_be_visible()
    assert_accessible(parent)
    screenshot(parent, "portal-thread-phone")

    report = send_due()
    assert report.sent >= 2
    to_parent = [m for m in mail.outbox if m.to == [thread.caregiver.user.email]]
    to_mentor = [m for m in mail.outbox if m.to == [staff.email]]
    assert len(to_parent) == 1 and len(to_mentor) == 1
    for message in to_parent + to_mentor:
        text = f"{message.subject}\n{message.body}"
        assert "Noah" not in text and "Vries" not in text and "Samen lezen" not in text
        assert REACTION not in text and ANSWER not in text
    assert reverse("threads:portal_detail", args=[thread.pk]) in to_parent[0].body
    assert reverse("threads:detail", args=[family.pk, thread.pk]) in to_mentor[0].body


def test_the_other_message_pages_are_accessible_at_phone_and_tablet_width(demo, page_factory):
    for viewport in ("phone", "tablet"):
        parent = page_factory(viewport)
        login(parent, "parent")
        parent.goto(reverse("threads:portal_new"))
        assert_accessible(parent)
        screenshot(parent, f"portal-new-message-{viewport}")
        parent.get_by_label("Uw vraag of bericht").fill("Mag Noah morgen later komen?")
        parent.get_by_role("button", name="Versturen").click()
        expect(parent.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
        assert_accessible(parent)
        parent.goto(reverse("threads:portal_list"))
        assert_accessible(parent)
        screenshot(parent, f"portal-messages-list-{viewport}")
        parent.goto(reverse("portal:ask"))
        parent.get_by_label("Waarover wilt u praten?").fill("Over het wennen")
        parent.get_by_label("Waar wilt u praten?").select_option(label="Telefonisch")
        parent.get_by_label("Ik wil graag een tolk").check()
        assert_accessible(parent)
        screenshot(parent, f"portal-ask-{viewport}")
        summary = parent.get_by_role("link", name=re.compile("^Reageren"))
        parent.goto(reverse("portal:home"))
        if summary.count():
            summary.first.click()
            assert_accessible(parent)
            screenshot(parent, f"portal-summary-react-{viewport}")

        staff = page_factory(viewport)
        login(staff, "coordinator")
        staff.goto(reverse("threads:inbox"))
        expect(staff.get_by_text("Mag Noah morgen later komen?").first).to_be_visible()
        assert_accessible(staff)
        screenshot(staff, f"staff-messages-inbox-{viewport}")
        staff.get_by_role("link", name="Vraag", exact=True).first.click()
        staff.get_by_label("Waarom kan deze berichtwisseling afgesloten worden?").fill("Besproken bij het brengen.")
        staff.get_by_role("button", name="Berichtwisseling afsluiten").click()
        expect(staff.get_by_text("De berichtwisseling is afgesloten.")).to_be_visible()
        assert_accessible(staff)
        screenshot(staff, f"staff-thread-closed-{viewport}")
        staff.goto(reverse("health:dashboard") + "?messages=unanswered")
        assert_accessible(staff)
