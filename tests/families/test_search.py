"""The families list's search: every word of the search matches some name of the family (its name, a first or
last name of a caregiver or child), in any case and order."""

import pytest
from django.urls import reverse

from families.selectors import family_list_for, search_words
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def warsame(world):
    """A family whose name is neither the caregiver's first nor last name, in the coordinator's group."""
    family = f.FamilyFactory(organisation=world.organisation, name="Warsame")
    f.CaregiverFactory(family=family, first_name="Hassan", last_name="Abdi")
    f.CaregiverFactory(family=family, first_name="Hodan", last_name="Warsame")
    child = f.ChildFactory(family=family, first_name="Ayaan", last_name="Abdi Warsame")
    f.PlacementFactory(child=child, group=world.group)
    # Another family with a Hassan, but no Abdi.
    other = f.FamilyFactory(organisation=world.organisation, name="Yusuf")
    f.CaregiverFactory(family=other, first_name="Hassan", last_name="Yusuf")
    f.PlacementFactory(child=f.ChildFactory(family=other, first_name="Amal"), group=world.group)
    return family


def _found(user, q):
    return [family.name for family in family_list_for(user, q=q)]


@pytest.mark.parametrize("q", ["hassan abdi", "Abdi Hassan", "  HASSAN   abdi ", "hassan ayaan", "warsame hassan"])
def test_search_matches_each_word_against_any_name_in_the_family(q, world, warsame):
    assert _found(world.users["coordinator"], q) == ["Warsame"]


def test_one_word_finds_every_family_that_has_it(world, warsame):
    assert _found(world.users["coordinator"], "hassan") == ["Warsame", "Yusuf"]


def test_every_word_must_match_somewhere_in_the_same_family(world, warsame):
    assert _found(world.users["coordinator"], "hassan amal") == ["Yusuf"]
    assert _found(world.users["coordinator"], "hassan noor") == []  # Noor is of another family


def test_search_stays_within_the_users_scope(world, warsame):
    assert _found(world.users["other_staff"], "hassan abdi") == []


def test_a_long_pasted_text_uses_only_its_first_words():
    assert search_words("a b c d e f g h a") == ["a", "b", "c", "d", "e", "f"]


def test_the_families_page_finds_hassan_abdi(world, warsame, client_for):
    content = client_for("coordinator").get(reverse("families:list"), {"q": "hassan abdi"}).content.decode()
    assert ">Warsame</a>" in content
    assert ">Yusuf</a>" not in content
