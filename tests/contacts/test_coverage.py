"""Checklist use that is fair: a theme's share counts only the contacts whose checklist held that theme (their
kind and tone, the organisation's catalogue, items not yet retired); a theme none of them could show is "—",
not 0 %. The expected shares are worked out by hand below."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contacts.choices import Kind, Tone
from contacts.models import ChecklistTick
from contacts.selectors import contacts_visible_to, theme_coverage, theme_coverage_per_author
from successfactors.models import ChecklistItem
from tests import factories as f

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2000, 1, 1)


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def catalogue(world):
    """A small catalogue of the world's organisation instead of the reference set (retired before any contact)."""
    ChecklistItem.objects.for_organisation(world.organisation).update(retired_on=LONG_AGO)

    def item(theme, kinds, tones=(), retired_on=None):
        return ChecklistItem.objects.create(
            organisation=world.organisation,
            theme=theme,
            prompt=f"{theme} bij {' en '.join(kinds)}",
            kinds=list(kinds),
            tones=list(tones),
            retired_on=retired_on,
        )

    return {
        "trust": item("trust", [Kind.INFORMAL, Kind.HOME_VISIT]),
        "child": item("child", [Kind.HOME_VISIT]),
        "support": item("support", [Kind.HOME_VISIT], tones=[Tone.WORRIED, Tone.TENSE]),
        "prejudice": item(
            "prejudice", [Kind.HOME_VISIT], retired_on=timezone.localdate() - datetime.timedelta(days=10)
        ),
        # Offered at phone calls only now; an informal contact ticked it before its kinds were changed.
        "basic_needs": item("basic_needs", [Kind.PHONE]),
    }


def _contact(world, author, kind, *ticks, tone=Tone.NEUTRAL, days=0):
    contact = f.ContactMomentFactory(
        family=world.family,
        author=author,
        kind=kind,
        tone=tone,
        occurred_at=_days_ago(days) - datetime.timedelta(hours=1),
    )
    for item in ticks:
        ChecklistTick.objects.create(contact=contact, item=item, theme=item.theme, prompt=item.prompt)
    return contact


@pytest.fixture
def contacts(world, catalogue):
    """Six contacts by the staff member in the last 90 days (the world's own informal chat is the first), and one
    older that does not count."""
    staff, c = world.users["staff"], catalogue
    _contact(world, staff, Kind.INFORMAL, c["trust"], tone=Tone.POSITIVE)
    _contact(world, staff, Kind.HOME_VISIT, c["trust"], c["child"])
    _contact(world, staff, Kind.HOME_VISIT, c["support"], tone=Tone.WORRIED)
    _contact(world, staff, Kind.HOME_VISIT, c["child"], days=20)
    _contact(world, staff, Kind.INFORMAL, c["basic_needs"], tone=Tone.POSITIVE)
    _contact(world, staff, Kind.HOME_VISIT, *c.values(), tone=Tone.TENSE, days=120)


def _rows(coverage):
    return {row["theme"]: (row["contacts"], row["offered"], row["percent"]) for row in coverage["rows"]}


def test_a_themes_share_counts_only_the_contacts_whose_checklist_held_it(world, contacts):
    coverage = theme_coverage(contacts_visible_to(world.users["staff"]).filter(author=world.users["staff"]))
    assert coverage["total"] == 6
    rows = _rows(coverage)
    # Every contact is an informal chat or a home visit, which both offer "trust": 2 of 6 ticked it.
    assert rows["trust"] == (2, 6, 33)
    # Only the three home visits offer "involve the child"; two ticked it. A chat is no miss here.
    assert rows["child"] == (2, 3, 67)
    # The support item is for a worried or tense parent: only the worried home visit could show it.
    assert rows["support"] == (1, 1, 100)
    # The prejudice item was retired ten days ago: only the home visit of twenty days ago had it.
    assert rows["prejudice"] == (0, 1, 0)
    # Not on a chat's checklist now, but one chat ticked it anyway: it counts, and never above 100 %.
    assert rows["basic_needs"] == (1, 1, 100)


