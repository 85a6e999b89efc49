"""What a signed-in session remembers about how it was signed in, and the rules that follow from it:
the absolute lifetime (from the login), re-authentication before a security change (from the last time the
password was given), and the lock of a session on a shared device (from the last request).

Times are Unix seconds, so they survive the session's JSON serialisation."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

LOGIN_AT = "accounts_login_at"
AUTH_AT = "accounts_auth_at"
SHARED = "accounts_shared_device"
LAST_SEEN = "accounts_last_seen"
LOCKED = "accounts_locked"
UNLOCK_FAILURES = "accounts_unlock_failures"
PENDING_TOTP_KEY = "accounts_pending_totp_key"
FRESH_RECOVERY_CODES = "accounts_fresh_recovery_codes"
REFRESHED_AT = "accounts_refreshed_at"
# Whether the user had two-step login when this session logged in: read once at the login rather than on every
# request. A device added later is verified in the session that adds it.
HAS_TWO_FACTOR = "accounts_has_two_factor"


def now() -> float:
    return time.time()


def keep_alive(session) -> None:
    """The idle limit (SESSION_COOKIE_AGE) counts from the last request. Writing the session on every request
    (SESSION_SAVE_EVERY_REQUEST) cost three queries on every page; moving its end once per
    SESSION_REFRESH_SECONDS keeps the limit within that margin."""
    if now() - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
        session[REFRESHED_AT] = now()


def mark_login(session) -> None:
    """At every login, whichever way it happened (the login form, the Django admin's, a password reset)."""
    session[LOGIN_AT] = session[AUTH_AT] = session[REFRESHED_AT] = now()


def mark_password_given(session) -> None:
    session[AUTH_AT] = now()


def lifetime_over(session) -> bool:
    """A session without a login time predates this rule: it ends too."""
    login_at = session.get(LOGIN_AT)
    return login_at is None or now() - login_at > settings.SESSION_ABSOLUTE_SECONDS


def auth_is_recent(session) -> bool:
    auth_at = session.get(AUTH_AT)
    return auth_at is not None and now() - auth_at <= settings.REAUTHENTICATE_AFTER_SECONDS


def mark_shared(session) -> None:
    session[SHARED] = True
    session[LAST_SEEN] = now()


def is_shared(session) -> bool:
    return bool(session.get(SHARED))


def is_locked(session) -> bool:
    """Whether a shared session is locked, locking it once it has been idle too long."""
    if not is_shared(session):
        return False
    if not session.get(LOCKED) and now() - session.get(LAST_SEEN, 0) > settings.SHARED_DEVICE_LOCK_SECONDS:
        session[LOCKED] = True
    return bool(session.get(LOCKED))


def seen(session) -> None:
    session[LAST_SEEN] = now()


def unlock(session) -> None:
    session[LOCKED] = False
    session[UNLOCK_FAILURES] = 0
    session[LAST_SEEN] = now()


def count_unlock_failure(session) -> int:
    session[UNLOCK_FAILURES] = session.get(UNLOCK_FAILURES, 0) + 1
    return session[UNLOCK_FAILURES]


def recent_auth_required(view):
    """Changing the password, the e-mail address, the second factor or the unlock PIN asks for the password
    again when it was last given more than REAUTHENTICATE_AFTER_SECONDS ago, so that a session left open on
    someone else's screen cannot take over the account."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not auth_is_recent(request.session):
            # A button (POST) cannot be repeated by a redirect: back to the account page, where the buttons are.
            back = request.get_full_path() if request.method == "GET" else reverse("accounts:account")
            return redirect(f"{reverse('accounts:confirm_password')}?{urlencode({'next': back})}")
        return view(request, *args, **kwargs)

    return wrapped


def context(request) -> dict:
    """Template context processor: `shared_device` folds sensitive details on a shared device."""
    session = getattr(request, "session", None)
    return {"shared_device": session is not None and is_shared(session)}
