from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts import selectors, services, sessions, two_factor
from accounts.forms import (
    ConfirmPasswordForm,
    EmailForm,
    PasswordChangeCrispyForm,
    SafePasswordResetForm,
    SetPasswordCrispyForm,
    SharedDeviceLoginForm,
)
from accounts.permissions import is_parent
from accounts.throttle import client_address, password_reset_allowed
from partnership.redirects import next_path
from partnership.service_errors import errors_on


def safe_next(request, default=None) -> str:
    """The `next` the request carries when it stays on this site, else the default (the home page)."""
    return next_path(request, default or resolve_url("home"))


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SharedDeviceLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("shared_device"):
            sessions.mark_shared(self.request.session)
        return response


@method_decorator(sessions.recent_auth_required, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeCrispyForm
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = SafePasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        form.allowed = password_reset_allowed(email=form.cleaned_data["email"], address=client_address(self.request))
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordCrispyForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_unlock(user=form.user, by=None)
        return response


@require_safe
def account(request):
    """My account: the e-mail address, the password, two-step login and the shared-device PIN."""
    user = request.user
    device = selectors.totp_device(user)
    return render(
        request,
        "accounts/account.html",
        {
            "device": device,
            "codes_left": selectors.recovery_codes_left(user) if device else 0,
            "two_factor_required": two_factor.required_for(user),
            "may_turn_off": device is not None and is_parent(user),
            "has_pin": selectors.unlock_pin(user) is not None,
        },
    )


@sessions.recent_auth_required
@require_http_methods(["GET", "POST"])
def email_change(request):
    form = EmailForm(request.POST or None, initial={"email": request.user.email})
    if form.is_valid():
        with errors_on(form):
            services.user_email_change(user=request.user, email=form.cleaned_data["email"])
            messages.success(request, _("Your e-mail address has been changed."))
            return redirect("accounts:account")
    return render(request, "accounts/email_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm_password(request):
    """Asked before a security change when the password was last given too long ago."""
    form = ConfirmPasswordForm(request.POST or None, request=request)
    if form.is_valid():
        sessions.mark_password_given(request.session)
        return redirect(safe_next(request, resolve_url("accounts:account")))
    return render(request, "accounts/confirm_password.html", {"form": form, "next": safe_next(request)})
