"""The parent portal through its pages: reading, reacting to and agreeing with an agreement, shared
summaries, feedback, asking for a conversation, and invitations."""

import re

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Confirmation, Status
from contacts.choices import Visibility
from portal import services as portal_services
from portal.models import PartnershipFeedback
from tests import factories as f
from threads import services as thread_services
from threads.models import Message, State, Thread, Topic

pytestmark = pytest.mark.django_db


def _agreement_url(world):
    return reverse("portal:agreement", args=[world.agreement.pk])


def test_a_parent_reads_the_proposed_agreement_and_says_akkoord(world, client_for):
    client = client_for("parent")
    page = client.get(_agreement_url(world)).content.decode()
    assert "Noor slaapt &#x27;s middags rustig." in page and "Ik ga akkoord met versie 1" in page
    response = client.post(
        reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id}
    )
    assert response.status_code == 302
    world.agreement.refresh_from_db()
    assert world.agreement.status == Status.AGREED
    assert Confirmation.objects.get().caregiver == world.caregiver


def test_confirming_twice_or_an_old_version_changes_nothing_and_says_why(world, client_for):
    client = client_for("parent")
    url = reverse("portal:confirm", args=[world.agreement.pk])
    client.post(url, {"version": world.agreement.current_id})
    response = client.post(url, {"version": world.agreement.current_id}, follow=True)
    assert "uw akkoord niet nodig" in response.content.decode()
    response = client.post(url, {"version": "999999"}, follow=True)
    assert "uw akkoord niet nodig" in response.content.decode()
    assert Confirmation.objects.count() == 1


def test_a_parent_sees_the_new_version_beside_the_one_they_agreed_to(world, client_for):
    client = client_for("parent")
    client.post(reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id})
    world.agreement.refresh_from_db()
    agreement_services.agreement_update(
        agreement=world.agreement,
        by=world.users["staff"],
        expected_version=world.agreement.lock_version,
        title=world.agreement.title,
        content=f.agreement_content(goal="Noor slaapt in een eigen bedje."),
    )
    page = client.get(_agreement_url(world)).content.decode()
    assert "Noor slaapt in een eigen bedje." in page
    assert "Waar u eerder akkoord op gaf" in page and "Noor slaapt &#x27;s middags rustig." in page


def test_a_reaction_with_markup_is_stored_as_text_and_shown_escaped(world, client_for):
    client = client_for("parent")
    response = client.post(
        reverse("portal:react", args=[world.agreement.pk]), {"text": "<script>alert(1)</script> Graag!"}, follow=True
    )
    content = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Graag!" in content
    assert "<script>alert(1)</script>" not in content
    assert "precies zoals u hem typte" in content
    assert Message.objects.get(thread__agreement=world.agreement).text == "<script>alert(1)</script> Graag!"


@pytest.mark.parametrize("text, message", [("   ", "verplicht"), ("x" * 2001, "niet meer dan 2000 tekens")])
def test_an_empty_or_too_long_reaction_gets_a_clear_message(world, client_for, text, message):
    response = client_for("parent").post(reverse("portal:react", args=[world.agreement.pk]), {"text": text})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Thread.objects.exists() and not Message.objects.exists()


def test_a_draft_is_a_404_for_the_parent(world, client_for):
    draft = agreement_services.agreement_create(
        family=world.family, by=world.users["staff"], title="Concept", content=f.agreement_content()
    )
    assert client_for("parent").get(reverse("portal:agreement", args=[draft.pk])).status_code == 404
    assert "Concept" not in client_for("parent").get(reverse("portal:home")).content.decode()


def test_staff_see_the_parents_reaction_and_confirmation(world, client_for):
    parent = client_for("parent")
    parent.post(reverse("portal:react", args=[world.agreement.pk]), {"text": "Prima zo."})
    parent.post(reverse("portal:confirm", args=[world.agreement.pk]), {"version": world.agreement.current_id})
    staff = client_for("staff")
    detail = staff.get(world.agreement.get_absolute_url()).content.decode()
    assert "Prima zo." in detail and "in het ouderportaal" in detail
    assert "akkoord Eva" in staff.get(world.family.get_absolute_url()).content.decode()


def test_only_shared_summaries_reach_the_portal_and_not_without_parental_authority(world, client_for):
    f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        visibility=Visibility.SHARED,
        shared_summary="Gedeelde samenvatting",
        notes="Interne notitie",
    )
    content = client_for("parent").get(reverse("portal:home")).content.decode()
    assert "Gedeelde samenvatting" in content and "Interne notitie" not in content
    world.caregiver.has_parental_authority = False
    world.caregiver.save()
    assert "Gedeelde samenvatting" not in client_for("parent").get(reverse("portal:home")).content.decode()
    world.caregiver.summaries_allowed = True
    world.caregiver.save()
    assert "Gedeelde samenvatting" in client_for("parent").get(reverse("portal:home")).content.decode()


def _answers(**scores) -> dict:
    return {name: str(score) for name, score in f.feedback_answers(**scores).items()}


def test_feedback_once_a_month(world, client_for):
    client = client_for("parent")
    data = {**_answers(competentie_child=3, autonomie_together=5), "remark": "Fijn"}
    assert client.post(reverse("portal:feedback"), data).status_code == 302
    again = client.post(reverse("portal:feedback"), data)
    assert "kunt u het ons weer vertellen" in again.content.decode()
    assert PartnershipFeedback.objects.count() == 1


@pytest.mark.parametrize("score", ["0", "6", "vijf", ""])
def test_feedback_out_of_range_is_refused(world, client_for, score):
    response = client_for("parent").post(reverse("portal:feedback"), {**_answers(), "relatie": score})
    assert response.status_code == 200 and not PartnershipFeedback.objects.exists()


