"""Parent accounts and what parents do in the portal. Invitations use Django's token machinery: the link
holds a signed timestamp and a hash of the account's password state, so it expires, and it stops working
once it was used (setting a password changes that state) or when access is revoked."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from families.models import Caregiver
from partnership.languages import is_parent_language
from partnership.mail import mail_in_language
from portal.models import QUESTIONS, PartnershipFeedback, dimension_scores
from portal.selectors import suggested_language
from threads.services import feedback_thread


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
def caregiver_invite(*, caregiver, by, base_url: str, language: str | None = None) -> User:
    """Create (or reopen) the caregiver's portal account and e-mail a link to choose a password, in `language`
    (staff chose it on the invitation page; without it, the suggested one), which becomes the caregiver's."""
    language = language or suggested_language(caregiver)
    if not is_parent_language(language):
        raise ValidationError(_("The portal does not speak this language yet."))
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
    caregiver.access_revoked_at = caregiver.access_revoked_by = None
    # A language the portal does not speak (Somali, say) stays the caregiver's preferred one unless staff chose
    # another for the portal: the portal then falls back to the organisation's language, as it did already.
    if language != caregiver.portal_language:
        caregiver.preferred_language = language
    caregiver.save(update_fields=["user", "invited_at", "access_revoked_at", "access_revoked_by", "preferred_language"])
    message = mail_in_language(
        to=caregiver.email,
        language=language,
        subject_template="portal/email/invitation_subject.txt",
        text_template="portal/email/invitation.txt",
        context={
            "caregiver": caregiver,
            "link": base_url.rstrip("/") + invitation_path(user),
            "days": settings.PORTAL_INVITATION_DAYS,
            "username": user.username,
        },
    )
    # Only once the account exists for sure: a rolled-back invitation must not leave a working link behind.
    transaction.on_commit(message.send)
    return user


@transaction.atomic
def caregiver_language_set(*, caregiver, language: str) -> None:
    """The parent's own choice of the language of their portal and e-mails."""
    if not is_parent_language(language):
        raise ValidationError(_("The portal does not speak this language yet."))
    # Choosing the language the portal already shows them keeps a preferred language it does not speak.
    if language != caregiver.portal_language:
        caregiver.preferred_language = language
        caregiver.save(update_fields=["preferred_language"])


@transaction.atomic
def caregiver_revoke(*, caregiver, by) -> None:
    """End the caregiver's portal access. A new password hash also ends every open session of the account."""
    user = caregiver.user
    if user is None:
        return
    user.set_unusable_password()
    user.is_active = False
    user.save(update_fields=["password", "is_active"])
    caregiver.access_revoked_at = timezone.now()
    caregiver.access_revoked_by = by
    caregiver.save(update_fields=["access_revoked_at", "access_revoked_by"])


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
def feedback_give(*, caregiver, answers: dict[str, int], remark: str = "") -> PartnershipFeedback:
    """Store a parent's answers (one per question of portal.models.QUESTIONS, 1 to 5) with each dimension's
    score, the lowest answer of its questions."""
    if set(answers) != {name for name, _dimension in QUESTIONS} or not all(
        isinstance(score, int) and 1 <= score <= 5 for score in answers.values()
    ):
        raise ValidationError(_("Choose a face for every sentence."))
    # Hold the caregiver's row: of two simultaneous posts, the second waits here and then finds the first.
    Caregiver.objects.select_for_update().filter(pk=caregiver.pk).exists()
    if feedback_allowed_from(caregiver):
        raise ValidationError(_("You already told us how it goes this month. Thank you!"))
    feedback = PartnershipFeedback.objects.create(
        family_id=caregiver.family_id,
        caregiver=caregiver,
        # Relatie is its own question and dimension; the others get the lower answer of their two questions.
        **{**answers, **dimension_scores(answers)},
        remark=remark.strip(),
    )
    # A remark is a message that someone answers (hoorrecht en luisterplicht), not only a line on a page.
    feedback_thread(feedback=feedback)
    return feedback
