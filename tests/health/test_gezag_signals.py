"""The signals that read gezag. "Not yet agreed" counts from when a parent with gezag could know of the version
(notified, or using the portal), and says to record the akkoord in a conversation when none of them uses the
portal; "the parents' own view" counts only caregivers with gezag, each one's latest answer; the family's health
page shows every caregiver's feedback per dimension with its remark and date, the others' apart."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements.models import Agreement
from families.models import Family
from health.computation import families_with_health
from health.models import Signal
from health.reasons import explain
from notifications.models import Notification
from portal.models import PartnershipFeedback
from tests import factories as f

pytestmark = pytest.mark.django_db


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def _family(world):
    return families_with_health(Family.objects.filter(pk=world.family.pk))[0]


def _proposal(world):
    family = _family(world)
    return family.level_proposal, next(r for r in explain(family) if r.signal == Signal.PROPOSAL)


def _proposed_days_ago(world, days):
    Agreement.objects.filter(pk=world.agreement.pk).update(proposed_at=_days_ago(days))


def _caregiver(world, first_name, *, authority=True, portal=True, relation="vader"):
    user = None
    if portal:
        user = f.UserFactory(username=first_name.lower(), role=Role.PARENT, organisation=world.organisation)
    return f.CaregiverFactory(
        family=world.family, first_name=first_name, relation=relation, has_parental_authority=authority, user=user
    )


def _without_portal(caregiver):
    caregiver.user.is_active = False
    caregiver.user.save()


@pytest.mark.parametrize("days, level", [(13, 0), (15, 1), (29, 2)])
def test_with_a_parent_in_the_portal_the_waiting_counts_from_the_proposal(world, days, level):
    _proposed_days_ago(world, days)
    found, reason = _proposal(world)
    assert found == level
    if level:
        assert f"{days} dagen" in reason.reason and "gebruikt het portaal" not in reason.reason
        assert reason.url == reverse("agreements:detail", args=[world.family.pk, world.agreement.pk])


def test_a_parent_who_joined_the_portal_later_counts_from_their_invitation(world):
    _proposed_days_ago(world, 30)
    world.caregiver.invited_at = _days_ago(5)
    world.caregiver.save()
    found, reason = _proposal(world)
    assert found == 0 and "5 dagen" in reason.reason


def test_a_parent_who_was_notified_counts_from_then_even_after_leaving_the_portal(world):
    _proposed_days_ago(world, 20)
    notification = Notification.objects.create(
        recipient=world.users["parent"],
        kind="agreement_proposed",
        event=f"agreement-version:{world.agreement.current_id}",
        link="/portal/",
        send_after=_days_ago(16),
    )
    Notification.objects.filter(pk=notification.pk).update(created_at=_days_ago(16))
    _without_portal(world.caregiver)
    found, reason = _proposal(world)
    assert found == 1 and "16 dagen" in reason.reason
    # A notification of another version does not count for this one: then nobody could know, and it counts from
    # the proposal.
    Notification.objects.filter(pk=notification.pk).update(event="agreement-version:0")
    found, reason = _proposal(world)
    assert found == 1 and "20 dagen" in reason.reason


def test_without_a_parent_with_gezag_in_the_portal_it_says_to_record_the_akkoord_in_a_conversation(world):
    _without_portal(world.caregiver)
    _caregiver(world, "Henk", authority=False, relation="opa")  # in the portal, but without gezag
    _proposed_days_ago(world, 15)
    found, reason = _proposal(world)
    assert found == 1
    assert "Geen van de ouders met ouderlijk gezag gebruikt het portaal" in reason.reason
    assert reason.action == "Leg het akkoord vast in een gesprek"
    assert reason.url == reverse("agreements:record_agreed", args=[world.family.pk, world.agreement.pk])


def test_a_grandfathers_notification_does_not_start_the_parents_waiting(world):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    _without_portal(world.caregiver)
    _proposed_days_ago(world, 20)
    notification = Notification.objects.create(
        recipient=opa.user,
        kind="agreement_proposed",
        event=f"agreement-version:{world.agreement.current_id}",
        link="/portal/",
        send_after=_days_ago(1),
    )
    Notification.objects.filter(pk=notification.pk).update(created_at=_days_ago(1))
    # Counted from the proposal (nobody with gezag could know by the portal), not from his notification.
    found, reason = _proposal(world)
    assert found == 1 and "20 dagen" in reason.reason and "gebruikt het portaal" in reason.reason


def _feedback(world, caregiver, days_ago, *, relatie=5, competentie=5, autonomie=5, remark=""):
    feedback = PartnershipFeedback.objects.create(
        family=world.family,
        caregiver=caregiver,
        relatie=relatie,
        competentie=competentie,
        autonomie=autonomie,
        remark=remark,
    )
    PartnershipFeedback.objects.filter(pk=feedback.pk).update(created_at=_days_ago(days_ago))
    return feedback


def _feedback_level(world):
    return _family(world).level_feedback


def test_a_grandfathers_low_scores_do_not_count_as_the_parents(world):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    _feedback(world, opa, 3, relatie=1, competentie=1, autonomie=1)
    assert _feedback_level(world) == 0
    _feedback(world, world.caregiver, 4, autonomie=2)
    # One low answer of one parent: attention. The grandfather's scores make it neither shared nor worse.
    assert _feedback_level(world) == 1


def test_each_parents_latest_answer_counts(world):
    thomas = _caregiver(world, "Thomas")
    _feedback(world, world.caregiver, 30, competentie=2)
    _feedback(world, thomas, 2)
    # Thomas's good month does not hide Eva's answer; her own newer answer does replace it.
    assert _feedback_level(world) == 1
    _feedback(world, world.caregiver, 1)
    assert _feedback_level(world) == 0
    _feedback(world, thomas, 200, relatie=1)  # older than the period
    assert _feedback_level(world) == 0


def test_the_family_health_page_shows_every_caregivers_feedback_with_remark_and_date(world, client_for):
    opa = _caregiver(world, "Henk", authority=False, relation="opa")
    _feedback(
        world, world.caregiver, 3, relatie=2, competentie=4, autonomie=5, remark="Ik hoor weinig over hoe Noor eet."
    )
    _feedback(world, opa, 10, relatie=1, remark="Opa <b>mist</b> de foto's.")
    _feedback(world, world.caregiver, 190, remark="Te oud om te tonen.")
    page = client_for("coordinator").get(reverse("health:family", args=[world.family.pk])).content.decode()
    parents = page.index("Ouders met ouderlijk gezag")
    others = page.index("Andere verzorgers (zonder ouderlijk gezag)")
    assert parents < page.index("Ik hoor weinig over hoe Noor eet.") < others
    assert others < page.index("Opa &lt;b&gt;mist&lt;/b&gt; de foto&#x27;s.")
    assert "Apart getoond: hun scores tellen niet mee in de score van de ouders." in page
    assert "Relatie: gehoord en gezien" in page and "<strong>2/5</strong>" in page and "4/5" in page
    assert timezone.localtime(_days_ago(3)).strftime("%Y") in page
    assert "Te oud om te tonen." not in page and "<b>mist</b>" not in page
    assert "Wat de ouders ons vertelden (afgelopen 180 dagen)" in page


def test_the_health_page_of_a_family_out_of_scope_shows_no_feedback(world, client_for):
    _feedback(world, world.caregiver, 3, remark="Alleen voor het eigen team.")
    response = client_for("other_staff").get(reverse("health:family", args=[world.family.pk]))
    assert response.status_code == 404 and b"Alleen voor het eigen team." not in response.content