def test_asking_for_a_conversation_becomes_a_thread_waiting_for_the_mentor(world, client_for):
    client_for("parent").post(reverse("portal:ask"), {"child": world.child.pk, "text": "Over het slapen"})
    thread = Thread.objects.get(caregiver=world.caregiver, topic=Topic.CONVERSATION)
    assert thread.state == State.WAITING and thread.child == world.child
    assert thread_services.staff_to_tell(thread) == [world.users["staff"]]
    assert "Over het slapen" in client_for("staff").get(reverse("families:mine")).content.decode()


def test_asking_about_a_child_of_another_family_is_refused(world, client_for):
    other_child = world.other_family.children.first()
    response = client_for("parent").post(reverse("portal:ask"), {"child": other_child.pk, "text": "Hoi"})
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Thread.objects.exists()


def _invite(world, client_for, caregiver):
    # The e-mail leaves once the invitation is committed; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for("staff").post(reverse("portal:invite", args=[world.family.pk, caregiver.pk]))
    return re.search(r"http://testserver(/portal/welcome/\S+/)", mail.outbox[-1].body).group(1)


def test_an_invited_caregiver_sets_a_password_once_and_can_sign_in(world, client_for, client):
    caregiver = f.CaregiverFactory(family=world.family, first_name="Thomas", email="thomas@example.nl")
    link = _invite(world, client_for, caregiver)
    assert "thomas@example.nl" in mail.outbox[-1].to
    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(link, {"new_password1": "Kn0ffel-en-slaapzak", "new_password2": "Kn0ffel-en-slaapzak"})
    assert response["Location"] == reverse("accounts:login")
    assert client.login(username="thomas@example.nl", password="Kn0ffel-en-slaapzak")
    client.logout()
    reused = client.get(link)
    assert reused.status_code == 410 and "Deze link werkt niet meer" in reused.content.decode()


def test_an_expired_invitation_gives_a_clear_page(world, client_for, client, settings):
    caregiver = f.CaregiverFactory(family=world.family, email="oma@example.nl")
    link = _invite(world, client_for, caregiver)
    settings.PORTAL_INVITATION_DAYS = -1
    client.logout()
    assert client.get(link).status_code == 410


def test_revoking_access_ends_the_parents_session(world, client_for):
    parent = client_for("parent")
    assert parent.get(reverse("portal:home")).status_code == 200
    from django.test import Client

    staff = Client()
    staff.force_login(world.users["staff"])
    staff.post(reverse("portal:revoke", args=[world.family.pk, world.caregiver.pk]))
    response = parent.get(reverse("portal:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_the_invitation_mail_leaves_only_when_the_account_is_saved(world):
    caregiver = f.CaregiverFactory(family=world.family, email="opa@example.nl")

    def invite_then_fail():
        with transaction.atomic():
            portal_services.caregiver_invite(caregiver=caregiver, by=world.users["staff"], base_url="http://testserver")
            raise RuntimeError("the request failed after the invitation")

    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        invite_then_fail()
    assert not callbacks and not mail.outbox


def test_revoking_access_records_who_did_it_and_a_new_invitation_clears_it(world, client_for):
    client_for("staff").post(reverse("portal:revoke", args=[world.family.pk, world.caregiver.pk]))
    world.caregiver.refresh_from_db()
    assert world.caregiver.access_revoked_by == world.users["staff"] and world.caregiver.access_revoked_at
    page = client_for("coordinator").get(world.family.get_absolute_url()).content.decode()
    assert f"toegang ingetrokken {timezone.localdate():%-d}" in page and world.users["staff"].first_name in page
    world.caregiver.email = "eva@example.nl"
    world.caregiver.save()
    _invite(world, client_for, world.caregiver)
    world.caregiver.refresh_from_db()
    assert world.caregiver.access_revoked_at is None and world.caregiver.access_revoked_by is None


def test_a_caregiver_without_e_mail_cannot_be_invited(world, client_for):
    caregiver = f.CaregiverFactory(family=world.family, email="")
    response = client_for("staff").post(reverse("portal:invite", args=[world.family.pk, caregiver.pk]), follow=True)
    assert "e-mailadres" in response.content.decode()
    assert not mail.outbox


def test_the_print_view_has_the_agreement_and_a_place_to_sign(world, client_for):
    content = client_for("staff").get(reverse("agreements:print", args=[world.family.pk, world.agreement.pk]))
    text = content.content.decode()
    assert world.agreement.current.goal.replace("'", "&#x27;") in text and "print.css" in text


def _react(world, agreement, text):
    thread_services.thread_start(
        caregiver=world.caregiver, by=world.users["parent"], topic=Topic.AGREEMENT, agreement=agreement, text=text
    )


def test_the_portal_pages_run_a_fixed_number_of_queries(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("parent")

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    # One reaction to start with: without any thread about it the page skips loading messages (one query less).
    _react(world, world.agreement, "De eerste")
    few = (count(reverse("portal:home")), count(_agreement_url(world)))
    for n in range(6):
        agreement = f.proposed_agreement(family=world.family, by=world.users["staff"], title=f"Afspraak {n}")
        _react(world, agreement, "Goed")
        f.ContactMomentFactory(
            family=world.family, author=world.users["staff"], visibility=Visibility.SHARED, shared_summary="Gedeeld"
        )
    _react(world, world.agreement, "Nog een")
    thread_services.thread_reply(
        thread=world.agreement.threads.get(), by=world.users["staff"], text="Een antwoord van het team"
    )
    many = (count(reverse("portal:home")), count(_agreement_url(world)))
    assert few == many
