import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_parent_sees_their_child_and_the_mentor(world, client_for):
    content = client_for("parent").get(reverse("portal:home")).content.decode()
    assert "Noor" in content
    assert world.users["staff"].get_full_name() in content


def test_parent_never_sees_another_family(world, client_for):
    content = client_for("parent").get(reverse("portal:home")).content.decode()
    assert "Daantje-Twee" not in content
    assert world.other_family.name not in content


def test_parent_account_without_a_caregiver_record_gets_404(world, client_for):
    world.family.caregivers.update(user=None)
    assert client_for("parent").get(reverse("portal:home")).status_code == 404
