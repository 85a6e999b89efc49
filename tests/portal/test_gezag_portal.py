"""Gezag in the parent portal: a caregiver without gezag reads and reacts but has no akkoord (a forged one is
refused with 403), two parents with gezag each see where the other stands, a new version shows what changed since
the version they agreed to and its akkoord button belongs to it; and the invitation of a caregiver without gezag
says first, on the staff page and in the e-mail, what they will and will not be able to do."""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from accounts.models import Role
from agreements import services
from agreements.models import Agreement, Confirmation, Status
from tests import factories as f

pytestmark = pytest.mark.django_db


def _caregiver(world, first_name, *, authority=True, portal=True, relation="vader", email=""):
    user = None
    if portal:
        user = f.UserFactory(username=first_name.lower(), role=Role.PARENT, organisation=world.organisation)
    return f.CaregiverFactory(
        family=world.family,
        first_name=first_name,
        relation=relation,
        has_parental_authority=authority,
        user=user,
        email=email,
    )


def _as(client, caregiver):
    client.logout()
    client.force_login(caregiver.user)
    return client


def _page(client, world):
    response = client.get(reverse("portal:agreement", args=[world.agreement.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_grandfather_without_gezag_reads_and_reacts_but_has_no_akkoord(world, client):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    client = _as(client, opa)
    page = _page(client, world)
    assert "Noor slaapt &#x27;s middags rustig." in page
    assert "Ik ga akkoord met versie" not in page and reverse("portal:confirm", args=[world.agreement.pk]) not in page
    assert "Alleen een ouder met gezag kan akkoord geven." in page
    assert "Kan lezen en reageren, maar geen akkoord geven:" in page
    assert reverse("portal:react", args=[world.agreement.pk]) in page
    home = client.get(reverse("portal:home")).content.decode()
    assert "Lees dit. Gaat u akkoord?" not in home and "Wacht op akkoord" in home


def test_a_forged_akkoord_of_a_caregiver_without_gezag_is_refused_and_changes_nothing(world, client):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    before = Agreement.objects.get(pk=world.agreement.pk)
    response = _as(client, opa).post(
        reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id}
    )
    assert response.status_code == 403
    after = Agreement.objects.get(pk=world.agreement.pk)
    assert not Confirmation.objects.exists()
    assert (after.status, after.lock_version) == (Status.PROPOSED, before.lock_version)


def test_two_parents_with_gezag_each_see_where_the_other_stands(world, client):
    thomas = _caregiver(world, "Thomas")
    eva = _as(client, world.caregiver)
    eva.post(reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id})
    page = _page(eva, world)
    assert "Wacht op akkoord" in page and "Afgesproken" not in page
    assert "Elke ouder met gezag geeft akkoord. Dan is het afgesproken." in page
    assert "Eva</strong> (u):" in page and "akkoord gegeven" in page and "in het portaal op" in page
    assert "Thomas</strong>:" in page and "nog niet" in page
    assert "Ik ga akkoord met versie" not in page  # she already agreed

    page = _page(_as(client, thomas), world)
    assert "Ik ga akkoord met versie 1" in page
    client.post(reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id})
    world.agreement.refresh_from_db()
    assert world.agreement.status == Status.AGREED
    assert "Afgesproken" in _page(client, world)


def test_the_everyday_matter_choice_is_shown_to_the_parents(world, client):
    Agreement.objects.filter(pk=world.agreement.pk).update(one_akkoord_enough=True)
    page = _page(_as(client, world.caregiver), world)
    assert "Alledaagse zaak" in page and "voor deze afspraak is het akkoord van één ouder met gezag genoeg" in page


def _agreed_then_changed(world, client, goal):
    eva = _as(client, world.caregiver)
    eva.post(reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id})
    agreement = Agreement.objects.get(pk=world.agreement.pk)
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(goal=goal),
    )
    return eva, Agreement.objects.get(pk=agreement.pk)


