"""Two-step login: setting up an authenticator app (with recovery codes), the code after the password, new
recovery codes, and turning it off (parents only: for staff it is required)."""

from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.util import random_hex

from accounts import selectors, services, sessions, two_factor
from accounts.forms import CodeForm, SetupCodeForm
from accounts.permissions import parent_required
from accounts.views import safe_next
from partnership.service_errors import errors_on


def _signed_in_with(request, device) -> None:
    """The second step is done: a new session key (the session now counts for more), then the device."""
    request.session.cycle_key()
    django_otp.login(request, device)


@sessions.recent_auth_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Add an authenticator app: scan the QR code (or type the key), then type its first code. The key waits in
    the session until the code confirms it, so a reload shows the same QR code and nothing is stored before."""
    hex_key = request.session.get(sessions.PENDING_TOTP_KEY)
    if hex_key is None:
        hex_key = request.session[sessions.PENDING_TOTP_KEY] = random_hex(20)
    form = SetupCodeForm(request.POST or None)
    if form.is_valid():
        with errors_on(form):
            device = services.totp_device_create(user=request.user, hex_key=hex_key, code=form.cleaned_data["code"])
            codes = services.recovery_codes_generate(user=request.user)
            del request.session[sessions.PENDING_TOTP_KEY]
            request.session[sessions.HAS_TWO_FACTOR] = True
            _signed_in_with(request, device)
            request.session[sessions.FRESH_RECOVERY_CODES] = codes
            messages.success(request, _("Two-step login is on."))
            return redirect(f"{reverse('accounts:recovery_codes')}?{urlencode({'next': safe_next(request)})}")
    url = two_factor.config_url(user=request.user, hex_key=hex_key)
    context = {
        "form": form,
        "qr": two_factor.qr_data_uri(url),
        "secret": two_factor.secret_text(hex_key),
        "required": two_factor.required_for(request.user),
        "replacing": selectors.has_two_factor(request.user),
        "next": safe_next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step after the password: a code from the app, or one of the recovery codes."""
    if two_factor.step_for(request) != two_factor.VERIFY:
        return redirect(safe_next(request))
    if not selectors.has_two_factor(request.user):  # turned off in another session since this one logged in
        request.session[sessions.HAS_TWO_FACTOR] = False
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        # django-otp makes a device wait longer after each wrong code (throttling); while it waits, no code is tried.
        if services.two_factor_throttled(user=request.user, code=form.cleaned_data["code"]):
            form.add_error("code", _("Too many wrong codes. Wait a minute, then type the newest code."))
        else:
            device = services.two_factor_verify(user=request.user, code=form.cleaned_data["code"])
            if device is not None:
                _signed_in_with(request, device)
                if isinstance(device, StaticDevice):
                    left = selectors.recovery_codes_left(request.user)
                    text = _("You used a recovery code; %(left)s are left. Make new ones under My account.")
                    messages.warning(request, text % {"left": left})
                return redirect(safe_next(request))
            form.add_error("code", _("This code is not right. Type the newest code from your app, or a recovery code."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": safe_next(request)})


@require_safe
def recovery_codes(request):
    """The recovery codes just made, shown this once."""
    codes = request.session.pop(sessions.FRESH_RECOVERY_CODES, None)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once. You can make new ones here."))
        return redirect("accounts:account")
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)})


@sessions.recent_auth_required
@require_POST
def recovery_codes_new(request):
    if not selectors.has_two_factor(request.user):
        return redirect("accounts:two_factor_setup")
    request.session[sessions.FRESH_RECOVERY_CODES] = services.recovery_codes_generate(user=request.user)
    return redirect("accounts:recovery_codes")


@parent_required
@sessions.recent_auth_required
@require_POST
def turn_off(request):
    services.two_factor_turn_off(user=request.user)
    request.session[sessions.HAS_TWO_FACTOR] = False
    messages.success(request, _("Two-step login is off."))
    return redirect("accounts:account")
