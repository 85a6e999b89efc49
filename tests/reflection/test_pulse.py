"""The staff pulse: anonymous (no user on an answer, a separate marker against a second answer), once a month,
and shown to coordinators per location only from five answers."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.models import Role
from reflection.models import PulseAnswered, PulseResponse
from reflection.selectors import month_of, team_figures
from tests import factories as f

pytestmark = pytest.mark.django_db


def _answer(client, location, relatie=4, competentie=3, autonomie=5):
    return client.post(
        reverse("reflection:pulse"),
        {"location": location.pk, "relatie": relatie, "competentie": competentie, "autonomie": autonomie},
    )


def _staff_of(world, n):
    people = []
    for i in range(n):
        user = f.UserFactory(username=f"pulse_{i}", role=Role.STAFF, organisation=world.organisation)
        f.StaffMembershipFactory(user=user, group=world.group)
        people.append(user)
    return people


def test_an_answer_is_stored_without_the_user_and_only_once_a_month(world, client_for):
    client = client_for("staff")
    assert _answer(client, world.location).status_code == 302
    response = PulseResponse.objects.get()
    assert (response.location, response.month, response.relatie, response.autonomie) == (
        world.location,
        month_of(),
        4,
        5,
    )
    assert {f.name for f in PulseResponse._meta.concrete_fields} == {
        "id",
        "location",
        "month",
        "relatie",
        "competentie",
        "autonomie",
    }
    assert PulseAnswered.objects.filter(user=world.users["staff"], month=month_of()).exists()
    # A second answer in the same month is refused and changes nothing.
    second = _answer(client, world.location, relatie=1)
    assert second.status_code == 200
    assert PulseResponse.objects.count() == 1 and PulseAnswered.objects.count() == 1


def test_the_marker_and_the_answer_cannot_be_lined_up_by_their_keys(world, client_for):
    _answer(client_for("staff"), world.location)
    _answer(client_for("other_staff"), world.location)
    ids = [str(pk) for pk in PulseResponse.objects.values_list("id", flat=True)]
    assert all(len(pk) == 36 for pk in ids)  # random UUIDs, not a sequence
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            [PulseResponse._meta.db_table],
        )
        columns = {row[0] for row in cursor.fetchall()}
    assert not columns & {"user_id", "created_at", "answered_at"}


def test_a_location_outside_ones_own_is_refused(world, client_for):
    response = _answer(client_for("staff"), world.other_location)
    assert response.status_code == 200
    assert not PulseResponse.objects.exists() and not PulseAnswered.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "admin", "parent"])
def test_only_pedagogical_staff_answer_the_pulse(world, client_for, role):
    assert _answer(client_for(role), world.location).status_code == 403
    assert not PulseResponse.objects.exists()


def test_a_scale_outside_one_to_five_is_refused(world, client_for):
    response = _answer(client_for("staff"), world.location, relatie=6)
    assert response.status_code == 200 and not PulseResponse.objects.exists()


def test_fewer_than_five_answers_show_nothing_but_not_enough_answers(world, client_for):
    for user in [world.users["staff"], world.users["other_staff"], *_staff_of(world, 2)]:
        client = client_for("staff")
        client.force_login(user)
        _answer(client, world.location, relatie=1)
    page = client_for("coordinator").get(reverse("reflection:teams"))
    assert PulseResponse.objects.count() == 4
    figure = page.context["rows"][0].months[0][2]
    assert not figure.shown and figure.relatie is None
    html = page.content.decode()
    assert "Not enough answers to show" in html or "Te weinig antwoorden om te tonen" in html
    assert "1.0" not in html and "1,0" not in html


def test_five_answers_show_the_averages_of_the_location(world, client_for):
    for i, user in enumerate([world.users["staff"], world.users["other_staff"], *_staff_of(world, 3)]):
        client = client_for("staff")
        client.force_login(user)
        _answer(client, world.location, relatie=1 + i, competentie=3, autonomie=5)
    figure = team_figures(world.users["coordinator"])[0].months[0][2]
    assert figure.shown and figure.respondents == 5
    assert (figure.relatie, figure.competentie, figure.autonomie) == (3.0, 3.0, 5.0)
    html = client_for("coordinator").get(reverse("reflection:teams")).content.decode()
    assert "3.0" in html or "3,0" in html


def test_a_coordinator_sees_only_their_own_locations_pulse(world, client_for):
    far = f.UserFactory(username="far_coordinator", role=Role.COORDINATOR, organisation=world.organisation)
    f.CoordinatorAssignmentFactory(user=far, location=world.other_location)
    assert [row.location for row in team_figures(far)] == [world.other_location]