def test_a_parent_sees_word_by_word_what_changed_since_the_version_they_agreed_to(world, client):
    eva, agreement = _agreed_then_changed(world, client, "Noor slaapt 's middags rustig <i>met</i> haar knuffel.")
    page = _page(eva, world)
    assert "Wat is er veranderd sinds u akkoord gaf op versie 1" in page
    assert '<del><span class="visually-hidden">weggehaald: </span>rustig.</del>' in page
    assert (
        '<ins><span class="visually-hidden">toegevoegd: </span>rustig &lt;i&gt;met&lt;/i&gt; haar knuffel.</ins>'
        in page
    )
    assert "<i>met</i>" not in page
    assert "Waar u eerder akkoord op gaf" in page
    # The akkoord button belongs to the new text: it names and posts the new version.
    assert f'name="version" value="{agreement.current_id}"' in page and "Ik ga akkoord met versie 2" in page


def test_an_akkoord_on_the_version_agreed_before_is_refused_with_a_clear_message(world, client):
    old = world.agreement.current_id
    eva, agreement = _agreed_then_changed(world, client, "Een nieuw doel.")
    response = eva.post(reverse("portal:confirm", args=[agreement.pk]), {"version": old}, follow=True)
    assert "Er is een nieuwere versie van deze afspraak dan de versie die u las." in response.content.decode()
    assert not Confirmation.objects.filter(version_id=agreement.current_id).exists()
    assert Agreement.objects.get(pk=agreement.pk).status == Status.PROPOSED


def test_a_caregiver_who_never_agreed_sees_what_changed_since_the_version_before(world, client):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    agreement = Agreement.objects.get(pk=world.agreement.pk)
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(goal="Noor slaapt 's middags heel rustig."),
    )
    page = _page(_as(client, opa), world)
    assert "Wat is er veranderd sinds versie 1" in page
    assert '<ins><span class="visually-hidden">toegevoegd: </span>heel</ins>' in page


def _invite_url(world, caregiver):
    return reverse("portal:invite", args=[world.family.pk, caregiver.pk])


def test_inviting_a_caregiver_without_gezag_first_says_what_they_will_and_will_not_be_able_to_do(world, client_for):
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa", email="henk@example.org")
    client = client_for("staff")
    family_page = client.get(world.family.get_absolute_url()).content.decode()
    # No one-tap invitation for him on the family page: a link to the page that explains first.
    assert f'href="{_invite_url(world, opa)}"' in family_page
    assert f'action="{_invite_url(world, opa)}"' not in family_page
    page = client.get(_invite_url(world, opa)).content.decode()
    assert "Dit kan Henk straks" in page and "Dit kan Henk niet" in page
    assert "akkoord geven op een afspraak: dat doen alleen verzorgers met ouderlijk gezag" in page
    assert "samenvattingen van gesprekken lezen, tenzij u dat toestaat bij hun gegevens" in page
    assert "reageren op een afspraak" in page

    # A POST that did not come from that page sends nothing.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(_invite_url(world, opa))
    assert response.status_code == 200 and "Dit kan Henk niet" in response.content.decode()
    opa.refresh_from_db()
    assert opa.user is None and not mail.outbox

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(_invite_url(world, opa), {"informed": "1"})
    opa.refresh_from_db()
    assert opa.user is not None and len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "U heeft geen ouderlijk gezag. Daarom kunt u geen akkoord geven op een afspraak." in body
    assert "De samenvattingen van onze gesprekken met de ouders kunt u niet lezen." in body
    assert "Henk" in body and world.family.name not in body


def test_a_caregiver_without_gezag_allowed_to_read_summaries_is_told_so(world, client_for):
    opa = _caregiver(world, "Henk", authority=False, portal=False, relation="opa", email="henk@example.org")
    opa.summaries_allowed = True
    opa.save()
    client = client_for("staff")
    page = client.get(_invite_url(world, opa)).content.decode()
    assert "samenvattingen lezen van gesprekken die met de ouders zijn gedeeld" in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(_invite_url(world, opa), {"informed": "1"})
    assert "U kunt ook de samenvattingen lezen van gesprekken die we delen." in mail.outbox[0].body


def test_a_parent_with_gezag_is_still_invited_with_one_tap_and_told_they_can_agree(world, client_for):
    thomas = _caregiver(world, "Thomas", portal=False, email="thomas@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for("staff").post(_invite_url(world, thomas))
    thomas.refresh_from_db()
    assert thomas.user is not None
    assert "kunt u reageren of akkoord geven" in mail.outbox[0].body
    assert "geen ouderlijk gezag" not in mail.outbox[0].body
