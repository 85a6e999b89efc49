"""Nothing internal, no health, and nothing of another family ever reaches a parent page. Every family gets unique
marker texts in every internal field, and shared texts that only its own parents may read; then every
portal page a parent can open is searched for markers."""

import datetime

import pytest
from django.urls import reverse

from agreements import services as agreement_services
from contacts.choices import Visibility
from contacts.models import Addendum
from families.models import Consent, NetworkMember
from health.models import Acknowledgement, Snapshot
from portal.models import PartnershipFeedback
from tests import factories as f

pytestmark = pytest.mark.django_db


def _seed_markers(world, family, author, parent_user):
    tag = f"{family.pk}"
    internal = lambda name: f"INTERN{tag}X{name}"  # noqa: E731
    family.notes = internal("notes")
    family.interpreter_notes = internal("interpreter")
    family.save()
    for child in family.children.all():
        child.talents = internal("talents")
        child.save()
    NetworkMember.objects.create(family=family, name=internal("network"), role="neighbour", notes=internal("nnotes"))
    Consent.objects.create(family=family, topic="other", details=internal("consent"))
    intake = f.IntakeFactory(family=family, conducted_by=author, answer=internal("intake"))
    assert intake
    internal_contact = f.ContactMomentFactory(
        family=family, author=author, summary=internal("summary"), notes=internal("cnotes")
    )
    f.FollowUpFactory(contact=internal_contact, owner=author, description=internal("followup"))
    Addendum.objects.create(contact=internal_contact, author=author, text=internal("addendum"))
    f.ContactMomentFactory(
        family=family,
        author=author,
        visibility=Visibility.CONFIDENTIAL,
        summary=internal("confidential"),
        notes=internal("confnotes"),
    )
    f.ContactMomentFactory(
        family=family,
        author=author,
        visibility=Visibility.SHARED,
        summary=internal("sharedinternal"),
        notes=internal("sharednotes"),
        shared_summary=f"GEDEELD{tag}Xsummary",
    )
    agreement_services.agreement_create(
        family=family, by=author, title=internal("draft"), content=f.agreement_content(goal=internal("draftgoal"))
    )
    proposed = f.proposed_agreement(family=family, by=author, title=f"GEDEELD{tag}Xagreement")
    agreement_services.agreement_react(agreement=proposed, by=parent_user, text=f"GEDEELD{tag}Xreaction")
    caregiver = parent_user.caregiver
    PartnershipFeedback.objects.create(
        family=family, caregiver=caregiver, relatie=2, competentie=3, autonomie=4, remark=internal("feedback")
    )
    Acknowledgement.objects.create(family=family, signal="contact", level=1, note=internal("ack"), by=author)
    Snapshot.objects.create(family=family, day=datetime.date.today(), level=2, levels={"contact": 2})
    return proposed


def _parent_pages(client, agreements):
    urls = [reverse("portal:home"), reverse("portal:feedback"), reverse("portal:ask")]
    urls += [reverse("portal:agreement", args=[agreement.pk]) for agreement in agreements]
    return {url: client.get(url) for url in urls}


@pytest.mark.parametrize("role", ["parent", "other_parent"])
def test_no_parent_page_shows_internal_data_or_another_familys_data(world, client_for, role):
    mine = world.family if role == "parent" else world.other_family
    other = world.other_family if role == "parent" else world.family
    agreements = {
        world.family.pk: _seed_markers(world, world.family, world.users["staff"], world.users["parent"]),
        world.other_family.pk: _seed_markers(
            world, world.other_family, world.users["far_staff"], world.users["other_parent"]
        ),
    }
    client = client_for(role)
    # Include the other family's agreement: it must be a 404 that shows nothing of it.
    pages = _parent_pages(client, [agreements[mine.pk], agreements[other.pk], world.agreement])
    seen = ""
    for url, response in pages.items():
        content = response.content.decode()
        assert "INTERN" not in content, f"internal data on {url}"
        assert "Relatie-gezondheid" not in content and "health-" not in content, f"health shown on {url}"
        assert f"GEDEELD{other.pk}X" not in content, f"another family's data on {url}"
        seen += content
    # The marker search can fail: the family's own shared texts do show.
    for marker in ("summary", "agreement", "reaction"):
        assert f"GEDEELD{mine.pk}X{marker}" in seen
    assert pages[reverse("portal:agreement", args=[agreements[other.pk].pk])].status_code == 404
