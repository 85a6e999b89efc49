"""Walks every URL pattern of the project and checks the answer for every role (DESIGN.md section 4)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_matrix import ADMIN_NAMESPACE, MATRIX, ROLES


def named_patterns(patterns=None, namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"


def project_patterns():
    return sorted({name for name in named_patterns() if not name.startswith(f"{ADMIN_NAMESPACE}:")})


def test_every_url_is_classified():
    unclassified = [name for name in project_patterns() if name not in MATRIX]
    assert not unclassified, f"Add these URLs to tests/access_matrix.py: {unclassified}"


def test_matrix_has_no_stale_entries():
    assert not set(MATRIX) - set(project_patterns())


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_url_answers_role_as_classified(name, role, world, client_for):
    kwargs, expected = MATRIX[name]
    client = client_for(role)
    response = client.get(reverse(name, kwargs=kwargs(world)))
    assert response.status_code == expected[role], f"{name} as {role}"
    if role == "anonymous" and expected[role] == 302 and name not in ("set_language",):
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "role, expected", [("anonymous", 302), ("parent", 302), ("staff", 302), ("coordinator", 302), ("admin", 200)]
)
def test_django_admin_is_for_organisation_admins_only(role, expected, world, client_for):
    response = client_for(role).get(reverse("admin:families_family_changelist"))
    assert response.status_code == expected


@pytest.mark.parametrize(
    "url_name",
    ["admin:families_family_change", "admin:intakes_intake_change", "admin:intakes_intakequestion_change"],
)
def test_admin_pages_of_the_family_file_open_for_the_admin(url_name, world, client_for):
    obj = {"admin:families_family_change": world.family, "admin:intakes_intake_change": world.intake}.get(
        url_name, world.question
    )
    response = client_for("admin").get(reverse(url_name, args=[obj.pk]))
    assert response.status_code == 200
