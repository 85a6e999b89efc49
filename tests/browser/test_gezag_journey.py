"""Gezag in the browser (issue 12): in the De Vries family both parents hold gezag, so the agreement is
"Afgesproken" only after Eva and Thomas both agreed, and the pages show who did; grandfather Jan, without gezag,
reads and reacts but has no akkoord; after a change Eva sees on her phone, word by word, what changed since she
agreed. Every page passes axe; screenshots at phone and tablet width."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role, User
from families.models import Caregiver, Family
from tests.browser.conftest import DEMO_PASSWORD, assert_accessible, login, screenshot

TITLE = "Fruit in de ochtend"


def _portal_user(caregiver, username):
    user = User(
        username=username,
        first_name=caregiver.first_name,
        last_name=caregiver.last_name,
        role=Role.PARENT,
        organisation_id=caregiver.family.organisation_id,
        email=f"{username}@example.nl",
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    Caregiver.objects.filter(pk=caregiver.pk).update(user=user)
    return user


def _open_agreement(page):
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_load_state()


def test_both_parents_with_gezag_agree_the_grandfather_reacts_and_a_parent_sees_what_changed(demo, page_factory):
    family = Family.objects.get(name="De Vries")
    _portal_user(family.caregivers.get(first_name="Thomas"), "thomas")
    jan = Caregiver.objects.create(
        family=family, first_name="Jan", last_name="de Vries", relation="opa", has_parental_authority=False
    )
    _portal_user(jan, "opa-jan")

    staff = page_factory("tablet")
    login(staff, "staff")
    staff.goto(family.get_absolute_url())
    staff.get_by_role("link", name="Nieuwe afspraak").click()
    staff.locator("#id_title").fill(TITLE)
    staff.locator("#id_child").select_option(label="Noah de Vries")
    staff.locator("#id_goal").fill("Noah eet 's ochtends een stuk fruit mee.")
    staff.locator("#id_staff_do").fill("Samen aan tafel fruit eten om tien uur.")
    staff.locator("#id_evaluation_on").fill((timezone.localdate() + datetime.timedelta(days=28)).isoformat())
    staff.get_by_role("button", name="Concept opslaan").click()
    staff.get_by_role("button", name="Voorleggen aan de ouders").click()
    expect(staff.get_by_text("0 van de 2 verzorgers met ouderlijk gezag hebben akkoord gegeven.")).to_be_visible()
    agreement_url = staff.url

    # Eva agrees on her phone: the agreement waits for Thomas, and her page says so.
    eva = page_factory("phone")
    login(eva, "parent")
    _open_agreement(eva)
    eva.get_by_role("button", name="Ik ga akkoord met versie 1").click()
    expect(eva.get_by_text("Dank u wel. We hebben genoteerd dat u akkoord gaat.")).to_be_visible()
    akkoord = eva.get_by_role("region", name="Wie gaf akkoord op versie 1")
    expect(akkoord.get_by_text("Eva (u):").first).to_be_visible()
    expect(akkoord.get_by_text("nog niet").first).to_be_visible()
    expect(eva.get_by_text("Wacht op akkoord").first).to_be_visible()
    expect(eva.get_by_text("Elke ouder met gezag geeft akkoord. Dan is het afgesproken.")).to_be_visible()
    assert_accessible(eva)
    screenshot(eva, "gezag-portal-one-of-two-phone")

    staff.goto(agreement_url)
    expect(staff.get_by_text("1 van de 2 verzorgers met ouderlijk gezag hebben akkoord gegeven.")).to_be_visible()
    expect(staff.get_by_text("Voorgelegd aan de ouders").first).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "gezag-staff-one-of-two-tablet")

    # Grandfather Jan, without gezag: reads and reacts, no akkoord button.
    opa = page_factory("phone")
    login(opa, "opa-jan")
    _open_agreement(opa)
    expect(opa.get_by_text("Noah eet 's ochtends een stuk fruit mee.")).to_be_visible()
    expect(opa.get_by_role("button", name="Akkoord")).to_have_count(0)
    expect(opa.get_by_text("Alleen een ouder met gezag kan akkoord geven.")).to_be_visible()
    opa.get_by_label("Uw reactie").fill("Ik geef hem op woensdag een mandarijn mee.")
    opa.get_by_role("button", name="Reactie versturen").click()
    # His words are there for the family and the team (as a reaction, or a message thread that staff answer).
    expect(opa.get_by_text("Ik geef hem op woensdag een mandarijn mee.").first).to_be_visible()
    assert_accessible(opa)
    screenshot(opa, "gezag-portal-grandfather-phone")

    # Thomas agrees too: now it is "Afgesproken", and everyone sees who agreed.
    thomas = page_factory("tablet")
    login(thomas, "thomas")
    _open_agreement(thomas)
    thomas.get_by_role("button", name="Ik ga akkoord met versie 1").click()
    expect(thomas.get_by_text("Afgesproken", exact=True)).to_be_visible()
    assert_accessible(thomas)
    screenshot(thomas, "gezag-portal-agreed-tablet")

    staff.goto(agreement_url)
    expect(staff.get_by_text("Afgesproken", exact=True).first).to_be_visible()
    who = staff.get_by_role("region", name="Akkoord op versie 1")
    expect(who.get_by_text("Eva", exact=True)).to_be_visible()
    expect(who.get_by_text("Thomas", exact=True)).to_be_visible()
    expect(who.get_by_text("akkoord gegeven")).to_have_count(2)
    expect(staff.get_by_text("Ik geef hem op woensdag een mandarijn mee.").first).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "gezag-staff-agreed-tablet")

    # Staff change it: Eva sees on her phone what changed since she agreed, and agrees to the new text.
    staff.get_by_role("link", name="Wijzigen").click()
    staff.locator("#id_goal").fill("Noah eet 's ochtends en 's middags een stuk fruit mee.")
    staff.locator("#id_staff_do").fill("Samen aan tafel fruit eten om half elf.")
    staff.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(
        staff.get_by_role("heading", name="Wat er veranderde sinds versie 1, waarop de ouders akkoord gaven")
    ).to_be_visible()

    eva.reload()
    expect(eva.get_by_role("heading", name="Wat is er veranderd sinds u akkoord gaf op versie 1")).to_be_visible()
    added = eva.locator("ins", has_text="en 's middags")
    # Marked for the eye (the underline) and for a screen reader (a hidden "added:").
    expect(added).to_be_visible()
    expect(added.locator(".visually-hidden")).to_have_text("toegevoegd:")
    removed = eva.locator("del", has_text="tien uur.")
    expect(removed).to_be_visible()
    expect(removed.locator(".visually-hidden")).to_have_text("weggehaald:")
    expect(eva.get_by_text("Waar u eerder akkoord op gaf")).to_be_visible()
    assert_accessible(eva)
    screenshot(eva, "gezag-portal-what-changed-phone")
    # Nothing on the page is wider than the phone.
    assert eva.evaluate("document.documentElement.scrollWidth") <= 390

    tablet = page_factory("tablet")
    login(tablet, "parent")
    _open_agreement(tablet)
    expect(tablet.locator("ins", has_text="en 's middags")).to_be_visible()
    screenshot(tablet, "gezag-portal-what-changed-tablet")

    eva.get_by_role("button", name="Ik ga akkoord met versie 2").click()
    expect(eva.get_by_text("Dank u wel. We hebben genoteerd dat u akkoord gaat.")).to_be_visible()
    expect(eva.get_by_text("Wacht op akkoord").first).to_be_visible()
