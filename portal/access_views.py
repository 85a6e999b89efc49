"""Portal accounts: staff invite a caregiver, resend, or revoke access; the caregiver accepts the invitation by
choosing a password. The accept page is public: the signed link is the proof."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import SetPasswordCrispyForm
from accounts.permissions import staff_required
from families.selectors import family_for_edit
from partnership.languages import language_name
from partnership.service_errors import errors_as_messages
from portal import services
from portal.forms import InviteForm
from portal.selectors import invited_parent, suggested_language


@staff_required
@require_http_methods(["GET", "POST"])
def invite(request, pk, caregiver_pk):
    """GET: what the caregiver will and will not be able to do in the portal, before sending. A caregiver without
    gezag is invited only from that page (its form says so), never with one tap from the family page."""
    family = family_for_edit(request.user, pk)
    caregiver = get_object_or_404(family.caregivers.select_related("user", "family"), pk=caregiver_pk)
    informed = request.POST.get("informed") == "1"
    # The one tap on the family page sends no language: the suggested one (shown on the family page) is used.
    form = InviteForm(
        request.POST if "language" in request.POST else None, initial={"language": suggested_language(caregiver)}
    )
    if (
        request.method == "GET"
        or (not caregiver.has_parental_authority and not informed)
        or (form.is_bound and not form.is_valid())
    ):
        return render(request, "portal/invite.html", {"family": family, "caregiver": caregiver, "form": form})
    language = form.cleaned_data["language"] if form.is_bound else None
    with errors_as_messages(request):
        services.caregiver_invite(
            caregiver=caregiver, by=request.user, base_url=request.build_absolute_uri("/"), language=language
        )
        messages.success(
            request,
            _("The invitation has been sent to %(email)s, in %(language)s.")
            % {"email": caregiver.email, "language": language_name(caregiver.portal_language)},
        )
    return redirect(family.get_absolute_url() + "#people")


@staff_required
@require_POST
def revoke(request, pk, caregiver_pk):
    family = family_for_edit(request.user, pk)
    caregiver = get_object_or_404(family.caregivers.select_related("user"), pk=caregiver_pk)
    services.caregiver_revoke(caregiver=caregiver, by=request.user)
    messages.success(request, _("%(name)s can no longer sign in to the portal.") % {"name": caregiver.first_name})
    return redirect(family.get_absolute_url() + "#people")


@login_not_required
@require_http_methods(["GET", "POST"])
def welcome(request, uidb64, token):
    user = invited_parent(uidb64)
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
