"""Parent accounts and what parents do in the portal. Invitations use Django's token machinery: the link
holds a signed timestamp and a hash of the account's password state, so it expires, and it stops working
once it was used (setting a password changes that state) or when access is revoked."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from contacts.models import FollowUp
from portal.models import PartnershipFeedback


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "portal.invitation"

    def check_token(self, user, token) -> bool:
        # As Django's check, but with the invitation's own lifetime instead of PASSWORD_RESET_TIMEOUT.
        if not (user and token):
            return False
        try:
            ts = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - ts <= settings.PORTAL_INVITATION_DAYS * 24 * 3600


invitation_tokens = InvitationTokenGenerator()


def invitation_path(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("portal:welcome", args=[uid, invitation_tokens.make_token(user)])


@transaction.atomic
def caregiver_invite(*, caregiver, by, base_url: str) -> User:
    """Create (or reopen) the caregiver's portal account and e-mail a link to choose a password."""
    if not caregiver.email:
        raise ValidationError(_("Add the caregiver's e-mail address first."))
    user = caregiver.user
    if user is not None and user.is_active and user.has_usable_password():
        raise ValidationError(_("This caregiver already uses the portal."))
    if user is None:
        username = caregiver.email.lower()
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This e-mail address is already used by another account."))
        user = User(
            username=username,
            email=caregiver.email,
            first_name=caregiver.first_name,
            last_name=caregiver.last_name,
            role=Role.PARENT,
            organisation_id=caregiver.family.organisation_id,
        )
        user.set_unusable_password()
        user.save()
        caregiver.user = user
    else:
        user.is_active = True
        user.email = caregiver.email
        user.save(update_fields=["is_active", "email"])
    caregiver.invited_at = timezone.now()
    caregiver.save(update_fields=["user", "invited_at"])
    context = {
        "caregiver": caregiver,
        "link": base_url.rstrip("/") + invitation_path(user),
        "days": settings.PORTAL_INVITATION_DAYS,
        "username": user.username,
    }
    send_mail(
        subject=render_to_string("portal/email/invitation_subject.txt", context).strip(),
        message=render_to_string("portal/email/invitation.txt", context),
        from_email=None,
        recipient_list=[caregiver.email],
    )
    return user


@transaction.atomic
def caregiver_revoke(*, caregiver, by) -> None:
    """End the caregiver's portal access. A new password hash also ends every open session of the account."""
    user = caregiver.user
    if user is None:
        return
    user.set_unusable_password()
    user.is_active = False
    user.save(update_fields=["password", "is_active"])


@transaction.atomic
def invitation_accept(*, user, password: str) -> None:
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])


def feedback_allowed_from(caregiver, *, now=None) -> datetime.datetime | None:
    """None when the caregiver may give feedback now, else the moment they may again (once a month)."""
    last = PartnershipFeedback.objects.filter(caregiver=caregiver).order_by("-created_at").first()
    if last is None:
        return None
    again = last.created_at + datetime.timedelta(days=settings.PORTAL_FEEDBACK_INTERVAL_DAYS)
    return again if again > (now or timezone.now()) else None


@transaction.atomic
def feedback_give(*, caregiver, relatie: int, competentie: int, autonomie: int, remark: str) -> PartnershipFeedback:
    if feedback_allowed_from(caregiver):
        raise ValidationError(_("You already told us how it goes this month. Thank you!"))
    return PartnershipFeedback.objects.create(
        family_id=caregiver.family_id,
        caregiver=caregiver,
        relatie=relatie,
        competentie=competentie,
        autonomie=autonomie,
        remark=remark.strip(),
    )


@transaction.atomic
def conversation_request(*, caregiver, by, child, text: str) -> FollowUp:
    """A parent asks for a conversation: it becomes a follow-up for the child's mentor (or, without one, for
    the coordinators of the child's location)."""
    if child is not None and child.family_id != caregiver.family_id:
        raise ValidationError({"child": _("Choose one of your children.")})
    children = [child] if child else list(caregiver.family.children.select_related("mentor"))
    owner = next((c.mentor for c in children if c.mentor_id), None)
    if owner is None:
        owner = (
            User.objects.filter(
                role=Role.COORDINATOR, assignments__location__groups__placements__child__family=caregiver.family
            )
            .distinct()
            .first()
        )
    if owner is None:
        raise ValidationError(_("We could not find who to send this to. Please ask at the group."))
    return FollowUp.objects.create(
        family_id=caregiver.family_id,
        requested_by=caregiver,
        description=text.strip()[:300],
        owner=owner,
        created_by=by,
        due_on=timezone.localdate() + datetime.timedelta(days=settings.PORTAL_CONVERSATION_RESPONSE_DAYS),
        promised_to_parents=True,
    )
