"""A parent's feedback remark reaches someone (issue "Parents are heard"): the mentor finds it among the messages
to answer on the staff home, the coordinator on the family's health page, per dimension and caregiver."""

from playwright.sync_api import expect

from tests import factories as f
from tests.browser.conftest import assert_accessible, login, screenshot

REMARK = "Ik hoor weinig over hoe Noah eet."


def test_a_feedback_remark_reaches_the_mentor_and_the_coordinator(demo, page_factory):
    from families.models import Caregiver
    from portal.models import PartnershipFeedback

    caregiver = Caregiver.objects.select_related("family").get(user__username="parent")
    PartnershipFeedback.objects.filter(caregiver=caregiver).delete()

    parent = page_factory("phone")
    login(parent, "parent")
    parent.goto("/portal/how-it-goes/")
    # One face per sentence: a tap on the face's label chooses it (the radio itself is hidden, .btn-check).
    for name, score in f.feedback_answers(competentie_help=2).items():
        parent.locator(f'label[for="id_{name}_{score - 1}"]').click()
    parent.locator('textarea[name="remark"]').fill(REMARK)
    assert_accessible(parent)
    parent.get_by_role("button", name="Versturen").click()
    parent.wait_for_load_state()

    mentor = page_factory("tablet")
    login(mentor, "staff")
    expect(mentor.get_by_text(REMARK).first).to_be_visible()
    assert_accessible(mentor)

    coordinator = page_factory("tablet")
    login(coordinator, "coordinator")
    coordinator.goto(f"/families/{caregiver.family_id}/health/")
    expect(coordinator.get_by_text(REMARK).first).to_be_visible()
    assert_accessible(coordinator)
    screenshot(coordinator, "feedback-remark-health-tablet")