def test_a_theme_no_contact_could_have_shown_has_no_share_instead_of_zero(world, contacts):
    rows = _rows(theme_coverage(contacts_visible_to(world.users["staff"]).filter(author=world.users["staff"])))
    for theme in ("basic_attitude", "referral", "partnership", "agreements", "diversity"):
        assert rows[theme] == (0, 0, None)


def test_the_shares_side_by_side_are_fair_per_staff_member(world, contacts, catalogue):
    staff, other, far = world.users["staff"], world.users["other_staff"], world.users["far_staff"]
    _contact(world, other, Kind.HOME_VISIT, catalogue["trust"], tone=Tone.POSITIVE)
    overview = theme_coverage_per_author(contacts_visible_to(world.users["coordinator"]), [staff, other, far])
    mine, theirs, nobody = overview["rows"]
    assert (mine["member"], mine["total"]) == (staff, 6)
    assert {row["theme"]: row["percent"] for row in mine["themes"]} == {
        "basic_attitude": None,
        "trust": 33,
        "support": 100,
        "referral": None,
        "partnership": None,
        "agreements": None,
        "child": 67,
        "diversity": None,
        "prejudice": 0,
        "basic_needs": 100,
    }
    # One home visit with a positive parent, "trust" ticked: child offered but not ticked, support not offered.
    theirs_rows = _rows({"rows": theirs["themes"]})
    assert theirs["total"] == 1
    assert theirs_rows["trust"] == (1, 1, 100)
    assert theirs_rows["child"] == (0, 1, 0)
    assert theirs_rows["support"] == (0, 0, None)
    assert nobody["total"] == 0 and all(row["percent"] is None for row in nobody["themes"])


def test_a_confidential_contact_of_a_colleague_is_not_counted(world, catalogue):
    staff = world.users["staff"]
    secret = _contact(world, world.users["coordinator"], Kind.HOME_VISIT, catalogue["child"])
    secret.visibility = "confidential"
    secret.save()
    rows = _rows(theme_coverage(contacts_visible_to(staff).filter(family=world.family)))
    assert rows["child"] == (0, 0, None)  # only the world's informal chat is visible
    rows = _rows(theme_coverage(contacts_visible_to(world.users["coordinator"]).filter(family=world.family)))
    assert rows["child"] == (1, 1, 100)


def test_the_side_by_side_figures_take_one_query_whatever_the_number_of_staff(world, catalogue):
    colleagues = [world.users["staff"]]
    with CaptureQueriesContext(connection) as few:
        theme_coverage_per_author(contacts_visible_to(world.users["coordinator"]), colleagues)
    for _ in range(6):
        member = f.UserFactory(organisation=world.organisation)
        f.StaffMembershipFactory(user=member, group=world.group)
        colleagues.append(member)
        for kind in (Kind.INFORMAL, Kind.HOME_VISIT, Kind.PHONE):
            _contact(world, member, kind, catalogue["trust"])
    with CaptureQueriesContext(connection) as many:
        overview = theme_coverage_per_author(contacts_visible_to(world.users["coordinator"]), colleagues)
    assert len(few) == len(many) == 1
    assert [row["total"] for row in overview["rows"][1:]] == [3] * 6


def test_the_checklist_use_page_shows_a_dash_for_a_theme_the_contacts_could_not_show(world, contacts, client_for):
    content = client_for("staff").get(reverse("contacts:coverage")).content.decode()
    assert "67%" in content and "2 van 3" in content  # involve the child
    assert content.count('class="coverage-none"') == 5


def test_the_team_overview_shows_fair_shares_and_dashes(world, contacts, client_for):
    content = client_for("coordinator").get(reverse("contacts:coverage")).content.decode()
    assert world.users["staff"].get_full_name() in content
    assert "67%" in content and "33%" in content
    assert 'class="coverage-none"' in content
