"""The organisation admin's view of logins: accounts locked after too many failed logins (with an Unlock button)
and the login log, both for the users of their own organisation only."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts import selectors, services
from accounts.permissions import admin_required
from accounts.throttle import cooloff_minutes


@admin_required
@require_safe
def lockouts(request):
    context = {"users": selectors.locked_out_users(request.user), "cooloff_minutes": cooloff_minutes()}
    return render(request, "accounts/lockouts.html", context)


@admin_required
@require_POST
def lockout_lift(request, user_pk):
    user = selectors.organisation_user(request.user, user_pk)
    services.login_unlock(user=user, by=request.user)
    messages.success(request, _("%(name)s can log in again.") % {"name": user})
    return redirect("accounts:lockouts")


@admin_required
@require_safe
def login_log(request):
    return render(request, "accounts/login_log.html", {"rows": selectors.login_log(request.user)})
