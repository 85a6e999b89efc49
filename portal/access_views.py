"""Portal accounts: staff invite a caregiver, resend, or revoke access; the caregiver accepts the invitation by
choosing a password. The accept page is public: the signed link is the proof."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import SetPasswordCrispyForm
from accounts.models import Role, User
from accounts.permissions import role_required
from families.selectors import family_for_edit
from families.views import STAFF_ROLES
from portal import services


@role_required(*STAFF_ROLES)
@require_POST
def invite(request, pk, caregiver_pk):
    family = family_for_edit(request.user, pk)
    caregiver = get_object_or_404(family.caregivers.select_related("user", "family"), pk=caregiver_pk)
    try:
        services.caregiver_invite(caregiver=caregiver, by=request.user, base_url=request.build_absolute_uri("/"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": caregiver.email})
    return redirect(family.get_absolute_url() + "#people")


@role_required(*STAFF_ROLES)
@require_POST
def revoke(request, pk, caregiver_pk):
    family = family_for_edit(request.user, pk)
    caregiver = get_object_or_404(family.caregivers.select_related("user"), pk=caregiver_pk)
    services.caregiver_revoke(caregiver=caregiver, by=request.user)
    messages.success(request, _("%(name)s can no longer sign in to the portal.") % {"name": caregiver.first_name})
    return redirect(family.get_absolute_url() + "#people")


def _invited_user(uidb64):
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk, role=Role.PARENT).first()


@login_not_required
@require_http_methods(["GET", "POST"])
def welcome(request, uidb64, token):
    user = _invited_user(uidb64)
    if user is None or not services.invitation_tokens.check_token(user, token):
        return render(request, "portal/welcome_invalid.html", status=410)
    form = SetPasswordCrispyForm(user, request.POST or None)
    if form.is_valid():
        services.invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(
            request, _("Your password is set. Sign in with your username %(username)s.") % {"username": user.username}
        )
        return redirect("accounts:login")
    return render(request, "portal/welcome.html", {"form": form, "invited": user})
