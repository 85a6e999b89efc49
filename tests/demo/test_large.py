"""`seed_demo --scale large` (demo/large.py) at a small scale: the sizes follow DESIGN.md section 5's proportions,
contacts have a long tail, the organisation works in the app, and the normal demo still recognises the database as
fictional."""

import pytest
from django.db.models import Count

from accounts.models import Role, User
from agreements.models import Agreement
from contacts.models import ChecklistTick, ContactMoment
from demo.large import ORGANISATION, SIZES, seed_large
from demo.seed import database_has_real_data
from families.models import Caregiver, Child, Family

pytestmark = pytest.mark.django_db
SCALE = 0.01


@pytest.fixture
def large():
    return seed_large(password="demo-partnership", scale=SCALE)


def test_the_sizes_follow_the_design_at_the_chosen_scale(large):
    expected = {name: round(value * SCALE) for name, value in SIZES.items()}
    assert Family.objects.filter(organisation=large).count() == expected["families"]
    assert Caregiver.objects.filter(family__organisation=large).count() == expected["caregivers"]
    assert Child.objects.filter(family__organisation=large).count() == expected["children"]
    assert ContactMoment.objects.filter(family__organisation=large).count() == expected["contacts"]
    assert Agreement.objects.filter(family__organisation=large).count() == expected["agreements"]
    ticks = ChecklistTick.objects.filter(contact__family__organisation=large).count()
    assert abs(ticks - expected["ticks"]) < expected["ticks"] * 0.05
    assert User.objects.filter(organisation=large).count() == expected["staff"]
    assert not Agreement.objects.filter(family__organisation=large, current__isnull=True).exists()


def test_most_families_have_tens_of_contacts_and_a_few_have_many_more(large):
    counts = sorted(Family.objects.filter(organisation=large).annotate(n=Count("contacts")).values_list("n", flat=True))
    median, top = counts[len(counts) // 2], counts[-1]
    assert 20 <= median <= 60
    assert top >= 3 * median


def test_every_child_has_a_mentor_of_its_group_and_every_group_has_staff(large):
    for child in Child.objects.filter(family__organisation=large).prefetch_related("placements__group__staff"):
        group = child.placements.get().group
        assert child.mentor in group.staff.all()


def test_a_coordinator_of_the_large_organisation_opens_the_health_dashboard(large, client):
    coordinator = User.objects.filter(organisation=large, role=Role.COORDINATOR).first()
    client.force_login(coordinator)
    assert client.get("/health/").status_code == 200


def test_the_large_organisation_counts_as_fictional_data(large):
    assert Family.objects.filter(organisation__name=ORGANISATION).exists()
    assert not database_has_real_data()
