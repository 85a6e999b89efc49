"""Password rules (issue 11, fault 9): common words, with or without digits around them, the user's own names,
fewer than 12 characters."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from accounts.validators import CommonStemValidator, password_stem
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def refused(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return [e.code for e in error.error_list]
    return []


@pytest.fixture
def lotte(db):
    return f.UserFactory.build(username="lotte.devries", first_name="Lotte", last_name="de Vries", role=Role.PARENT)


@pytest.mark.parametrize(
    "password",
    ["kinderopvang", "Kinderopvang2024!", "peuterspeelzaal1", "welkom123456", "Wachtwoord!2026", "zomer2024!!!!"],
)
def test_common_and_childcare_words_are_refused_with_or_without_digits(password):
    assert "password_common_stem" in refused(password)


def test_kinderopvang_is_refused(lotte):
    assert "password_common_stem" in refused("kinderopvang", lotte)


def test_lotte12345_is_refused(lotte):
    codes = refused("lotte12345", lotte)
    assert "password_from_user" in codes
    assert "password_too_short" in codes


def test_a_first_name_with_digits_is_refused_for_anyone(lotte):
    """Common first names are in the list too: a child's name and birth year is a favourite password."""
    other = f.UserFactory.build(username="jan", first_name="Jan", last_name="Smit")
    assert "password_common_stem" in refused("Lotte2019!!!!", other)


def test_the_validator_sees_the_stem_through_digits_symbols_and_swapped_letters(lotte):
    validator = CommonStemValidator()
    assert password_stem("!!Welkom2024!!") == "welkom"
    for password in ("w3lk0m2024!", "P@ssw0rd1234", "lotte-12345678", "DEVRIES2024!!"):
        with pytest.raises(ValidationError):
            validator.validate(password, lotte)


def test_only_digits_and_symbols_are_refused():
    assert "password_only_decoration" in refused("2024!!2025??")


def test_a_good_passphrase_is_accepted(lotte):
    assert refused("fiets-regen-koffie-lantaarn", lotte) == []
    assert refused("Drie vrolijke eenden op rij", lotte) == []


def test_twelve_characters_at_least():
    assert refused("kraai-appel") == ["password_too_short"]
    assert refused("kraai-appels") == []


def test_similar_to_the_username_is_refused():
    user = f.UserFactory.build(username="gerrit.hoekstra", first_name="Gerrit", last_name="Hoekstra")
    assert "password_too_similar" in refused("gerrithoekstra", user)


def test_the_password_change_page_refuses_a_weak_password(client, world):
    client.force_login(world.users["staff"])
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "kinderopvang2024", "new_password2": "kinderopvang2024"},
    )
    assert response.status_code == 200
    assert "bekend woord" in response.content.decode()
