"""Each organisation keeps its own success-factor catalogue: a new organisation starts from the reference set,
a coordinator sees and changes only her organisation's items, and a contact's checklist is its family's
organisation's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from contacts import services as contact_services
from contacts.choices import Kind, Tone
from contacts.models import ContactMoment
from contacts.services import ContactData
from demo.seed import ensure_reference_data
from intakes.models import IntakeQuestion
from successfactors import reference
from successfactors.models import ChecklistItem
from successfactors.selectors import checklist_for
from tests import factories as f

pytestmark = pytest.mark.django_db


def _items(organisation):
    return ChecklistItem.objects.for_organisation(organisation)


def _snapshot(organisation):
    return list(_items(organisation).values_list("pk", "prompt", "hint", "kinds", "position", "retired_on"))


def test_a_new_organisation_gets_the_full_reference_catalogue(db):
    organisation = f.OrganisationFactory()
    fields = ["theme", "prompt", "hint", "source", "kinds", "tones", "position"]
    assert list(_items(organisation).values(*fields)) == reference.entries()
    assert len(reference.entries()) == len(reference.ITEMS)
    assert not _items(organisation).filter(retired_on__isnull=False).exists()


def test_a_coordinator_rewords_an_item_and_another_organisations_item_is_unchanged(world, elsewhere, client_for):
    ours = checklist_for(organisation=world.organisation, kind=Kind.INFORMAL).first()
    theirs = _items(elsewhere.organisation).get(prompt=ours.prompt)
    before = _snapshot(elsewhere.organisation)
    response = client_for("coordinator").post(
        reverse("successfactors:item_edit", args=[ours.pk]),
        {"theme": ours.theme, "prompt": "Alleen bij ons anders gezegd", "source": ours.source, "kinds": ours.kinds},
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.prompt == "Alleen bij ons anders gezegd"
    assert theirs.prompt != ours.prompt and _snapshot(elsewhere.organisation) == before
    quick = client_for("staff").get(reverse("contacts:quick", args=[world.family.pk])).content.decode()
    assert "Alleen bij ons anders gezegd" in quick and escape(theirs.prompt) not in quick


@pytest.mark.parametrize("role", ["coordinator", "admin"])
@pytest.mark.parametrize(
    "method, name, extra",
    [
        ("get", "successfactors:item_edit", {}),
        ("post", "successfactors:item_edit", {}),
        ("get", "successfactors:item_move", {"direction": "up"}),
        ("post", "successfactors:item_move", {"direction": "up"}),
        ("post", "successfactors:item_move", {"direction": "down"}),
        ("get", "successfactors:item_retire", {}),
        ("post", "successfactors:item_retire", {}),
    ],
)
def test_a_coordinator_gets_404_for_another_organisations_item_and_nothing_changes(
    world, elsewhere, client_for, role, method, name, extra
):
    theirs = list(_items(elsewhere.organisation).active().filter(theme="trust"))[1]
    before = _snapshot(elsewhere.organisation)
    body = {"theme": "trust", "prompt": "Ingeslopen", "source": "eigen", "kinds": ["informal"]}
    url = reverse(name, kwargs={"item_pk": theirs.pk, **extra})
    response = getattr(client_for(role), method)(url, body if method == "post" else {})
    # A POST-only URL answers a GET with 405 before it looks anything up; either way nothing is found.
    assert response.status_code == (405 if method == "get" and name == "successfactors:item_move" else 404)
    assert _snapshot(elsewhere.organisation) == before


def test_the_catalogue_page_shows_only_her_organisations_items(world, elsewhere, client_for):
    theirs = _items(elsewhere.organisation).first()
    theirs.prompt = "Een punt van Elders"
    theirs.save()
    content = client_for("coordinator").get(reverse("successfactors:items")).content.decode()
    assert "Een punt van Elders" not in content
    for item in _items(elsewhere.organisation):
        assert reverse("successfactors:item_edit", args=[item.pk]) not in content
    for item in _items(world.organisation):
        assert escape(item.prompt) in content and reverse("successfactors:item_edit", args=[item.pk]) in content


def test_a_new_item_goes_into_her_organisations_catalogue_only(world, elsewhere, client_for):
    client_for("coordinator").post(
        reverse("successfactors:item_add"),
        {"theme": "child", "prompt": "Ik heb gevraagd wat het kind zelf wil", "source": "eigen", "kinds": ["phone"]},
    )
    new = ChecklistItem.objects.get(prompt="Ik heb gevraagd wat het kind zelf wil")
    assert new.organisation == world.organisation
    assert new.position > max(item.position for item in _items(world.organisation).exclude(pk=new.pk))
    assert _items(elsewhere.organisation).count() == len(reference.ITEMS)


def test_moving_and_retiring_an_item_change_her_catalogue_only(world, elsewhere, client_for):
    first, second = _items(world.organisation).active().filter(theme="trust")[:2]
    before = _snapshot(elsewhere.organisation)
    client = client_for("coordinator")
    client.post(reverse("successfactors:item_move", args=[second.pk, "up"]))
    client.post(reverse("successfactors:item_retire", args=[first.pk]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.position < first.position and first.retired_on == timezone.localdate()
    assert _snapshot(elsewhere.organisation) == before


def test_an_item_moves_within_its_theme(world, client_for):
    """The last item of a theme moving down stays where it is: the next theme's items are not its neighbours."""
    last = _items(world.organisation).active().filter(theme="trust").order_by("position").last()
    before = _snapshot(world.organisation)
    client_for("coordinator").post(reverse("successfactors:item_move", args=[last.pk, "down"]))
    assert _snapshot(world.organisation) == before


