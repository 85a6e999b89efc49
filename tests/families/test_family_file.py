import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pghistory.models import Events

from families import services
from families.models import Caregiver, Child, Family, NetworkMember, Placement
from tests import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _post(client, name, data, **kwargs):
    return client.post(reverse(name, kwargs=kwargs), data)


def test_staff_creates_a_family_with_its_first_child_in_their_group(world, client_for):
    client = client_for("staff")
    response = _post(
        client,
        "families:create",
        {
            "family_name": "Bos",
            "home_languages": ["nl", "pl"],
            "child_first_name": "Lotte",
            "child_last_name": "Bos",
            "date_of_birth": "2025-01-10",
            "group": world.group.pk,
            "start_date": TODAY.isoformat(),
            "mentor": world.users["staff"].pk,
        },
    )
    family = Family.objects.get(name="Bos")
    assert response["Location"] == family.get_absolute_url()
    assert family.home_languages == ["nl", "pl"]
    assert family.children.get().placements.get().group == world.group
    assert client.get(family.get_absolute_url()).status_code == 200


def test_new_family_with_a_mentor_from_another_group_is_refused(world, client_for):
    response = _post(
        client_for("coordinator"),
        "families:create",
        {
            "family_name": "Bos",
            "child_first_name": "Lotte",
            "child_last_name": "Bos",
            "date_of_birth": "2025-01-10",
            "group": world.group.pk,
            "start_date": TODAY.isoformat(),
            "mentor": world.users["other_staff"].pk,
        },
    )
    assert response.status_code == 200
    assert "De mentor moet werken in de groep van het kind" in response.content.decode()
    assert not Family.objects.filter(name="Bos").exists()


