"""Throttled logins and password resets (issue 11, fault 2), the organisation admin's unlock and login log."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
LOCKED_TEXT = "Daarom kunt u even niet inloggen"


def attempt(client, username, password, address="10.1.1.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, world):
    answers = [attempt(client, "staff", f"guess-{n}").status_code for n in range(30)]
    assert answers[:4] == [200] * 4  # the form, with its message
    assert set(answers[4:]) == {429}  # from the fifth on: the lockout page
    response = attempt(client, "staff", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_TEXT in response.content.decode()
    assert not signed_in(client)


def test_the_lock_holds_from_another_address_too(client, world):
    for n in range(5):
        attempt(client, "staff", f"guess-{n}", address="10.1.1.1")
    assert attempt(client, "staff", PASSWORD, address="10.9.9.9").status_code == 429


def test_the_lockout_page_is_clear_and_names_no_account(client, world):
    for n in range(5):
        response = attempt(client, "staff", f"guess-{n}")
    text = response.content.decode()
    assert response.status_code == 429
    assert "Probeer het over 15 minuten opnieuw" in text
    assert "Vraag de kinderopvang om uw account weer open te zetten" in text  # who can unlock it sooner
    assert "staff" not in text.split("<main", 1)[1]
    assert "<script>" not in text and "style=" not in text


def test_an_address_spraying_many_usernames_is_blocked(client, world):
    """One password tried on many accounts: no account reaches its own limit, the address does."""
    victims = [f.UserFactory(organisation=world.organisation).username for _ in range(20)]
    answers = [attempt(client, name, "Welkom2024!", address="203.0.113.7").status_code for name in victims]
    assert answers[-1] == 429
    assert 200 in answers  # it took a number of tries
    # Even the right password of an account it never tried is refused from that address...
    assert attempt(client, "coordinator", PASSWORD, address="203.0.113.7").status_code == 429
    # ...while the account itself logs in from anywhere else.
    assert attempt(client, "coordinator", PASSWORD, address="198.51.100.1").status_code == 302


def test_a_few_typos_at_a_shared_address_lock_out_no_colleague(client, world):
    """A location's staff share one public address: four typos by one person leave the others in."""
    for n in range(4):
        attempt(client, "other_staff", f"typo-{n}", address="192.0.2.10")
    assert attempt(client, "staff", PASSWORD, address="192.0.2.10").status_code == 302


def test_after_the_cool_off_the_right_password_works(client, world):
    for n in range(6):
        attempt(client, "staff", f"guess-{n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert attempt(client, "staff", PASSWORD).status_code == 302
    assert signed_in(client)


def test_success_resets_the_count(client, world):
    for n in range(4):
        attempt(client, "staff", f"guess-{n}")
    assert attempt(client, "staff", PASSWORD).status_code == 302
    client.logout()
    for n in range(4):
        attempt(client, "staff", f"again-{n}")
    assert attempt(client, "staff", PASSWORD).status_code == 302


def test_the_admin_sees_a_locked_user_and_unlocks_them(client, world):
    for n in range(5):
        attempt(client, "staff", f"guess-{n}")
    client.force_login(world.users["admin"])
    page = client.get(reverse("accounts:lockouts"))
    assert page.status_code == 200
    assert world.users["staff"] in page.context["users"]
    unlock = client.post(reverse("accounts:lockout_lift", args=[world.users["staff"].pk]))
    assert unlock["Location"] == reverse("accounts:lockouts")
    assert client.get(reverse("accounts:lockouts")).context["users"] == []
    client.logout()
    assert attempt(client, "staff", PASSWORD, address="10.3.3.3").status_code == 302


def test_the_admin_sees_no_lockout_of_another_organisation_and_cannot_lift_it(client, world, foreign):
    for n in range(5):
        attempt(client, "foreign_staff", f"guess-{n}")
    client.force_login(world.users["admin"])
    assert client.get(reverse("accounts:lockouts")).context["users"] == []
    assert client.post(reverse("accounts:lockout_lift", args=[foreign.staff.pk])).status_code == 404
    assert AccessAttempt.objects.filter(username="foreign_staff").exists()


def test_a_completed_password_reset_lifts_the_lock(client, world):
    """The link in the mail proves the account is theirs; the lockout page points there."""
    user = world.users["staff"]
    user.email = "sanne@example.nl"
    user.save()
    for n in range(5):
        attempt(client, "staff", f"guess-{n}")
    client.post(reverse("accounts:password_reset"), {"email": "sanne@example.nl"})
    link = mail.outbox[0].body.split("http://testserver", 1)[1].split()[0]
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        set_url, {"new_password1": "Drie-vrolijke-eenden-op-rij", "new_password2": "Drie-vrolijke-eenden-op-rij"}
    )
    assert attempt(client, "staff", "Drie-vrolijke-eenden-op-rij", address="10.4.4.4").status_code == 302


def test_logins_are_logged_and_the_admin_reads_the_log_of_their_organisation(client, world, foreign):
    attempt(client, "staff", "wrong-password")
    attempt(client, "staff", PASSWORD)
    client.logout()
    attempt(client, "foreign_staff", "wrong-password")
    assert AccessLog.objects.filter(username="staff").exists()
    assert AccessFailureLog.objects.filter(username="staff").exists()
    client.force_login(world.users["admin"])
    page = client.get(reverse("accounts:login_log"))
    assert page.status_code == 200
    rows = page.context["rows"]
    assert {(row["user"].username, row["ok"]) for row in rows} >= {("staff", True), ("staff", False)}
    assert all(row["user"].organisation_id == world.organisation.pk for row in rows)
    assert "foreign_staff" not in page.content.decode()


@pytest.mark.parametrize("role", ["staff", "coordinator", "parent"])
def test_only_the_organisation_admin_reads_lockouts_and_the_log(role, client_for):
    client = client_for(role)
    assert client.get(reverse("accounts:lockouts")).status_code == 403
    assert client.get(reverse("accounts:login_log")).status_code == 403


# --- Password reset ----------------------------------------------------------------------------------------


def reset(client, email, address="10.5.5.5"):
    return client.post(reverse("accounts:password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_resets_for_one_address_beyond_the_limit_send_no_mail_and_say_the_same(client, world):
    user = world.users["parent"]
    user.email = "eva@example.nl"
    user.save()
    answers = [reset(client, "eva@example.nl", address=f"10.6.6.{n}") for n in range(6)]
    assert len(mail.outbox) == 3
    assert {answer["Location"] for answer in answers} == {reverse("accounts:password_reset_done")}
    # Capitals and spaces make no other address.
    reset(client, " EVA@example.nl ", address="10.6.6.99")
    assert len(mail.outbox) == 3


def test_resets_from_one_client_address_are_limited_too(client, world):
    for number in range(12):
        f.UserFactory(organisation=world.organisation, email=f"ouder{number}@example.nl", role=Role.PARENT)
    for number in range(12):
        reset(client, f"ouder{number}@example.nl", address="203.0.113.50")
    assert len(mail.outbox) == 10
