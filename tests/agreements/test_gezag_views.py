"""Gezag and what changed on the staff pages: per caregiver with gezag where the akkoord stands, the choice "one
akkoord is enough", recording an akkoord only for caregivers with gezag and only for the version read, and the
changes between versions marked word by word."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements import services
from agreements.models import Agreement, Confirmation, Status
from contacts.choices import Kind
from tests import factories as f

pytestmark = pytest.mark.django_db


def _caregiver(world, first_name, *, authority=True, portal=True, relation="vader"):
    user = None
    if portal:
        user = f.UserFactory(username=first_name.lower(), role=Role.PARENT, organisation=world.organisation)
    return f.CaregiverFactory(
        family=world.family, first_name=first_name, relation=relation, has_parental_authority=authority, user=user
    )


def _conversation(world):
    return f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        kind=Kind.PARENT_CONVERSATION,
        occurred_at=timezone.now() - datetime.timedelta(hours=2),
    )


def _detail(world, client_for, role="staff"):
    url = reverse("agreements:detail", args=[world.family.pk, world.agreement.pk])
    response = client_for(role).get(url)
    assert response.status_code == 200
    return response.content.decode()


def _record_url(world):
    return reverse("agreements:record_agreed", args=[world.family.pk, world.agreement.pk])


@pytest.mark.parametrize("role", ["staff", "coordinator", "admin"])
def test_the_staff_page_shows_per_caregiver_with_gezag_where_the_akkoord_stands(world, client_for, role):
    _caregiver(world, "Thomas")
    _caregiver(world, "Anna", portal=False, relation="moeder")
    _caregiver(world, "Henk", authority=False, relation="opa")
    services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    page = _detail(world, client_for, role)
    assert "Voorgelegd aan de ouders" in page
    assert "1 van de 3 verzorgers met ouderlijk gezag hebben akkoord gegeven." in page
    assert "akkoord gegeven" in page and "in het ouderportaal," in page
    assert "niet uitgenodigd voor het portaal: leg het akkoord vast in een gesprek" in page
    assert page.count("nog niet") >= 2
    assert "Zonder ouderlijk gezag (kan lezen en reageren, geen akkoord):" in page and "Henk" in page
    assert "Afgesproken zodra elke verzorger met ouderlijk gezag akkoord gaf." in page


def test_an_akkoord_recorded_by_staff_shows_in_which_conversation(world, client_for):
    thomas = _caregiver(world, "Thomas", portal=False)
    conversation = _conversation(world)
    services.agreement_record_agreed(
        agreement=world.agreement, by=world.users["staff"], caregivers=[thomas], contact=conversation
    )
    page = _detail(world, client_for)
    date = timezone.localtime(conversation.occurred_at).strftime("%-d")
    assert f"vastgelegd door een medewerker: Oudergesprek van {date}" in page


def test_staff_choose_one_akkoord_is_enough_visibly_and_it_is_kept(world, client_for):
    client = client_for("staff")
    data = {
        "title": "Jas aan bij het buitenspelen",
        "goal": "Noor speelt warm aangekleed buiten.",
        "evaluation_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "one_akkoord_enough": "on",
    }
    client.post(reverse("agreements:create", args=[world.family.pk]), data)
    agreement = Agreement.objects.get(title="Jas aan bij het buitenspelen")
    assert agreement.one_akkoord_enough
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Alledaagse zaak" in page and "het akkoord van één verzorger met ouderlijk gezag is genoeg" in page
    # The edit form starts from the choice as it is; leaving the box unticked turns it off again.
    edit = reverse("agreements:edit", args=[world.family.pk, agreement.pk])
    assert 'name="one_akkoord_enough"' in client.get(edit).content.decode()
    client.post(edit, data | {"one_akkoord_enough": "", "lock_version": agreement.lock_version})
    agreement.refresh_from_db()
    assert not agreement.one_akkoord_enough
    assert list(agreement.events.order_by("pgh_id").values_list("one_akkoord_enough", flat=True)) == [
        True,
        True,
        False,
    ]


def test_the_record_form_offers_only_caregivers_with_gezag_who_have_not_agreed(world, client_for):
    thomas = _caregiver(world, "Thomas", portal=False)
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa")
    _caregiver(world, "Anna")
    services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    page = client_for("staff").get(_record_url(world)).content.decode()
    assert f'value="{thomas.pk}"' in page
    assert f'value="{opa.pk}"' not in page and f'value="{world.caregiver.pk}"' not in page
    assert f'name="version" value="{world.agreement.current_id}"' in page


def test_a_forged_record_for_a_caregiver_without_gezag_is_refused_and_changes_nothing(world, client_for):
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa")
    conversation = _conversation(world)
    response = client_for("staff").post(
        _record_url(world),
        {"caregivers": [opa.pk], "contact": conversation.pk, "version": world.agreement.current_id},
    )
    assert response.status_code == 200 and "Selecteer een geldige keuze" in response.content.decode()
    world.agreement.refresh_from_db()
    assert not Confirmation.objects.exists() and world.agreement.status == Status.PROPOSED


def test_recording_for_a_version_that_was_replaced_is_refused_with_a_message(world, client_for):
    old = world.agreement.current_id
    services.agreement_update(
        agreement=world.agreement,
        by=world.users["coordinator"],
        expected_version=world.agreement.lock_version,
        title=world.agreement.title,
        content=f.agreement_content(goal="Een nieuw doel."),
    )
    response = client_for("staff").post(
        _record_url(world), {"caregivers": [world.caregiver.pk], "contact": _conversation(world).pk, "version": old}
    )
    assert "Er is een nieuwere versie van deze afspraak" in response.content.decode()
    world.agreement.refresh_from_db()
    assert not Confirmation.objects.exists() and world.agreement.status == Status.PROPOSED


def test_the_staff_page_marks_what_changed_since_the_version_the_parents_agreed_to(world, client_for):
    services.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    world.agreement.refresh_from_db()
    services.agreement_update(
        agreement=world.agreement,
        by=world.users["staff"],
        expected_version=world.agreement.lock_version,
        title=world.agreement.title,
        content=f.agreement_content(goal="Noor slaapt 's avonds rustig. <b>In haar bedje</b>."),
    )
    page = _detail(world, client_for)
    assert "Wat er veranderde sinds versie 1, waarop de ouders akkoord gaven" in page
    assert '<del><span class="visually-hidden">weggehaald: </span>middags</del>' in page
    assert '<ins><span class="visually-hidden">toegevoegd: </span>avonds</ins>' in page
    assert '<ins><span class="visually-hidden">toegevoegd: </span>&lt;b&gt;In haar bedje&lt;/b&gt;.</ins>' in page
    assert "<b>In haar bedje</b>" not in page
