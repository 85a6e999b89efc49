"""A strange `next` (issue 11, fault 7, found again by tests/test_fuzz_forms.py on the shared device's unlock
page): anything but a path on this site goes to the home page, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_address", ["0", "abc", "👩‍👧", "//evil.example/", "https://evil.example/"])
def test_a_next_that_is_not_a_path_on_this_site_goes_home(world, client_for, next_address):
    response = client_for("staff").post(f"{reverse('accounts:unlock')}?next={next_address}")
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_path_on_this_site_is_followed(world, client_for):
    response = client_for("staff").post(reverse("accounts:unlock"), {"next": reverse("families:list")})
    assert response["Location"] == reverse("families:list")
