"""Staff accounts on the organisation admin's set-up pages (organisations/staff_views.py): invited by e-mail to
choose a password (accounts/invitations.py), with a role, groups or locations; deactivated with every session
ended and the history kept."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from pghistory.models import Events

from accounts.models import Role, User
from families.selectors import families_visible_to
from organisations.models import CoordinatorAssignment, StaffMembership
from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-42"


def _invite(client, **data):
    body = {"first_name": "Noor", "last_name": "Visser", "email": "noor.visser@example.nl", "role": "staff"}
    body.update(data)
    return client.post(reverse("organisations:staff_invite"), body)


def _link(message) -> str:
    return re.search(r"http://testserver(/accounts/welcome/[^\s]+/)", message.body).group(1)


def test_the_admin_invites_a_staff_member_who_chooses_a_password_and_sees_the_familes_of_her_group(
    world, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client_for("admin"), groups=[world.group.pk])
    assert response.status_code == 302
    noor = User.objects.get(username="noor.visser@example.nl")
    assert (noor.role, noor.organisation, noor.has_usable_password()) == (Role.STAFF, world.organisation, False)
    assert list(StaffMembership.objects.filter(user=noor).values_list("group", flat=True)) == [world.group.pk]
    assert list(families_visible_to(noor)) == [world.family]
    [message] = mail.outbox
    assert message.to == ["noor.visser@example.nl"]
    link = _link(message)
    assert "noor.visser@example.nl" in message.body

    client = client_for("anonymous")
    assert client.get(link).status_code == 200
    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    assert client.login(username="noor.visser@example.nl", password=PASSWORD)
    # The link worked once.
    client.logout()
    assert client.get(link).status_code == 410


def test_the_invitation_history_names_the_admin(world, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for("admin"), groups=[world.group.pk])
    noor = User.objects.get(username="noor.visser@example.nl")
    membership = StaffMembership.objects.get(user=noor)
    events = Events.objects.filter(pgh_obj_model="organisations.StaffMembership", pgh_obj_id=str(membership.pk))
    assert [(event.pgh_label, event.pgh_context["user"]) for event in events] == [("insert", world.users["admin"].pk)]
    assert Events.objects.filter(pgh_obj_model="accounts.User", pgh_obj_id=str(noor.pk)).exists()


def test_a_coordinator_is_invited_for_her_locations(world, client_for):
    _invite(client_for("admin"), role="coordinator", email="c@example.nl", locations=[world.other_location.pk])
    coordinator = User.objects.get(username="c@example.nl")
    assert list(coordinator.assignments.values_list("location", flat=True)) == [world.other_location.pk]
    assert not coordinator.memberships.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"role": "staff"}, "groups"),
        ({"role": "coordinator"}, "locations"),
        ({"role": "parent"}, "role"),
        ({"email": "geen-adres"}, "email"),
    ],
)
def test_an_incomplete_invitation_is_refused_at_its_field(data, field, world, client_for):
    response = _invite(client_for("admin"), **data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    # By the invitation's own name: the world's users have random Dutch first names, Noor among them at times.
    assert not User.objects.filter(first_name="Noor", last_name="Visser").exists()
    assert mail.outbox == []


def test_an_address_already_in_use_is_refused(world, client_for):
    world.users["staff"].email = "noor.visser@example.nl"
    world.users["staff"].save()
    response = _invite(client_for("admin"), groups=[world.group.pk], email="Noor.Visser@example.nl")
    assert "email" in response.context["form"].errors


def test_a_group_of_another_organisation_is_refused(world, foreign, client_for):
    response = _invite(client_for("admin"), groups=[foreign.group.pk])
    assert "groups" in response.context["form"].errors
    assert not User.objects.filter(first_name="Noor", last_name="Visser").exists()


def test_changing_the_role_moves_groups_to_locations_and_keeps_the_removal_in_history(world, client_for):
    staff = world.users["staff"]
    response = client_for("admin").post(
        reverse("organisations:staff_edit", args=[staff.pk]),
        {
            "first_name": staff.first_name,
            "last_name": staff.last_name,
            "role": "coordinator",
            "locations": [world.location.pk],
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.role == Role.COORDINATOR
    assert not StaffMembership.objects.filter(user=staff).exists()
    assert CoordinatorAssignment.objects.filter(user=staff, location=world.location).exists()
    labels = list(
        Events.objects.filter(pgh_obj_model="organisations.StaffMembership").values_list("pgh_label", flat=True)
    )
    assert "delete" in labels


def test_the_admin_cannot_change_her_own_role(world, client_for):
    admin = world.users["admin"]
    response = client_for("admin").post(
        reverse("organisations:staff_edit", args=[admin.pk]),
        {"first_name": "A", "last_name": "B", "role": "staff", "groups": [world.group.pk]},
    )
    assert "role" in response.context["form"].errors
    admin.refresh_from_db()
    assert admin.role == Role.ADMIN


def test_the_last_admin_cannot_be_demoted_by_another_and_the_organisation_keeps_one(world, client_for):
    other = f.UserFactory(role=Role.ADMIN, organisation=world.organisation)
    client = client_for("admin")
    ok = client.post(
        reverse("organisations:staff_edit", args=[other.pk]),
        {"first_name": "A", "last_name": "B", "role": "coordinator", "locations": [world.location.pk]},
    )
    assert ok.status_code == 302
    # Now the world's admin is the only one: she cannot deactivate herself either.
    client.post(reverse("organisations:staff_deactivate", args=[world.users["admin"].pk]))
    world.users["admin"].refresh_from_db()
    assert world.users["admin"].is_active


def test_deactivating_ends_every_session_and_keeps_what_they_wrote(world, client_for, client):
    from django.test import Client

    staff = world.users["staff"]
    their_browser = Client()
    their_browser.force_login(staff)
    assert Session.objects.count() == 1
    page = client_for("admin").get(reverse("organisations:staff_deactivate", args=[staff.pk]))
    assert page.context["mentees"] == 1  # Noor, placed in A1 today
    client_for("admin").post(reverse("organisations:staff_deactivate", args=[staff.pk]))
    staff.refresh_from_db()
    assert not staff.is_active
    assert their_browser.get(reverse("families:mine")).status_code == 302
    # Only the admin's own session is left.
    assert [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()] == [str(world.users["admin"].pk)]
    assert world.contact.__class__.objects.filter(author=staff).exists()
    assert StaffMembership.objects.filter(user=staff).exists()
    assert Events.objects.filter(pgh_obj_model="accounts.User", pgh_obj_id=str(staff.pk), pgh_label="update").exists()


def test_reactivating_lets_them_in_again(world, client_for):
    staff = world.users["staff"]
    staff.is_active = False
    staff.save()
    client_for("admin").post(reverse("organisations:staff_reactivate", args=[staff.pk]))
    staff.refresh_from_db()
    assert staff.is_active


def test_the_invitation_is_sent_again_only_while_no_password_was_chosen(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("admin")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, groups=[world.group.pk])
        noor = User.objects.get(username="noor.visser@example.nl")
        client.post(reverse("organisations:staff_resend", args=[noor.pk]))
        client.post(reverse("organisations:staff_resend", args=[world.users["staff"].pk]))
    assert [message.to for message in mail.outbox] == [["noor.visser@example.nl"], ["noor.visser@example.nl"]]


def test_a_deactivated_accounts_invitation_link_stops_working(world, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for("admin"), groups=[world.group.pk])
    noor = User.objects.get(username="noor.visser@example.nl")
    link = _link(mail.outbox[0])
    client_for("admin").post(reverse("organisations:staff_deactivate", args=[noor.pk]))
    assert client_for("anonymous").get(link).status_code == 410


def test_an_expired_invitation_link_no_longer_works(world, client_for, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for("admin"), groups=[world.group.pk])
    link = _link(mail.outbox[0])
    settings.PORTAL_INVITATION_DAYS = -1
    assert client_for("anonymous").get(link).status_code == 410


def test_a_parents_invitation_link_does_not_open_the_staff_welcome(world, client):
    """The staff link has a salt of its own: a token made for the portal is refused here."""
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from portal.services import invitation_tokens

    staff = world.users["staff"]
    token = invitation_tokens.make_token(staff)
    url = reverse("accounts:staff_welcome", args=[urlsafe_base64_encode(force_bytes(staff.pk)), token])
    assert client.get(url).status_code == 410


def test_the_staff_list_searches_and_never_shows_parents(world, client_for):
    response = client_for("admin").get(reverse("organisations:staff"))
    listed = {user.username for user in response.context["page"]}
    assert {"staff", "other_staff", "far_staff", "coordinator", "admin"} <= listed
    assert "parent" not in listed
    found = client_for("admin").get(reverse("organisations:staff"), {"q": world.users["coordinator"].last_name})
    assert world.users["coordinator"] in list(found.context["page"])


def test_another_organisations_staff_member_is_not_found(world, foreign, client_for):
    client = client_for("admin")
    assert client.get(reverse("organisations:staff_edit", args=[foreign.staff.pk])).status_code == 404
    assert client.post(reverse("organisations:staff_deactivate", args=[foreign.staff.pk])).status_code == 404
    foreign.staff.refresh_from_db()
    assert foreign.staff.is_active
