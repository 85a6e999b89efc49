"""The success-factor catalogue: seeded from the source documents, maintained by coordinators, and what
was ticked on old contacts stays as it was."""

import pytest
from django.urls import reverse
from django.utils import timezone

from contacts.choices import Kind, Tone
from partnership.sources import Source
from successfactors import reference
from successfactors.models import ChecklistItem, Theme
from successfactors.selectors import checklist_for
from tests import factories as f

pytestmark = pytest.mark.django_db


def _catalogue(world):
    return ChecklistItem.objects.for_organisation(world.organisation)


def test_every_success_factor_of_the_sources_maps_to_seeded_items():
    assert {key.split()[0] for key in reference.COVERAGE} == {"000", "001", "002", "003", "004"}
    for factor, keys in reference.COVERAGE.items():
        assert keys and all(key in reference.ITEMS for key in keys), factor
    mapped = {key for keys in reference.COVERAGE.values() for key in keys}
    assert mapped == set(reference.ITEMS), "every item comes from a source"


def test_the_seeded_catalogue_covers_every_theme_every_kind_and_every_source(world):
    items = _catalogue(world).active()
    assert items.count() == len(reference.ITEMS)
    assert {item.theme for item in items} == set(Theme.values)
    assert {kind for item in items for kind in item.kinds} == set(Kind.values)
    assert {item.source for item in items} == set(Source.values) - {Source.OWN}
    assert all(item.prompt and item.hint for item in items)


def test_an_intake_prompts_to_explain_what_we_do_and_that_parents_can_always_come_with_questions(world):
    prompts = set(checklist_for(organisation=world.organisation, kind=Kind.INTAKE).values_list("prompt", flat=True))
    assert "Ik heb verteld wat ik doe en waarom" in prompts
    assert "Ik heb gezegd dat de ouder altijd met vragen bij ons terecht kan" in prompts


def test_a_tense_conversation_prompts_connection_normalising_and_modest_advice(world):
    conversation = checklist_for(organisation=world.organisation, kind=Kind.PARENT_CONVERSATION)
    tense = conversation.filter(tones__contains=[Tone.TENSE])
    prompts = " ".join(tense.values_list("prompt", flat=True))
    assert "in verbinding" in prompts and "genormaliseerd" in prompts and "niet te stellig" in prompts


def test_a_coordinator_rewords_an_item_and_old_contacts_keep_the_old_wording(world, client_for):
    item = checklist_for(organisation=world.organisation, kind=Kind.INFORMAL).first()
    old_prompt = item.prompt
    world.contact.checklist.add(item, through_defaults={"theme": item.theme, "prompt": item.prompt})
    response = client_for("coordinator").post(
        reverse("successfactors:item_edit", args=[item.pk]),
        {
            "theme": item.theme,
            "prompt": "Nieuwe woorden voor dit punt",
            "hint": item.hint,
            "source": item.source,
            "kinds": item.kinds,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.prompt == "Nieuwe woorden voor dit punt"
    page = client_for("staff").get(world.contact.get_absolute_url()).content.decode()
    assert old_prompt in page and "Nieuwe woorden voor dit punt" not in page
    form = client_for("staff").get(reverse("contacts:quick", args=[world.family.pk])).content.decode()
    assert "Nieuwe woorden voor dit punt" in form


def test_a_retired_item_leaves_the_form_but_stays_on_old_contacts(world, client_for):
    item = checklist_for(organisation=world.organisation, kind=Kind.INFORMAL).first()
    world.contact.checklist.add(item, through_defaults={"theme": item.theme, "prompt": item.prompt})
    client_for("coordinator").post(reverse("successfactors:item_retire", args=[item.pk]))
    item.refresh_from_db()
    assert item.retired_on == timezone.localdate()
    form = client_for("staff").get(reverse("contacts:quick", args=[world.family.pk])).content.decode()
    assert item.prompt not in form
    detail = client_for("staff").get(world.contact.get_absolute_url()).content.decode()
    assert item.prompt in detail and "niet meer op de checklist" in detail


def test_a_coordinator_adds_an_item_for_chosen_kinds(client_for, world):
    client_for("coordinator").post(
        reverse("successfactors:item_add"),
        {
            "theme": "child",
            "prompt": "Ik heb gevraagd wat het kind zelf wil",
            "hint": "",
            "source": "eigen",
            "kinds": ["mentor_conversation"],
        },
    )
    item = _catalogue(world).get(prompt="Ik heb gevraagd wat het kind zelf wil")
    assert item.kinds == ["mentor_conversation"] and item.position > 0


def test_an_item_without_kinds_is_refused(client_for, world):
    response = client_for("coordinator").post(
        reverse("successfactors:item_add"), {"theme": "child", "prompt": "Zonder soort", "source": "eigen"}
    )
    assert response.status_code == 200
    assert not ChecklistItem.objects.filter(prompt="Zonder soort").exists()


def test_moving_an_item_swaps_it_with_its_neighbour_in_the_theme(client_for, world):
    first, second = _catalogue(world).active().filter(theme="trust").order_by("position")[:2]
    client_for("coordinator").post(reverse("successfactors:item_move", args=[second.pk, "up"]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.position < first.position


def test_the_catalogue_page_lists_items_by_theme_with_how_often_they_were_ticked(client_for, world):
    item = checklist_for(organisation=world.organisation, kind=Kind.INFORMAL).first()
    for _ in range(3):
        contact = f.ContactMomentFactory(family=world.family, author=world.users["staff"])
        contact.checklist.add(item, through_defaults={"theme": item.theme, "prompt": item.prompt})
    content = client_for("coordinator").get(reverse("successfactors:items")).content.decode()
    assert "Basishouding" in content and item.prompt in content
