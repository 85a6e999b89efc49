"""The full contact forms as the server renders them (what works without JavaScript): the checklist folded by
theme with a count of ticked items, prompts for a worried or tense parent only at that tone, several follow-ups in
one form within the cap, and text fields that refuse a too-long text with a message instead of cutting it."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from contacts.choices import Kind
from contacts.models import ContactMoment, FollowUp
from successfactors.models import ChecklistItem, Theme
from tests import factories as f

pytestmark = pytest.mark.django_db


def _url(world, kind=Kind.HOME_VISIT):
    return reverse("contacts:create", args=[world.family.pk, kind])


def _items(world, kind=Kind.HOME_VISIT):
    return ChecklistItem.objects.for_organisation(world.organisation).for_kind(kind)


def _post(world, **overrides):
    data = {
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "caregivers": [world.caregiver.pk],
        "tone": "neutral",
        "summary": "Huisbezoek: gesproken over de peutergroep.",
        "visibility": "internal",
        "fu-TOTAL_FORMS": "3",
        "fu-INITIAL_FORMS": "0",
        "fu-MIN_NUM_FORMS": "0",
        "fu-MAX_NUM_FORMS": "5",
    }
    # What a browser sends for an untouched row: the owner select keeps its default, the author.
    for n in range(int(overrides.get("fu-TOTAL_FORMS", data["fu-TOTAL_FORMS"]))):
        data[f"fu-{n}-owner"] = world.users["staff"].pk
    data.update(overrides)
    return data


def _themes(content):
    """Each theme's <details> of the checklist: its opening tag, summary text and items (hidden or not)."""
    found = re.findall(
        r'(<details class="checklist-theme"[^>]*>)\s*<summary>(.*?)</summary>(.*?)</details>', content, re.S
    )
    return [
        {
            "tag": tag,
            "summary": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", summary)).strip(),
            "items": re.findall(r'<div class="form-check"([^>]*)>', body),
        }
        for tag, summary, body in found
    ]


def _due(days=7):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_the_checklist_is_folded_by_theme_with_a_count_of_ticked_items(world, client_for):
    items = list(_items(world))
    themes = _themes(client_for("staff").get(_url(world)).content.decode())
    expected = [label for value, label in Theme.choices if any(item.theme == value for item in items)]
    assert [theme["summary"].split(" 0 van ")[0] for theme in themes] == expected
    assert all(" open" not in theme["tag"] for theme in themes)  # folded
    trust = next(theme for theme in themes if theme["summary"].startswith("Vertrouwen kost tijd"))
    # No tone chosen yet: a browser without JavaScript shows every prompt (static/js/checklist.js hides the
    # ones for a worried or tense parent).
    assert trust["summary"].endswith(f"0 van {sum(1 for item in items if item.theme == 'trust')} aangevinkt")


def test_a_refused_form_keeps_the_ticks_and_counts_them_in_their_theme(world, client_for):
    trust = [item for item in _items(world) if item.theme == "trust" and not item.tones]
    data = _post(world, summary="", items=[item.pk for item in trust[:2]])
    content = client_for("staff").post(_url(world), data).content.decode()
    summary = next(theme["summary"] for theme in _themes(content) if theme["summary"].startswith("Vertrouwen"))
    assert summary.endswith(f"2 van {len(trust)} aangevinkt")
    assert content.count("checked>") >= 2


@pytest.mark.parametrize("tone, hidden", [("positive", True), ("neutral", True), ("worried", False), ("tense", False)])
def test_prompts_for_a_worried_or_tense_parent_show_only_at_that_tone(world, client_for, tone, hidden):
    tense_only = _items(world).filter(tones__contains=["tense"], theme="support").first()
    content = client_for("staff").post(_url(world), _post(world, tone=tone, summary="")).content.decode()
    tag = re.search(rf'<div class="form-check"[^>]*>\s*<input[^>]*id="item-{tense_only.pk}"', content).group(0)
    assert (" hidden>" in tag) is hidden


def test_a_ticked_prompt_for_a_tense_parent_stays_shown_at_another_tone(world, client_for):
    tense_only = _items(world).filter(tones__contains=["tense"]).first()
    data = _post(world, tone="positive", summary="", items=[tense_only.pk])
    content = client_for("staff").post(_url(world), data).content.decode()
    tag = re.search(rf'<div class="form-check"[^>]*>\s*<input[^>]*id="item-{tense_only.pk}"[^>]*>', content).group(0)
    assert " hidden>" not in tag and "checked" in tag


def test_without_javascript_the_form_offers_three_follow_up_rows_and_a_template_for_more(world, client_for):
    content = client_for("staff").get(_url(world)).content.decode()
    for n in range(3):
        assert f'id="id_fu-{n}-description"' in content
    assert 'id="id_fu-3-description"' not in content
    assert 'name="fu-TOTAL_FORMS" value="3"' in content and 'name="fu-MAX_NUM_FORMS" value="5"' in content
    assert "<template>" in content and 'id="id_fu-__prefix__-description"' in content
    assert '<details class="contact-form-follow-ups card" id="follow-ups" data-follow-ups="fu">' in content


