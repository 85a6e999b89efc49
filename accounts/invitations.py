"""Staff accounts are made by the organisation admin and started by the person themselves: the e-mail holds a
link to choose a password. The link follows the parents' invitation (portal/services.py): a signed timestamp and
a hash of the account's password state, with a salt of its own, so it expires after PORTAL_INVITATION_DAYS and
stops working once a password was chosen."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from portal.services import InvitationTokenGenerator


class StaffInvitationTokenGenerator(InvitationTokenGenerator):
    key_salt = "accounts.staff_invitation"


staff_invitation_tokens = StaffInvitationTokenGenerator()


def staff_invitation_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("accounts:staff_welcome", args=[uid, staff_invitation_tokens.make_token(user)])


def staff_invitation_send(*, user: User, organisation, base_url: str) -> None:
    """E-mail the link, once the transaction that made or reopened the account has committed (a rolled-back
    invitation must not leave a working link behind)."""
    context = {
        "user": user,
        "organisation": organisation,
        "link": base_url.rstrip("/") + staff_invitation_path(user),
        "days": settings.PORTAL_INVITATION_DAYS,
        "username": user.username,
        "role": user.get_role_display(),
    }
    subject = render_to_string("accounts/email/staff_invitation_subject.txt", context).strip()
    message = render_to_string("accounts/email/staff_invitation.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject=subject, message=message, from_email=None, recipient_list=[user.email])
    )
