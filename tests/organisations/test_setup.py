"""The organisation admin's set-up pages (organisations/setup_views.py): locations, groups and the organisation's
settings, each change in the history; nobody but the admin gets in."""

import datetime

import pytest
from django.urls import reverse
from pghistory.models import Events

from accounts.models import Role
from health.rules import DEFAULTS, limits
from intakes.models import IntakeQuestion
from intakes.reference import QUESTIONS as REFERENCE_QUESTIONS
from organisations.models import Group, Location, Organisation
from organisations.selectors import quiet_days_for
from successfactors.models import ChecklistItem
from tests import factories as f

pytestmark = pytest.mark.django_db

SETUP_PAGES = [
    "organisations:setup",
    "organisations:locations",
    "organisations:location_add",
    "organisations:groups",
    "organisations:group_add",
    "organisations:staff",
    "organisations:staff_invite",
    "organisations:settings",
    "imports:index",
]


@pytest.mark.parametrize("role", ["coordinator", "staff", "parent"])
def test_a_coordinator_staff_member_or_parent_opening_the_set_up_pages_gets_403(role, world, client_for):
    client = client_for(role)
    answers = {name: client.get(reverse(name)).status_code for name in SETUP_PAGES}
    assert answers == dict.fromkeys(SETUP_PAGES, 403)


def test_the_admin_opens_every_set_up_page(world, client_for):
    client = client_for("admin")
    assert {name: client.get(reverse(name)).status_code for name in SETUP_PAGES} == dict.fromkeys(SETUP_PAGES, 200)


def _history_by(model, pk):
    """The users named in the history events of one record."""
    events = Events.objects.filter(pgh_obj_model=model._meta.label, pgh_obj_id=str(pk))
    return [(event.pgh_label, (event.pgh_context or {}).get("user")) for event in events.order_by("pgh_created_at")]


def test_the_admin_adds_a_location_and_the_history_says_who(world, client_for):
    response = client_for("admin").post(
        reverse("organisations:location_add"), {"name": "De Boomgaard", "address": "Kerkstraat 1, Utrecht"}
    )
    assert response.status_code == 302
    location = Location.objects.get(name="De Boomgaard")
    assert location.organisation == world.organisation
    assert _history_by(Location, location.pk) == [("insert", world.users["admin"].pk)]


def test_a_location_name_used_twice_is_refused_in_plain_words(world, client_for):
    response = client_for("admin").post(reverse("organisations:location_add"), {"name": world.location.name})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Location.objects.filter(name=world.location.name).count() == 1


def test_a_location_with_groups_stays_and_an_empty_one_can_go(world, client_for):
    client = client_for("admin")
    client.post(reverse("organisations:location_delete", args=[world.location.pk]))
    assert Location.objects.filter(pk=world.location.pk).exists()
    empty = f.LocationFactory(organisation=world.organisation, name="Leeg")
    assert client.post(reverse("organisations:location_delete", args=[empty.pk])).status_code == 302
    assert not Location.objects.filter(pk=empty.pk).exists()
    assert [label for label, _user in _history_by(Location, empty.pk)] == ["insert", "delete"]


def test_the_admin_adds_a_group_with_its_age_range_and_places(world, client_for):
    response = client_for("admin").post(
        reverse("organisations:group_add"),
        {
            "location": world.other_location.pk,
            "name": "Peertjes",
            "kind": "kdv",
            "age_from_months": 24,
            "age_to_months": 48,
            "capacity": 16,
        },
    )
    assert response.status_code == 302
    group = Group.objects.get(name="Peertjes")
    assert (group.location, group.age_from_months, group.age_to_months, group.capacity) == (
        world.other_location,
        24,
        48,
        16,
    )
    assert _history_by(Group, group.pk) == [("insert", world.users["admin"].pk)]


def test_an_age_range_upside_down_is_refused(world, client_for):
    response = client_for("admin").post(
        reverse("organisations:group_add"),
        {"location": world.location.pk, "name": "Omgekeerd", "kind": "kdv", "age_from_months": 48, "age_to_months": 24},
    )
    assert response.status_code == 200
    assert "age_to_months" in response.context["form"].errors
    assert not Group.objects.filter(name="Omgekeerd").exists()


def test_a_group_cannot_be_put_at_another_organisations_location(world, foreign, client_for):
    response = client_for("admin").post(
        reverse("organisations:group_add"), {"location": foreign.group.location.pk, "name": "Ingeslopen", "kind": "kdv"}
    )
    assert response.status_code == 200
    assert "location" in response.context["form"].errors
    assert not Group.objects.filter(name="Ingeslopen").exists()


def test_a_group_where_a_child_was_placed_stays_part_of_the_file(world, client_for):
    client = client_for("admin")
    client.post(reverse("organisations:group_delete", args=[world.group.pk]))
    assert Group.objects.filter(pk=world.group.pk).exists()
    unused = f.GroupFactory(location=world.location, name="Nieuw")
    client.post(reverse("organisations:group_delete", args=[unused.pk]))
    assert not Group.objects.filter(pk=unused.pk).exists()


def test_renaming_a_group_is_in_its_history(world, client_for):
    client_for("admin").post(
        reverse("organisations:group_edit", args=[world.group.pk]),
        {"location": world.location.pk, "name": "Rupsen", "kind": "kdv"},
    )
    world.group.refresh_from_db()
    assert world.group.name == "Rupsen"
    assert _history_by(Group, world.group.pk)[-1] == ("update", world.users["admin"].pk)


