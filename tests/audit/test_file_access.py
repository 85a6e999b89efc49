"""An organisation admin opens a family's file only with a recorded reason ("break the glass";
docs/security.md, "Organisation admins and family files"). Without one, a family URL sends a GET to the reason
form and refuses a POST; with one, the file opens for a while and every read carries the reason in the access
log. Staff and coordinators are never asked. The world's admin has `world.family` open (tests/conftest.py), so
these tests close it first or use `world.other_family`."""

import datetime
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AccessEvent, FileAccess, FileReason, Read
from families.selectors import families_listed_for, families_visible_to
from tests import factories as f
from tests.access_matrix import MATRIX
from tests.test_access_matrix import DatabaseWatch

pytestmark = pytest.mark.django_db

REASON = {"reason": FileReason.AVG_ACCESS, "explanation": "Moeder vroeg om inzage in het dossier."}


def _close(world):
    FileAccess.objects.filter(user=world.users["admin"]).update(until=timezone.now() - datetime.timedelta(minutes=1))


def _open_url(family, next_url=None):
    url = reverse("audit:open_file", args=[family.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _family_urls(world) -> dict[str, str]:
    """Every URL of the access matrix on one family's file, for `world.family`."""
    urls = {}
    for name, (kwargs_for, _expected) in MATRIX.items():
        kwargs = kwargs_for(world)
        if "pk" in kwargs and name != "audit:open_file":
            urls[name] = reverse(name, kwargs=kwargs)
    return urls


def test_without_a_reason_every_page_of_the_file_sends_the_admin_to_the_reason_form(world, client_for):
    _close(world)
    client = client_for("admin")
    urls = _family_urls(world)
    assert len(urls) > 30
    wrong = {}
    for name, url in urls.items():
        response = client.get(url)
        if response.status_code != 302 or response["Location"] != _open_url(world.family, url):
            wrong[name] = (response.status_code, response.get("Location"))
    assert wrong == {}
    assert not AccessEvent.objects.exists()


def test_without_a_reason_a_post_to_the_file_is_refused_and_changes_nothing(world, client_for):
    _close(world)
    client = client_for("admin")
    urls = _family_urls(world)  # before the watch: a few URLs' objects are made on first use (access_matrix.py)
    watch = DatabaseWatch()
    watch.forget_writes()
    answers = {
        name: client.post(url, {"name": "Veranderd", "text": "Ingeslopen"}).status_code for name, url in urls.items()
    }
    assert {name: status for name, status in answers.items() if status != 403} == {}
    assert watch.changed_tables() == []


def test_the_reason_form_opens_the_file_and_the_access_log_keeps_the_reason(world, client_for):
    _close(world)
    client = client_for("admin")
    contact_url = reverse("contacts:detail", args=[world.family.pk, world.contact.pk])
    form = client.get(_open_url(world.family, contact_url))
    assert form.status_code == 200
    assert world.family.name in form.content.decode()

    response = client.post(_open_url(world.family, contact_url), REASON)
    assert response.status_code == 302
    assert response["Location"] == contact_url
    assert client.get(contact_url).status_code == 200
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 200

    events = list(AccessEvent.objects.filter(family=world.family, user=world.users["admin"]).order_by("pk"))
    assert [event.what for event in events] == [Read.FAMILY, Read.CONTACT, Read.FAMILY]
    assert all(REASON["explanation"] in event.reason for event in events)
    assert "inzage" in events[0].reason.lower()  # the reason's own label: "De ouders vroegen ... (AVG: inzage)"
    access = FileAccess.objects.get(user=world.users["admin"], family=world.family, until__gt=timezone.now())
    assert access.reason == FileReason.AVG_ACCESS
    # Kept in history as well (django-pghistory).
    assert access.events.filter(pgh_label="insert").exists()


def test_the_coordinator_reads_the_admins_reason_in_the_access_log(world, client_for):
    _close(world)
    client_for("admin").post(_open_url(world.family), REASON)
    page = client_for("coordinator").get(reverse("audit:family", args=[world.family.pk]))
    assert REASON["explanation"] in page.content.decode()


def test_after_the_period_the_file_closes_again(world, client_for, settings):
    _close(world)
    client = client_for("admin")
    client.post(_open_url(world.family), REASON)
    access = FileAccess.objects.get(user=world.users["admin"], family=world.family, until__gt=timezone.now())
    assert access.until - access.opened_at == datetime.timedelta(minutes=settings.ADMIN_FILE_ACCESS_MINUTES)
    detail = reverse("families:detail", args=[world.family.pk])
    assert client.get(detail).status_code == 200
    _close(world)
    response = client.get(detail)
    assert response.status_code == 302
    assert response["Location"] == _open_url(world.family, detail)


def test_an_open_file_of_one_family_opens_no_other(world, client_for):
    response = client_for("admin").get(reverse("families:detail", args=[world.other_family.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(_open_url(world.other_family))


def test_another_admins_reason_does_not_open_the_file_for_me(world, client_for):
    colleague = f.UserFactory(role="admin", organisation=world.organisation)
    client = client_for("anonymous")
    client.force_login(colleague)
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 302


@pytest.mark.parametrize("role", ["staff", "coordinator"])
def test_staff_and_coordinators_are_never_asked_for_a_reason(role, world, client_for):
    client = client_for(role)
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 200
    assert client.get(reverse("health:family", args=[world.family.pk])).status_code == 200
    assert client.get(_open_url(world.family)).status_code == 403
    assert not FileAccess.objects.filter(user=world.users[role]).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"reason": FileReason.SUPPORT, "explanation": ""},
        {"reason": FileReason.SUPPORT, "explanation": "          "},
        {"reason": FileReason.SUPPORT, "explanation": "kijken"},
        {"reason": "", "explanation": "Moeder vroeg om inzage in het dossier."},
        {"reason": "curious", "explanation": "Moeder vroeg om inzage in het dossier."},
        {"explanation": "Moeder vroeg om inzage in het dossier."},
    ],
)
def test_the_reason_form_refuses_a_missing_reason_or_explanation(data, world, client_for):
    _close(world)
    client = client_for("admin")
    response = client.post(_open_url(world.family), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not FileAccess.objects.filter(until__gt=timezone.now()).exists()
    assert not AccessEvent.objects.exists()
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 302


def test_the_admin_of_another_organisation_gets_404(world, foreign, client_for):
    stranger = f.UserFactory(role="admin", organisation=foreign.family.organisation)
    client = client_for("anonymous")
    client.force_login(stranger)
    assert client.get(reverse("families:detail", args=[world.family.pk])).status_code == 404
    assert client.get(_open_url(world.family)).status_code == 404
    assert client.post(_open_url(world.family), REASON).status_code == 404
    assert client.post(reverse("families:edit", args=[world.family.pk]), {"name": "X"}).status_code == 404
    assert not FileAccess.objects.filter(user=stranger).exists()


def test_the_form_goes_back_only_to_a_page_of_this_site(world, client_for):
    _close(world)
    response = client_for("admin").post(_open_url(world.family, "https://elders.example/families/"), REASON)
    assert response["Location"] == reverse("families:detail", args=[world.family.pk])


def test_without_reasons_the_admin_still_runs_the_organisation(world, client_for):
    """Names, groups and health status: the family list, the dashboard and the overview, as before."""
    _close(world)
    client = client_for("admin")
    for url in [reverse("families:list"), reverse("health:dashboard"), reverse("health:export")]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert world.family.name in text and world.other_family.name in text, url
    assert client.get(reverse("organisations:overview")).status_code == 200
    assert client.get(reverse("families:mine")).status_code == 200


def test_the_admins_scope_is_the_opened_files_and_their_lists_the_whole_organisation(world):
    admin = world.users["admin"]
    assert list(families_visible_to(admin)) == [world.family]
    assert set(families_listed_for(admin)) == {world.family, world.other_family}
    _close(world)
    assert not families_visible_to(admin).exists()
    coordinator = world.users["coordinator"]
    assert set(families_listed_for(coordinator)) == set(families_visible_to(coordinator))