def test_a_home_visit_is_saved_with_three_follow_ups_and_empty_rows_are_skipped(world, client_for):
    data = _post(
        world,
        **{
            "fu-TOTAL_FORMS": "5",
            "fu-0-description": "Wenschema meegeven",
            "fu-0-due_on": _due(),
            "fu-2-description": "Samen het wijkteam bellen",
            "fu-2-due_on": _due(),
            "fu-2-referral_to": "wijkteam",
            "fu-3-description": "Folder in het Pools zoeken",
            "fu-3-due_on": _due(3),
            "fu-3-promised_to_parents": "on",
        },
    )
    response = client_for("staff").post(_url(world), data)
    contact = ContactMoment.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == contact.get_absolute_url()
    descriptions = list(contact.follow_ups.order_by("pk").values_list("description", flat=True))
    assert descriptions == ["Wenschema meegeven", "Samen het wijkteam bellen", "Folder in het Pools zoeken"]


def test_more_than_five_follow_ups_are_refused_and_nothing_is_saved(world, client_for):
    rows = {}
    for n in range(6):
        rows |= {f"fu-{n}-description": f"Actie {n}", f"fu-{n}-due_on": _due()}
    before = (ContactMoment.objects.count(), FollowUp.objects.count())
    response = client_for("staff").post(_url(world), _post(world, **{"fu-TOTAL_FORMS": "6"}, **rows))
    assert response.status_code == 200
    assert "Verstuur maximaal 5 formulieren" in response.content.decode()
    assert (ContactMoment.objects.count(), FollowUp.objects.count()) == before


def test_a_refused_follow_up_opens_the_folded_follow_ups_with_its_message(world, client_for):
    data = _post(world, **{"fu-1-description": "Bellen", "fu-1-due_on": "2001-01-01"})
    content = client_for("staff").post(_url(world), data).content.decode()
    assert '<details class="contact-form-follow-ups card" id="follow-ups" data-follow-ups="fu" open>' in content
    assert "De actie kan niet vóór het contact" in content
    assert re.search(r'<fieldset class="follow-up" data-blank="false">', content)


def test_the_text_fields_have_no_maxlength_that_cuts_text_without_a_word(world, client_for):
    content = client_for("staff").get(_url(world)).content.decode()
    assert "maxlength" not in content.split('class="contact-form"')[1].split("<template>")[0]
    assert 'data-char-max="500"' in content and 'data-char-max="4000"' in content
    quick = client_for("staff").get(reverse("contacts:quick", args=[world.family.pk])).content.decode()
    assert 'id="id_summary"' in quick and "maxlength" not in quick and 'data-char-max="500"' in quick
    detail = client_for("staff").get(world.contact.get_absolute_url()).content.decode()
    addendum = re.search(r'<textarea[^>]*name="text"[^>]*>', detail).group(0)
    assert "maxlength" not in addendum and 'data-char-max="2000"' in addendum


def test_a_quick_contact_summary_over_500_characters_is_refused_with_a_message_at_the_field(world, client_for):
    text = "Vertelde over het weekend bij opa en oma. " * 13  # 546 characters
    before = ContactMoment.objects.count()
    response = client_for("staff").post(
        reverse("contacts:quick", args=[world.family.pk]),
        {"tone": "positive", "caregivers": [world.caregiver.pk], "occasion": "drop_off", "summary": text},
    )
    content = response.content.decode()
    assert response.status_code == 200 and ContactMoment.objects.count() == before
    assert re.search(r'<div class="invalid-feedback" id="id_summary-error">[^<]*niet meer dan 500 tekens', content)
    field = re.search(r'<input[^>]*id="id_summary"[^>]*>', content).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_summary-error"' in field
    assert "is-invalid" in field and f'value="{text.strip()}' in field.replace("&#x27;", "'")


def test_a_quick_contact_summary_of_exactly_500_characters_is_saved(world, client_for):
    text = ("Ø" * 499) + "."
    client_for("staff").post(
        reverse("contacts:quick", args=[world.family.pk]),
        {"tone": "positive", "caregivers": [world.caregiver.pk], "occasion": "drop_off", "summary": text},
    )
    assert ContactMoment.objects.latest("pk").summary == text


def test_the_edit_form_shows_the_checklist_folded_with_the_ticks_counted(world, client_for):
    item = _items(world, Kind.INFORMAL).filter(tones=[]).first()
    world.contact.checklist.add(item, through_defaults={"theme": item.theme, "prompt": item.prompt})
    content = (
        client_for("staff").get(reverse("contacts:edit", args=[world.family.pk, world.contact.pk])).content.decode()
    )
    theme = next(t for t in _themes(content) if t["summary"].startswith(item.get_theme_display()))
    assert re.search(r"1 van \d+ aangevinkt$", theme["summary"])
    assert "data-follow-ups" not in content  # follow-ups are added on the contact itself


def test_a_checklist_item_of_another_organisation_is_never_in_the_form(world, client_for):
    elsewhere = f.OrganisationFactory(name="Elders")
    theirs = ChecklistItem.objects.for_organisation(elsewhere).for_kind(Kind.HOME_VISIT).first()
    content = client_for("staff").get(_url(world)).content.decode()
    assert f'id="item-{theirs.pk}"' not in content