# --- Settings ----------------------------------------------------------------------------------------------------


def _settings(organisation, **changes):
    data = {
        "name": organisation.name,
        "go_live": "2026-09-01",
        "retention_months": 24,
        "contact_quiet_days": "",
        "safeguarding_officer_name": "Petra Smits",
        "safeguarding_officer_phone": "030-1234567",
        "safeguarding_officer_email": "aandacht@example.nl",
    }
    data.update(changes)
    return data


def test_the_admin_sets_thresholds_within_bounds_and_the_health_computation_uses_them(world, client_for):
    response = client_for("admin").post(
        reverse("organisations:settings"),
        _settings(world.organisation, contact_attention_days=14, contact_concern_days=28, contact_quiet_days=10),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=world.organisation.pk)
    assert organisation.health_thresholds == {"contact_attention_days": 14, "contact_concern_days": 28}
    assert (organisation.go_live, organisation.safeguarding_officer_name) == (datetime.date(2026, 9, 1), "Petra Smits")
    assert limits(organisation)["contact_attention_days"] == 14
    assert limits()["contact_attention_days"] == DEFAULTS["contact_attention_days"]
    assert quiet_days_for(world.users["staff"]) == 10
    assert _history_by(Organisation, organisation.pk)[-1] == ("update", world.users["admin"].pk)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"contact_attention_days": 3}, "contact_attention_days"),  # below 7: every family would turn
        ({"contact_attention_days": 400}, "contact_attention_days"),  # above 90: the signal would be off
        ({"messages_concern_working_days": 0}, "messages_concern_working_days"),
        ({"contact_quiet_days": 2}, "contact_quiet_days"),
        ({"retention_months": 0}, "retention_months"),
    ],
)
def test_a_threshold_outside_its_safe_bounds_is_refused(changes, field, world, client_for):
    response = client_for("admin").post(reverse("organisations:settings"), _settings(world.organisation, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    world.organisation.refresh_from_db()
    assert world.organisation.health_thresholds == {}


def test_attention_must_come_before_action_needed_also_against_a_default(world, client_for):
    # Action needed stays at its default of 42 days: an attention after 50 days would never be seen.
    response = client_for("admin").post(
        reverse("organisations:settings"), _settings(world.organisation, contact_attention_days=50)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    world.organisation.refresh_from_db()
    assert world.organisation.health_thresholds == {}


def test_a_stored_threshold_outside_the_bounds_is_refused_by_the_model_too(world):
    from django.core.exceptions import ValidationError

    world.organisation.health_thresholds = {"contact_attention_days": 1, "unknown": 5}
    with pytest.raises(ValidationError):
        world.organisation.full_clean()


def test_the_bounds_name_real_thresholds_and_hold_their_defaults():
    from organisations.thresholds import BOUNDS

    assert set(BOUNDS) <= set(DEFAULTS)
    assert {name for name, bound in BOUNDS.items() if not bound.low <= DEFAULTS[name] <= bound.high} == set()


def test_the_dashboard_follows_the_organisations_own_threshold(world, client_for):
    """The world's family had its contact 10 days ago: good at the default of 21 days, attention at 7."""
    from django.utils import timezone

    world.contact.occurred_at = timezone.now() - datetime.timedelta(days=10)
    world.contact.save()
    from health.computation import health_rows

    def contact_level():
        rows = health_rows(world.organisation.families.filter(pk=world.family.pk), viewer=world.users["coordinator"])
        return rows[0]["level_contact"]

    assert contact_level() == 0
    Organisation.objects.filter(pk=world.organisation.pk).update(
        health_thresholds={"contact_attention_days": 7, "contact_concern_days": 30}
    )
    world.users["coordinator"].refresh_from_db()
    assert contact_level() == 1


def test_a_new_organisation_in_djangos_admin_starts_today_with_its_catalogues(client_for, world):
    from django.utils import timezone

    client = client_for("support")
    form = client.get(reverse("admin:organisations_organisation_add"))
    assert form.context["adminform"].form.initial["go_live"] == timezone.localdate()
    client.post(
        reverse("admin:organisations_organisation_add"),
        {
            "name": "Kinderopvang Nieuw",
            "go_live": timezone.localdate().isoformat(),
            "retention_months": 24,
            "locations-TOTAL_FORMS": 0,
            "locations-INITIAL_FORMS": 0,
        },
    )
    organisation = Organisation.objects.get(name="Kinderopvang Nieuw")
    assert organisation.go_live == timezone.localdate()
    assert limits(organisation) == DEFAULTS
    assert IntakeQuestion.objects.filter(organisation=organisation).count() == len(REFERENCE_QUESTIONS)
    assert ChecklistItem.objects.for_organisation(organisation).active().exists()


def test_the_set_up_page_counts_what_is_done(world, client_for):
    progress = client_for("admin").get(reverse("organisations:setup")).context["progress"]
    assert (progress["locations"], progress["groups"]) == (2, 3)
    assert progress["staff"] == 4  # staff, other_staff, far_staff and the coordinator; not the admin
    f.UserFactory(role=Role.STAFF, organisation=world.organisation, is_active=False)
    assert client_for("admin").get(reverse("organisations:setup")).context["progress"]["staff"] == 4