def test_staff_cannot_place_a_new_family_in_a_group_that_is_not_theirs(world, client_for):
    response = _post(
        client_for("staff"),
        "families:create",
        {
            "family_name": "Bos",
            "child_first_name": "Lotte",
            "child_last_name": "Bos",
            "date_of_birth": "2025-01-10",
            "group": world.far_group.pk,
            "start_date": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Family.objects.filter(name="Bos").exists()


def test_a_date_of_birth_in_the_future_is_a_form_error(world, client_for):
    response = _post(
        client_for("staff"),
        "families:child_add",
        {
            "first_name": "Later",
            "last_name": "Kind",
            "date_of_birth": (TODAY + datetime.timedelta(days=3)).isoformat(),
            "group": world.group.pk,
            "start_date": TODAY.isoformat(),
        },
        pk=world.family.pk,
    )
    assert response.status_code == 200
    assert "De geboortedatum kan niet in de toekomst liggen" in response.content.decode()
    assert not Child.objects.filter(first_name="Later").exists()


def test_missing_required_fields_and_odd_input_give_form_errors_not_500(world, client_for):
    client = client_for("staff")
    bad = {"first_name": "", "last_name": "x" * 5000, "date_of_birth": "31-31-2020", "group": "abc", "mentor": "99999"}
    response = _post(client, "families:child_add", bad, pk=world.family.pk)
    assert response.status_code == 200
    assert response.content.decode().count("invalid-feedback") >= 3


def test_a_duplicate_caregiver_is_refused(world, client_for):
    response = _post(
        client_for("staff"),
        "families:caregiver_add",
        {
            "first_name": "eva",
            "last_name": world.caregiver.last_name,
            "preferred_language": "nl",
            "preferred_contact": "phone",
        },
        pk=world.family.pk,
    )
    assert "al onderdeel van het gezin" in response.content.decode()
    assert world.family.caregivers.count() == 1


def test_staff_adds_a_caregiver(world, client_for):
    response = _post(
        client_for("staff"),
        "families:caregiver_add",
        {
            "first_name": "Youssef",
            "last_name": "Amrani",
            "relation": "vader",
            "has_parental_authority": "on",
            "preferred_language": "ar",
            "preferred_contact": "phone",
        },
        pk=world.family.pk,
    )
    assert response.status_code == 302
    assert Caregiver.objects.get(first_name="Youssef").family == world.family


def test_the_mentor_must_work_in_one_of_the_childs_groups(world, client_for):
    response = _post(
        client_for("staff"),
        "families:child_edit",
        {
            "first_name": "Noor",
            "last_name": "X",
            "date_of_birth": "2024-05-01",
            "mentor": world.users["other_staff"].pk,
        },
        pk=world.family.pk,
        child_pk=world.child.pk,
    )
    assert response.status_code == 200
    world.child.refresh_from_db()
    assert world.child.mentor == world.users["staff"]


def test_overlapping_placements_in_one_group_are_refused(world, client_for):
    response = _post(
        client_for("staff"),
        "families:placement_add",
        {"group": world.group.pk, "start_date": TODAY.isoformat()},
        pk=world.family.pk,
        child_pk=world.child.pk,
    )
    assert "heeft in die periode al een plaatsing in deze groep" in response.content.decode()
    assert world.child.placements.count() == 1


def test_the_database_refuses_overlapping_placements_too(world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(child=world.child, group=world.group, start_date=TODAY)


def test_a_placement_in_another_group_at_the_same_time_is_fine(world, client_for):
    f.StaffMembershipFactory(user=world.users["staff"], group=world.other_group)
    response = _post(
        client_for("staff"),
        "families:placement_add",
        {"group": world.other_group.pk, "start_date": TODAY.isoformat()},
        pk=world.family.pk,
        child_pk=world.child.pk,
    )
    assert response.status_code == 302
    assert world.child.placements.count() == 2


def test_second_save_of_a_stale_family_form_is_refused_and_shows_the_other_version(world, client_for):
    client = client_for("staff")
    url = reverse("families:edit", args=[world.family.pk])
    stale_version = world.family.version
    assert (
        _post(client, "families:edit", {"name": "Eerste", "version": stale_version}, pk=world.family.pk).status_code
        == 302
    )
    response = client.post(url, {"name": "Tweede", "version": stale_version})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Iemand anders heeft dit gezin gewijzigd" in content
    assert 'value="Eerste"' in content
    world.family.refresh_from_db()
    assert world.family.name == "Eerste"


def test_a_forged_version_field_changes_nothing(world, client_for):
    response = _post(client_for("staff"), "families:edit", {"name": "X", "version": "abc"}, pk=world.family.pk)
    assert response.status_code == 200
    world.family.refresh_from_db()
    assert world.family.name == "Familie Eén"


def test_archiving_ends_placements_and_drops_the_family_from_staff_lists(world, client_for):
    response = _post(
        client_for("coordinator"), "families:archive", {"archived_on": TODAY.isoformat()}, pk=world.family.pk
    )
    assert response.status_code == 302
    world.placement.refresh_from_db()
    assert world.placement.end_date == TODAY
    staff = client_for("staff")
    assert world.family.name not in staff.get(reverse("families:mine")).content.decode()
    coordinator = client_for("coordinator")
    assert coordinator.get(world.family.get_absolute_url()).status_code == 200
    listed = coordinator.get(reverse("families:list"), {"archived": "on"}).content.decode()
    assert world.family.name in listed
    assert world.family.name not in coordinator.get(reverse("families:list")).content.decode()


def test_an_archived_family_cannot_be_edited(world, client_for):
    services.family_archive(family=world.family, archived_on=TODAY)
    assert client_for("coordinator").get(reverse("families:edit", args=[world.family.pk])).status_code == 404


def test_search_finds_a_family_by_the_name_of_a_child_or_caregiver(world, client_for):
    client = client_for("coordinator")
    assert world.family.name in client.get(reverse("families:list"), {"q": "noor"}).content.decode()
    assert world.family.name in client.get(reverse("families:list"), {"q": "eva"}).content.decode()
    assert world.family.name not in client.get(reverse("families:list"), {"q": "zzz"}).content.decode()


def test_filters_by_group_mentor_and_interpreter(world, client_for):
    client = client_for("admin")
    url = reverse("families:list")
    assert world.family.name in client.get(url, {"group": world.group.pk}).content.decode()
    assert world.family.name not in client.get(url, {"group": world.far_group.pk}).content.decode()
    assert world.family.name in client.get(url, {"mentor": world.users["staff"].pk}).content.decode()
    assert world.family.name not in client.get(url, {"interpreter": "on"}).content.decode()
    assert client.get(url, {"group": "not-a-number", "q": "x" * 500}).status_code == 200


def test_network_member_can_be_added_and_removed(world, client_for):
    client = client_for("staff")
    _post(client, "families:network_add", {"name": "Oma Joke", "role": "grandparent"}, pk=world.family.pk)
    member = NetworkMember.objects.get(name="Oma Joke")
    client.post(reverse("families:network_delete", args=[world.family.pk, member.pk]))
    assert not NetworkMember.objects.filter(pk=member.pk).exists()


def test_other_group_staff_cannot_delete_a_network_member_or_withdraw_a_consent(world, client_for):
    client = client_for("other_staff")
    response = client.post(reverse("families:network_delete", args=[world.family.pk, world.network_member.pk]))
    assert response.status_code == 404
    response = client.post(reverse("families:consent_withdraw", args=[world.family.pk, world.consent.pk]))
    assert response.status_code == 404
    assert NetworkMember.objects.filter(pk=world.network_member.pk).exists()


def test_withdrawing_a_consent_keeps_the_record_with_the_date(world, client_for):
    client_for("staff").post(reverse("families:consent_withdraw", args=[world.family.pk, world.consent.pk]))
    world.consent.refresh_from_db()
    assert world.consent.withdrawn_on == TODAY
    assert not world.consent.is_active


def test_a_consent_dated_in_the_future_is_refused(world, client_for):
    response = _post(
        client_for("staff"),
        "families:consent_add",
        {"topic": "outings", "given": "on", "recorded_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
        pk=world.family.pk,
    )
    assert response.status_code == 200
    assert world.family.consents.count() == 1


def test_every_change_is_kept_in_history_with_who_made_it(world, client_for):
    client = client_for("staff")
    _post(client, "families:edit", {"name": "Nieuwe naam", "version": world.family.version}, pk=world.family.pk)
    event = Events.objects.references(world.family).filter(pgh_obj_model="families.Family", pgh_label="update").get()
    assert event.pgh_context["user"] == world.users["staff"].pk
    page = client_for("coordinator").get(reverse("families:history", args=[world.family.pk])).content.decode()
    assert world.users["staff"].get_full_name() in page


def test_history_cannot_be_rewritten_by_the_app(world):
    from django.db import InternalError, transaction

    from families.models import FamilyEvent

    services.family_update(family=world.family, expected_version=world.family.version, name="Anders")
    with pytest.raises(InternalError), transaction.atomic():
        FamilyEvent.objects.all().update(name="vervalst")
    assert not FamilyEvent.objects.filter(name="vervalst").exists()


def _count(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def _grow(world, families):
    for _ in range(families):
        family = f.FamilyFactory(organisation=world.organisation)
        for _ in range(2):
            f.CaregiverFactory(family=family)
            child = f.ChildFactory(family=family, mentor=world.users["staff"])
            f.PlacementFactory(child=child, group=world.group)
        f.NetworkMemberFactory(family=family)
        f.ConsentFactory(family=family)


def test_family_list_runs_a_fixed_number_of_queries_at_two_sizes(world, client_for):
    client = client_for("coordinator")
    _grow(world, 3)
    few = _count(client, reverse("families:list"), {"q": ""})
    _grow(world, 40)
    assert _count(client, reverse("families:list"), {"q": ""}) == few


def test_family_page_runs_a_fixed_number_of_queries_whatever_the_size(world, client_for):
    client = client_for("staff")
    url = world.family.get_absolute_url()
    few = _count(client, url)
    for _ in range(4):
        f.CaregiverFactory(family=world.family)
        child = f.ChildFactory(family=world.family)
        f.PlacementFactory(child=child, group=world.group)
        f.NetworkMemberFactory(family=world.family)
        f.ConsentFactory(family=world.family)
        f.IntakeFactory(family=world.family, conducted_by=world.users["staff"])
    _grow(world, 20)
    assert _count(client, url) == few
