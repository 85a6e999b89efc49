"""Reads about accounts that depend on who asks: the organisation admin sees the lockouts and the login log of
their own organisation's users only; everyone else reads only their own second factor and PIN."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, UnlockPin, User

LOGIN_LOG_LENGTH = 200


def organisation_users(viewer):
    """The users an organisation admin manages: those of their own organisation."""
    if viewer.role != Role.ADMIN or viewer.organisation_id is None:
        return User.objects.none()
    return User.objects.filter(organisation_id=viewer.organisation_id)


def organisation_user(viewer, pk: int) -> User:
    return get_object_or_404(organisation_users(viewer), pk=pk)


def invited_staff(uidb64: str) -> User | None:
    """The active staff, coordinator or admin account an invitation link names (the caller checks its token):
    a deactivated account's link stops working."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    staff_roles = [Role.STAFF, Role.COORDINATOR, Role.ADMIN]
    return User.objects.filter(pk=pk, role__in=staff_roles, is_active=True).select_related("organisation").first()


def locked_out_users(viewer) -> list[User]:
    """The viewer's organisation's users whose failed logins have reached the limit within the cool-off period,
    each with `failures` and `last_failure`; the lock ends by itself at `locked_until`."""
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    counts = {
        row["username"]: row
        for row in AccessAttempt.objects.filter(attempt_time__gte=threshold, username__isnull=False)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last_failure=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    }
    users = list(organisation_users(viewer).filter(username__in=counts).order_by("last_name", "first_name"))
    for user in users:
        user.failures = counts[user.username]["failures"]
        user.last_failure = counts[user.username]["last_failure"]
        user.locked_until = user.last_failure + settings.AXES_COOLOFF_TIME
    return users


def login_log(viewer, *, limit: int = LOGIN_LOG_LENGTH) -> list[dict]:
    """The latest logins, successful and failed, of the viewer's organisation's users, newest first. Failed
    attempts for usernames that do not exist belong to no organisation and are not shown here."""
    names = {user.username: user for user in organisation_users(viewer)}
    successes = AccessLog.objects.filter(username__in=names).order_by("-attempt_time")[:limit]
    failures = AccessFailureLog.objects.filter(username__in=names).order_by("-attempt_time")[:limit]
    rows = [_log_row(row, names, ok=True) for row in successes] + [_log_row(row, names, ok=False) for row in failures]
    return sorted(rows, key=lambda row: row["at"], reverse=True)[:limit]


def _log_row(row, names, *, ok: bool) -> dict:
    return {
        "at": row.attempt_time,
        "user": names[row.username],
        "ok": ok,
        "ip": row.ip_address,
        "agent": row.user_agent,
        "logout_at": row.logout_time if ok else None,
        "locked_out": not ok and row.locked_out,
    }


def totp_device(user) -> TOTPDevice | None:
    """The user's authenticator app (confirmed), if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def unlock_pin(user) -> UnlockPin | None:
    return UnlockPin.objects.filter(user=user).first()
