"""Throttling of the ways in: failed logins (django-axes, configured in settings) and password-reset requests.

Failed logins are counted per username and per client address (AXES_LOCKOUT_PARAMETERS). A username is locked
after AXES_FAILURE_LIMIT failures in the cool-off period, so 30 guesses at one account never get through; an
address after LOGIN_ADDRESS_FAILURE_LIMIT failures, a higher number, because the staff of one childcare location
share one public address and one person's typos must not lock out their colleagues, while an address that tries
one password on many accounts (password spraying) is still stopped."""

import hashlib

from axes.conf import settings as axes_settings
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.shortcuts import render


def client_address(request) -> str | None:
    """The client's IP address. Behind TRUSTED_PROXY_COUNT proxies of our own, each of which appends the address
    it saw to X-Forwarded-For, the client is that many entries from the right; entries further left are whatever
    the client sent, so they are never trusted."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


class LoginThrottle(AxesDatabaseHandler):
    """django-axes's database handler with a separate, higher limit for an address (see the module docstring)."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        per_username, per_address = counts  # the order of AXES_LOCKOUT_PARAMETERS
        # Scaled so that the address reaches AXES_FAILURE_LIMIT exactly at its own limit.
        scaled = per_address * axes_settings.AXES_FAILURE_LIMIT // settings.LOGIN_ADDRESS_FAILURE_LIMIT
        return max(per_username, scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears that account's failures only: an address's failures for other accounts
        stay counted, so a sprayer cannot clear them by signing in to an account of their own."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page for a login refused while locked out (AXES_LOCKOUT_CALLABLE): the login page's frame with a
    clear message, answered 429 Too Many Requests. It names no username, so it tells nothing about accounts."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": cooloff_minutes()}
    return render(request, "accounts/locked_out.html", context, status=429)


def login_failures_reset(*, username: str) -> int:
    """Forget the failed logins of one account (the organisation admin's unlock)."""
    return LoginThrottle().reset_attempts(username=username)


# --- Password reset -----------------------------------------------------------------------------------------


def _counted(kind: str, value: str, limit: int) -> bool:
    """Count one request for `value`; True while the count within the window stays within `limit`. A fixed
    window that starts at the first request; the value is hashed so that no e-mail address sits in the cache."""
    key = f"reset-throttle:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"
    window = settings.PASSWORD_RESET_THROTTLE_SECONDS
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True


def password_reset_allowed(*, email: str, address: str | None) -> bool:
    """Count a password-reset request; False when this e-mail address or this client address has asked more
    often than the limits allow within the window. Both are counted, whatever the outcome, so a refused request
    still uses up the window."""
    email_ok = _counted("email", email.strip().lower(), settings.PASSWORD_RESET_LIMIT_PER_EMAIL)
    address_ok = _counted("address", address or "-", settings.PASSWORD_RESET_LIMIT_PER_ADDRESS)
    return email_ok and address_ok
