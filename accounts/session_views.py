"""The shared device (the tablet at the door): the unlock page of a locked session, and setting the PIN."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors, services, sessions
from accounts.forms import PinForm, UnlockForm
from accounts.views import safe_next


def _secret_fits(request, secret: str) -> tuple[bool, bool]:
    """(unlocked, with the password). A PIN is 4 to 6 digits; anything else is tried as the password, through
    authenticate() with the request so that django-axes counts a wrong one."""
    user = request.user
    if secret.isdigit() and 4 <= len(secret) <= 6 and services.unlock_pin_check(user=user, pin=secret):
        return True, False
    if len(secret) > 6 and authenticate(request, username=user.get_username(), password=secret) is not None:
        return True, True
    return False, False


@require_http_methods(["GET", "POST"])
def unlock(request):
    """A locked session on a shared device opens again with the user's PIN or password; after
    SHARED_DEVICE_UNLOCK_ATTEMPTS wrong tries the session ends."""
    session = request.session
    if not sessions.is_locked(session):
        return redirect(safe_next(request))
    form = UnlockForm(request.POST or None)
    if form.is_valid():
        unlocked, with_password = _secret_fits(request, form.cleaned_data["secret"])
        if unlocked:
            sessions.unlock(session)
            if with_password:
                sessions.mark_password_given(session)
            return redirect(safe_next(request))
        if sessions.count_unlock_failure(session) >= settings.SHARED_DEVICE_UNLOCK_ATTEMPTS:
            logout(request)
            messages.error(request, _("Too many wrong attempts: you have been signed out. Log in again."))
            return redirect_to_login("/")
        form.add_error("secret", _("That is not right. Try again."))
    context = {"form": form, "has_pin": selectors.unlock_pin(request.user) is not None, "next": safe_next(request)}
    return render(request, "accounts/unlock.html", context)


@sessions.recent_auth_required
@require_http_methods(["GET", "POST"])
def pin(request):
    form = PinForm(request.POST or None)
    if form.is_valid():
        services.unlock_pin_set(user=request.user, pin=form.cleaned_data["pin"])
        messages.success(request, _("Your PIN has been saved."))
        return redirect("accounts:account")
    return render(request, "accounts/pin.html", {"form": form})