def test_the_contact_form_shows_only_the_familys_organisations_checklist(world, elsewhere, client_for):
    content = client_for("staff").get(reverse("contacts:quick", args=[world.family.pk])).content.decode()
    for item in checklist_for(organisation=world.organisation, kind=Kind.INFORMAL):
        assert f'value="{item.pk}"' in content
        assert content.count(escape(item.prompt)) == 1
    for item in _items(elsewhere.organisation):
        assert f'value="{item.pk}"' not in content


def _contact_form(world, items):
    return {
        "occurred_at": (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "caregivers": [world.caregiver.pk],
        "children": [world.child.pk],
        "tone": "worried",
        "summary": "Huisbezoek: gesproken over slapen.",
        "notes": "",
        "visibility": "internal",
        "shared_summary": "",
        "items": [item.pk for item in items],
        "fu-TOTAL_FORMS": "0",
        "fu-INITIAL_FORMS": "0",
        "fu-MIN_NUM_FORMS": "0",
        "fu-MAX_NUM_FORMS": "5",
    }


def test_the_contact_form_refuses_another_organisations_item(world, elsewhere, client_for):
    ours = checklist_for(organisation=world.organisation, kind=Kind.HOME_VISIT).first()
    theirs = _items(elsewhere.organisation).get(prompt=ours.prompt)
    before = ContactMoment.objects.count()
    client = client_for("staff")
    response = client.post(
        reverse("contacts:create", args=[world.family.pk, Kind.HOME_VISIT]), _contact_form(world, [theirs])
    )
    assert response.status_code == 200
    assert "staat niet (meer) op de checklist" in response.content.decode()
    quick = {"tone": "positive", "caregivers": [world.caregiver.pk], "occasion": "drop_off", "items": [theirs.pk]}
    response = client.post(reverse("contacts:quick", args=[world.family.pk]), quick)
    assert "staat niet (meer) op de checklist" in response.content.decode()
    assert ContactMoment.objects.count() == before
    # The same form with the family's own item goes through.
    response = client.post(
        reverse("contacts:create", args=[world.family.pk, Kind.HOME_VISIT]), _contact_form(world, [ours])
    )
    assert response.status_code == 302 and ContactMoment.objects.latest("pk").ticks.get().item == ours


def test_the_intake_form_checklist_is_the_familys_organisations(world, elsewhere, client_for):
    content = client_for("staff").get(reverse("intakes:create", args=[world.family.pk])).content.decode()
    for item in checklist_for(organisation=world.organisation, kind=Kind.INTAKE):
        assert f'value="{item.pk}"' in content
    for item in checklist_for(organisation=elsewhere.organisation, kind=Kind.INTAKE):
        assert f'value="{item.pk}"' not in content


def test_the_contact_service_refuses_another_organisations_item(world, elsewhere):
    theirs = checklist_for(organisation=elsewhere.organisation, kind=Kind.HOME_VISIT).first()
    data = ContactData(
        kind=Kind.HOME_VISIT,
        occurred_at=timezone.now() - datetime.timedelta(hours=1),
        tone=Tone.NEUTRAL,
        caregivers=[world.caregiver],
        summary="Thuis gekeken.",
        items=[theirs],
    )
    before = ContactMoment.objects.count()
    with pytest.raises(ValidationError) as error:
        contact_services.contact_log(family=world.family, by=world.users["staff"], data=data)
    assert set(error.value.message_dict) == {"items"}
    assert ContactMoment.objects.count() == before


def test_ensure_reference_data_gives_an_organisation_without_a_catalogue_its_own_and_leaves_others_alone(world):
    bare = f.OrganisationFactory()
    ChecklistItem.objects.filter(organisation=bare).delete()
    IntakeQuestion.objects.filter(organisation=bare).delete()
    ours = _items(world.organisation).first()
    ours.prompt = "Bewust anders gezegd"
    ours.save()
    before = _snapshot(world.organisation)
    ensure_reference_data()
    assert _items(bare).count() == len(reference.ITEMS)
    assert IntakeQuestion.objects.filter(organisation=bare).count() > 0
    assert _snapshot(world.organisation) == before


def test_the_admin_lists_both_catalogues_with_their_organisation(world, elsewhere, client_for):
    client = client_for("support")
    for url in [
        reverse("admin:successfactors_checklistitem_changelist"),
        reverse("admin:intakes_intakequestion_changelist"),
    ]:
        response = client.get(url, {"organisation__id__exact": elsewhere.organisation.pk})
        assert response.status_code == 200
        content = response.content.decode()
        assert "Kinderopvang Elders" in content
    item = _items(elsewhere.organisation).first()
    response = client.get(reverse("admin:successfactors_checklistitem_change", args=[item.pk]))
    assert response.status_code == 200
