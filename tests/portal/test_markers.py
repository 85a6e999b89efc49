"""Nothing internal, no health, and nothing of another family ever reaches a parent page. Every family gets unique
marker texts in every internal field, and shared texts that only its own parents may read; then every
portal page a parent can open is searched for markers. The e-mails the outbox sends carry none of them, and no
family's name: only that something awaits the person."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from agreements import services as agreement_services
from contacts.choices import Visibility
from contacts.models import Addendum
from families.models import Consent, NetworkMember
from health.models import Acknowledgement, Snapshot
from notifications.services import send_due
from portal.models import PartnershipFeedback
from tests import factories as f
from threads import services as thread_services
from threads.models import Thread, Topic

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
    shared = f.ContactMomentFactory(
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
    caregiver = parent_user.caregiver
    for user in (author, parent_user):
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    # The parent's own words and the team's answers are theirs to read; the contact's internal fields are not.
    reaction = thread_services.thread_start(
        caregiver=caregiver, by=parent_user, topic=Topic.AGREEMENT, agreement=proposed, text=f"GEDEELD{tag}Xreaction"
    )
    thread_services.thread_reply(thread=reaction, by=author, text=f"GEDEELD{tag}Xanswer")
    thread_services.thread_start(
        caregiver=caregiver, by=parent_user, topic=Topic.SUMMARY, contact=shared, text=f"GEDEELD{tag}Xonsummary"
    )
    request = thread_services.conversation_request(
        caregiver=caregiver,
        by=parent_user,
        child=family.children.first(),
        text=f"GEDEELD{tag}Xrequest",
        preferred_moment=f"GEDEELD{tag}Xmoment",
    )
    thread_services.thread_close(thread=request, by=author, reason=f"GEDEELD{tag}Xclosed")
    PartnershipFeedback.objects.create(
        family=family, caregiver=caregiver, relatie=2, competentie=3, autonomie=4, remark=internal("feedback")
    )
    Acknowledgement.objects.create(family=family, signal="contact", level=1, note=internal("ack"), by=author)
    Snapshot.objects.create(family=family, day=datetime.date.today(), level=2, levels={"contact": 2})
    return proposed


def _parent_pages(client, agreements, threads, summaries):
    urls = [reverse("portal:home"), reverse("portal:feedback"), reverse("portal:ask")]
    urls += [reverse("threads:portal_list"), reverse("threads:portal_new")]
    urls += [reverse("portal:agreement", args=[agreement.pk]) for agreement in agreements]
    urls += [reverse("threads:portal_detail", args=[thread.pk]) for thread in threads]
    urls += [reverse("threads:portal_summary", args=[summary.pk]) for summary in summaries]
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
    # Include the other family's agreement, threads and summaries: each must be a 404 that shows nothing of it.
    threads = Thread.objects.filter(family__in=[world.family, world.other_family])
    summaries = [thread.contact for thread in threads if thread.contact_id]
    pages = _parent_pages(client, [agreements[mine.pk], agreements[other.pk], world.agreement], threads, summaries)
    seen = ""
    for url, response in pages.items():
        content = response.content.decode()
        assert "INTERN" not in content, f"internal data on {url}"
        assert "Relatie-gezondheid" not in content and "health-" not in content, f"health shown on {url}"
        assert f"GEDEELD{other.pk}X" not in content, f"another family's data on {url}"
        seen += content
    # The marker search can fail: the family's own shared texts do show.
    for marker in ("summary", "agreement", "reaction", "answer", "onsummary", "request", "moment", "closed"):
        assert f"GEDEELD{mine.pk}X{marker}" in seen
    assert pages[reverse("portal:agreement", args=[agreements[other.pk].pk])].status_code == 404
    for thread in threads.filter(family=other):
        assert pages[reverse("threads:portal_detail", args=[thread.pk])].status_code == 404


def test_the_notification_e_mails_carry_no_content_and_no_family_name(world):
    _seed_markers(world, world.family, world.users["staff"], world.users["parent"])
    report = send_due(now=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2))
    assert report.sent and mail.outbox
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert "GEDEELD" not in text and "INTERN" not in text, text
        assert world.family.name not in text, text
