"""A new staff member, coordinator or admin chooses their password with the link from the invitation. Public:
the signed link is the proof."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import SetPasswordCrispyForm
from accounts.invitations import staff_invitation_tokens
from accounts.selectors import invited_staff


@login_not_required
@require_http_methods(["GET", "POST"])
def staff_welcome(request, uidb64, token):
    user = invited_staff(uidb64)
    if user is None or not staff_invitation_tokens.check_token(user, token):
        return render(request, "accounts/staff_welcome_invalid.html", status=410)
    form = SetPasswordCrispyForm(user, request.POST or None)
    if form.is_valid():
        services.staff_invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(
            request, _("Your password is set. Sign in with your username %(username)s.") % {"username": user.username}
        )
        return redirect("accounts:login")
    return render(request, "accounts/staff_welcome.html", {"form": form, "invited": user})
