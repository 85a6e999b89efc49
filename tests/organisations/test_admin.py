"""Django's admin pages for organisations, locations and groups (organisations/admin.py)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name, obj",
    [
        ("admin:organisations_organisation_change", "organisation"),
        ("admin:organisations_location_change", "location"),
        ("admin:organisations_group_change", "group"),
    ],
)
def test_the_admin_pages_open_with_their_inlines(world, client_for, url_name, obj):
    response = client_for("support").get(reverse(url_name, args=[getattr(world, obj).pk]))
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"]


@pytest.mark.parametrize(
    "url_name", ["admin:organisations_location_changelist", "admin:organisations_group_changelist"]
)
def test_the_admin_lists_search(world, client_for, url_name):
    response = client_for("support").get(reverse(url_name), {"q": "A"})
    assert response.status_code == 200


def test_the_organisation_admin_does_not_get_into_djangos_admin_so_sees_no_other_organisations_locations(
    world, foreign, client_for
):
    """Django's admin is for technical support (partnership/admin.py): the organisation admin runs the
    organisation in the app, where each organisation sees only its own (DESIGN.md section 4)."""
    response = client_for("admin").get(reverse("admin:organisations_location_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "Locatie Elders" not in response.content.decode()
