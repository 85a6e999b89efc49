"""The session rules, one middleware each, in this order after django-otp's OTPMiddleware:

0. SessionKeepAliveMiddleware (right after authentication): a signed-in session's idle limit counts from its
   last request, saved at most once a minute.

1. SessionLifetimeMiddleware: a session ends SESSION_ABSOLUTE_SECONDS after its login, however busy (the idle
   limit is Django's SESSION_COOKIE_AGE).
2. TwoFactorMiddleware: until the second step is done, only that step's pages (and logging out) open.
3. SharedDeviceMiddleware: a session on a shared device locks after SHARED_DEVICE_LOCK_SECONDS without a request;
   until it is unlocked, only the unlock page (and logging out) opens.
"""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import sessions, two_factor

# Pages that open in every state: leaving, the language, the load balancer's probe.
ALWAYS_OPEN = ("accounts:logout", "set_language", "healthz")
TWO_FACTOR_OPEN = (
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:recovery_codes",
    "accounts:confirm_password",
)
LOCKED_OPEN = ("accounts:unlock",)


@cache
def _paths(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(reverse(name) for name in (*ALWAYS_OPEN, *names))


def _opens(request, names: tuple[str, ...]) -> bool:
    return request.path_info in _paths(names) or request.path_info.startswith(f"/{settings.STATIC_URL.lstrip('/')}")


def _with_next(request, name: str):
    url = reverse(name)
    if request.method == "GET" and request.path_info != "/":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class SessionKeepAliveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            sessions.keep_alive(request.session)
        return self.get_response(request)


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and sessions.lifetime_over(request.session):
            path = request.get_full_path()
            logout(request)
            messages.info(request, _("You have been signed out because your session had lasted too long."))
            return redirect_to_login(path if request.method == "GET" else "/")
        return self.get_response(request)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not _opens(request, TWO_FACTOR_OPEN):
            step = two_factor.step_for(request)
            if step == two_factor.SETUP:
                return _with_next(request, "accounts:two_factor_setup")
            if step == two_factor.VERIFY:
                return _with_next(request, "accounts:two_factor_verify")
        return self.get_response(request)


class SharedDeviceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if sessions.is_shared(session) and request.user.is_authenticated:
            if sessions.is_locked(session):
                if not _opens(request, LOCKED_OPEN):
                    return _with_next(request, "accounts:unlock")
                # The unlock page itself does not count as activity.
                return self.get_response(request)
            sessions.seen(session)
        return self.get_response(request)
