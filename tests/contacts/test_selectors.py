"""Who sees which contacts and follow-ups, and the figures built from them (no HTTP)."""

import datetime

import pytest
from django.utils import timezone

from contacts.choices import Kind, Visibility
from contacts.models import ChecklistTick
from contacts.selectors import (
    contacts_visible_to,
    default_caregivers_for,
    family_open_follow_ups,
    mentor_conversations_due,
    my_open_follow_ups,
    theme_coverage,
    timeline_for,
    with_last_contact,
)
from families.selectors import families_visible_to
from successfactors.models import ChecklistItem
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def confidential(world):
    """A confidential contact by the coordinator, the newest of the family."""
    return f.ContactMomentFactory(
        family=world.family,
        author=world.users["coordinator"],
        visibility=Visibility.CONFIDENTIAL,
        notes="Vertrouwelijk",
        occurred_at=timezone.now() - datetime.timedelta(minutes=5),
    )


def test_confidential_contact_is_invisible_to_other_staff_in_lists_too(world, confidential):
    staff = world.users["staff"]
    assert confidential not in contacts_visible_to(staff)
    assert confidential not in timeline_for(staff, world.family)
    family = with_last_contact(families_visible_to(staff), staff).get(pk=world.family.pk)
    assert family.last_contact_at == world.contact.occurred_at
    assert theme_coverage(contacts_visible_to(staff).filter(family=world.family))["total"] == 1


def test_confidential_contact_is_seen_by_its_author_and_coordinators_not_the_admin(world):
    mine = f.ContactMomentFactory(family=world.family, author=world.users["staff"], visibility=Visibility.CONFIDENTIAL)
    assert mine in contacts_visible_to(world.users["staff"])
    assert mine in contacts_visible_to(world.users["coordinator"])
    assert mine not in contacts_visible_to(world.users["admin"])


def test_a_parent_sees_only_contacts_shared_with_their_family(world):
    shared = f.ContactMomentFactory(
        family=world.family, author=world.users["staff"], visibility=Visibility.SHARED, shared_summary="Fijn gesprek"
    )
    f.ContactMomentFactory(
        family=world.other_family,
        author=world.users["far_staff"],
        visibility=Visibility.SHARED,
        shared_summary="Ander gezin",
    )
    assert list(contacts_visible_to(world.users["parent"])) == [shared]


def test_staff_of_another_group_see_no_contacts_of_the_family(world):
    assert not contacts_visible_to(world.users["other_staff"]).filter(family=world.family).exists()


def test_my_open_follow_ups_are_mine_open_and_overdue_first(world):
    staff = world.users["staff"]
    today = timezone.localdate()
    overdue = f.FollowUpFactory(contact=world.contact, owner=staff, due_on=today - datetime.timedelta(days=2))
    f.FollowUpFactory(contact=world.contact, owner=staff, done_on=today)
    f.FollowUpFactory(contact=world.contact, owner=world.users["coordinator"])
    assert list(my_open_follow_ups(staff)) == [overdue, world.follow_up]
    assert overdue.is_overdue() and not world.follow_up.is_overdue()
    assert len(family_open_follow_ups(staff, world.family)) == 3


def test_follow_ups_of_a_confidential_contact_show_only_to_those_who_may_see_it_or_own_it(world, confidential):
    hidden = f.FollowUpFactory(contact=confidential, owner=world.users["coordinator"])
    assigned = f.FollowUpFactory(contact=confidential, owner=world.users["staff"])
    visible = list(family_open_follow_ups(world.users["staff"], world.family))
    assert hidden not in visible and assigned in visible


def _mentor_conversation(world, days_ago):
    contact = f.ContactMomentFactory(
        family=world.family,
        author=world.users["staff"],
        kind=Kind.MENTOR_CONVERSATION,
        occurred_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    contact.children.set([world.child])


@pytest.mark.parametrize(
    "first_day_ago, last_conversation_ago, due",
    [
        (100, None, True),  # settled in, never had one: overdue
        (30, None, False),  # only just started: first one is due after 90 days, beyond the 30-day horizon
        (400, 30, False),  # had one a month ago
        (400, 160, True),  # the next is due within the coming weeks
    ],
)
def test_mentor_conversation_is_due_after_the_interval_or_after_settling_in(
    world, first_day_ago, last_conversation_ago, due
):
    world.placement.start_date = timezone.localdate() - datetime.timedelta(days=first_day_ago)
    world.placement.save()
    if last_conversation_ago:
        _mentor_conversation(world, last_conversation_ago)
    children = mentor_conversations_due(world.users["staff"])
    assert (world.child in children) is due


def test_theme_coverage_counts_contacts_per_theme_in_the_last_90_days(world):
    staff = world.users["staff"]
    item = ChecklistItem.objects.for_organisation(world.organisation).filter(theme="trust").first()
    recent = f.ContactMomentFactory(family=world.family, author=staff)
    old = f.ContactMomentFactory(
        family=world.family, author=staff, occurred_at=timezone.now() - datetime.timedelta(days=120)
    )
    for contact in (recent, old):
        ChecklistTick.objects.create(contact=contact, item=item, theme=item.theme, prompt=item.prompt)
    coverage = theme_coverage(contacts_visible_to(staff).filter(family=world.family))
    rows = {row["theme"]: row for row in coverage["rows"]}
    assert coverage["total"] == 2  # the world's contact and the recent one
    assert rows["trust"]["contacts"] == 1 and rows["trust"]["percent"] == 50
    assert rows["prejudice"]["contacts"] == 0


def test_a_colleagues_confidential_chat_does_not_choose_who_a_quick_chat_is_with(world):
    grandfather = f.CaregiverFactory(family=world.family, first_name="Opa", relation="grootvader")
    f.ContactMomentFactory(
        family=world.family,
        author=world.users["coordinator"],
        visibility=Visibility.CONFIDENTIAL,
        caregivers=[grandfather],
        occurred_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert default_caregivers_for(world.users["staff"], world.family) == [world.caregiver]
    assert default_caregivers_for(world.users["coordinator"], world.family) == [grandfather]
