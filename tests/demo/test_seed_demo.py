import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from demo import data
from families.models import Child, Family
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_demo_organisation_and_logins(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    for username in ["coordinator", "staff", "parent", "parent2", "admin"]:
        assert username in out
        assert User.objects.get(username=username).check_password("demo-partnership")
    assert Family.objects.count() == len(data.FAMILIES) == 30
    assert len({lang for family in Family.objects.all() for lang in family.home_languages}) >= 10


def test_seed_demo_is_idempotent():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Family.objects.count() == 30


def test_seed_demo_uses_demo_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "een-ander-wachtwoord")
    call_command("seed_demo")
    assert User.objects.get(username="staff").check_password("een-ander-wachtwoord")


def test_seed_demo_refuses_a_database_with_real_data():
    f.UserFactory(username="echte-medewerker")
    with pytest.raises(CommandError, match="not demo data"):
        call_command("seed_demo")
    assert not Family.objects.exists()


def test_seed_demo_if_empty_leaves_a_database_with_real_data_alone():
    f.UserFactory(username="echte-medewerker")
    call_command("seed_demo", "--if-empty")
    assert not Family.objects.exists()


def test_seed_demo_force_adds_the_demo_beside_real_data():
    f.UserFactory(username="echte-medewerker")
    call_command("seed_demo", "--force")
    assert Family.objects.count() == 30


def test_every_demo_child_has_a_mentor_who_works_in_the_childs_group_but_the_newest():
    call_command("seed_demo")
    children = Child.objects.select_related("mentor", "family").prefetch_related("placements__group__memberships")
    for child in children.exclude(family__name=data.NEW_FAMILY):
        groups = {p.group_id for p in child.placements.all()}
        mentor_groups = set(child.mentor.memberships.values_list("group_id", flat=True))
        assert groups & mentor_groups, child
    # The family that started three weeks ago waits for its mentor: the mentor signal shows it.
    assert not children.filter(family__name=data.NEW_FAMILY, mentor__isnull=False).exists()


def test_demo_parents_belong_to_different_families_at_different_locations():
    call_command("seed_demo")
    parent = Family.objects.get(caregivers__user__username="parent")
    parent2 = Family.objects.get(caregivers__user__username="parent2")
    assert parent != parent2
    assert User.objects.get(username="parent").role == Role.PARENT
    staff = User.objects.get(username="staff")
    assert parent.children.filter(placements__group__memberships__user=staff).exists()
    assert not parent2.children.filter(placements__group__memberships__user=staff).exists()
