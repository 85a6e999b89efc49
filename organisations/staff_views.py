"""The organisation admin's staff accounts: invite by e-mail (the person chooses their own password), role,
groups and locations, send the invitation again, deactivate (every session ends, the history stays) and
reactivate."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import admin_required
from organisations import selectors, services
from organisations.forms import StaffForm, StaffInviteForm
from partnership.service_errors import errors_as_messages, errors_on

STAFF_PER_PAGE = 50


def _places(request) -> dict:
    return {
        "groups": selectors.organisation_groups(request.user),
        "locations": selectors.organisation_locations(request.user),
    }


@admin_required
@require_safe
def staff(request):
    q = request.GET.get("q", "")[:100]
    page = Paginator(selectors.setup_staff(request.user, q=q), STAFF_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "organisations/staff.html", {"page": page, "q": q, "query": urlencode({"q": q}) if q else ""}
    )


@admin_required
@require_http_methods(["GET", "POST"])
def staff_invite(request):
    form = StaffInviteForm(request.POST or None, **_places(request))
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            user = services.staff_invite(
                organisation=selectors.organisation_of(request.user),
                by=request.user,
                base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
            messages.success(
                request,
                _("%(name)s is invited: the e-mail to %(email)s holds a link to choose a password.")
                % {"name": user.get_full_name(), "email": user.email},
            )
            return redirect("organisations:staff")
    return render(
        request,
        "organisations/staff_form.html",
        {"form": form, "title": _("Invite a staff member"), "submit": _("Send the invitation")},
    )


@admin_required
@require_http_methods(["GET", "POST"])
def staff_edit(request, user_pk):
    member = selectors.setup_staff_member(request.user, user_pk)
    initial = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "role": member.role,
        "groups": [membership.group for membership in member.memberships.all()],
        "locations": [assignment.location for assignment in member.assignments.all()],
    }
    form = StaffForm(request.POST or None, initial=initial, **_places(request))
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.staff_update(
                organisation=selectors.organisation_of(request.user), user=member, by=request.user, **form.cleaned_data
            )
            messages.success(request, _("%(name)s is saved.") % {"name": member.get_full_name()})
            return redirect("organisations:staff")
    return render(
        request,
        "organisations/staff_form.html",
        {"form": form, "member": member, "title": member.get_full_name() or member.username},
    )


@admin_required
@require_POST
def staff_resend(request, user_pk):
    member = selectors.setup_staff_member(request.user, user_pk)
    with errors_as_messages(request):
        services.staff_invitation_resend(
            organisation=selectors.organisation_of(request.user),
            user=member,
            by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
        messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": member.email})
    return redirect("organisations:staff")


@admin_required
@require_http_methods(["GET", "POST"])
def staff_deactivate(request, user_pk):
    member = selectors.setup_staff_member(request.user, user_pk)
    if request.method == "POST":
        with errors_as_messages(request):
            services.staff_deactivate(
                organisation=selectors.organisation_of(request.user), user=member, by=request.user
            )
            messages.success(
                request,
                _("%(name)s can no longer sign in; every open session has ended. What they wrote stays.")
                % {"name": member.get_full_name()},
            )
        return redirect("organisations:staff")
    return render(
        request,
        "organisations/staff_deactivate.html",
        {"member": member, "mentees": selectors.mentee_count(member), "back": reverse("organisations:staff")},
    )


@admin_required
@require_POST
def staff_reactivate(request, user_pk):
    member = selectors.setup_staff_member(request.user, user_pk)
    with errors_as_messages(request):
        services.staff_reactivate(organisation=selectors.organisation_of(request.user), user=member, by=request.user)
        messages.success(request, _("%(name)s can sign in again.") % {"name": member.get_full_name()})
    return redirect("organisations:staff")
