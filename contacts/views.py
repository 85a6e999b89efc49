"""Logging and reading contact moments. Families come from the user's scope (another family's id is a 404)
and contacts from `contacts_visible_to` (a confidential contact of a colleague is a 404 too)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import leads, staff_required
from audit.models import Read
from audit.services import access_record
from contacts import services
from contacts.choices import KIND_HELP, Kind
from contacts.forms import (
    AddendumForm,
    ContactForm,
    FollowUpForm,
    FollowUpFormSet,
    QuickContactForm,
    ReferralStatusForm,
)
from contacts.selectors import (
    contact_for,
    contacts_visible_to,
    coverage_for,
    default_caregivers_for,
    follow_up_for,
    owners_for,
    theme_coverage_per_author,
)
from families.selectors import family_for_edit
from organisations.selectors import groups_visible_to, staff_of_groups
from partnership.locking import StaleEdit, stale_edit_response
from partnership.redirects import next_path
from partnership.service_errors import add_service_error, errors_as_messages, errors_on


@staff_required
@require_http_methods(["GET", "POST"])
def quick(request, pk):
    family = family_for_edit(request.user, pk)
    form = QuickContactForm(
        request.POST or None, family=family, default_caregivers=default_caregivers_for(request.user, family)
    )
    if form.is_valid():
        with errors_on(form):
            contact = services.contact_log(family=family, by=request.user, data=form.to_data())
            messages.success(request, _("Contact with %(family)s saved.") % {"family": contact.family.name})
            return redirect(next_path(request, family.get_absolute_url()))
    return render(
        request,
        "contacts/quick_form.html",
        {"family": family, "form": form, "next": next_path(request, "")},
    )


@staff_required
def choose(request, pk):
    family = family_for_edit(request.user, pk)
    kinds = [(value, label, KIND_HELP[value]) for value, label in Kind.choices]
    return render(request, "contacts/choose.html", {"family": family, "kinds": kinds})


@staff_required
@require_http_methods(["GET", "POST"])
def create(request, pk, kind):
    family = family_for_edit(request.user, pk)
    if kind not in Kind.values:
        return redirect("contacts:choose", pk=family.pk)
    if kind == Kind.INTAKE:
        # An intake has its own questions; recording it also logs the contact.
        return redirect("intakes:create", pk=family.pk)
    owners = owners_for(family)
    form = ContactForm(request.POST or None, family=family, kind=kind)
    follow_ups = FollowUpFormSet(request.POST or None, prefix="fu", form_kwargs={"owners": owners, "me": request.user})
    valid = form.is_valid() and follow_ups.is_valid()
    if valid and follow_ups.check_due(timezone.localdate(form.cleaned_data["occurred_at"])):
        with errors_on(form):
            contact = services.contact_log(
                family=family, by=request.user, data=form.to_data(), follow_ups=follow_ups.to_data()
            )
            messages.success(request, _("The contact has been saved."))
            return redirect(contact)
    return render(
        request,
        "contacts/contact_form.html",
        {"family": family, "form": form, "follow_ups": follow_ups, "kind_label": Kind(kind).label},
    )


@staff_required
def detail(request, pk, contact_pk):
    contact = contact_for(request.user, pk, contact_pk)
    access_record(user=request.user, family=contact.family, what=Read.CONTACT, object_id=contact.pk)
    return render(
        request,
        "contacts/contact_detail.html",
        {
            "contact": contact,
            "family": contact.family,
            "can_edit": contact.editable_by(request.user),
            "addendum_form": AddendumForm(),
        },
    )


def _initial(contact) -> dict:
    return {
        "occurred_at": timezone.localtime(contact.occurred_at),
        "occasion": contact.occasion,
        "caregivers": list(contact.caregivers.all()),
        "children": list(contact.children.all()),
        "tone": contact.tone,
        "summary": contact.summary,
        "notes": contact.notes,
        "interpreter_used": contact.interpreter_used,
        "visibility": contact.visibility,
        "shared_summary": contact.shared_summary,
        "items": [tick.item for tick in contact.ticks.all()],
        "version": contact.version,
    }


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk, contact_pk):
    contact = contact_for(request.user, pk, contact_pk)
    if not contact.editable_by(request.user) or contact.family.archived_on:
        raise PermissionDenied
    form = ContactForm(request.POST or None, family=contact.family, kind=contact.kind, initial=_initial(contact))
    if form.is_valid():
        try:
            services.contact_update(
                contact=contact,
                by=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                data=form.to_data(),
            )
        except StaleEdit as stale:
            contact = contact_for(request.user, pk, contact_pk)
            current = ContactForm(family=contact.family, kind=contact.kind, initial=_initial(contact))
            context = {"family": contact.family, "contact": contact, "kind_label": contact.get_kind_display()}
            return stale_edit_response(
                request, "contacts/contact_form.html", context, stale=stale, refused=form, current=current
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(contact)
    return render(
        request,
        "contacts/contact_form.html",
        {"family": contact.family, "form": form, "contact": contact, "kind_label": contact.get_kind_display()},
    )


@staff_required
@require_POST
def addendum(request, pk, contact_pk):
    contact = contact_for(request.user, pk, contact_pk)
    form = AddendumForm(request.POST)
    if form.is_valid():
        services.addendum_add(contact=contact, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("The addendum has been added."))
        return redirect(contact)
    return render(
        request,
        "contacts/contact_detail.html",
        {"contact": contact, "family": contact.family, "addendum_form": form},
        status=400,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def follow_up_add(request, pk, contact_pk):
    contact = contact_for(request.user, pk, contact_pk)
    if contact.family.archived_on:
        raise PermissionDenied
    form = FollowUpForm(request.POST or None, owners=owners_for(contact.family), me=request.user)
    if form.is_valid() and form.check_due(timezone.localdate(contact.occurred_at)):
        services.follow_up_add(contact=contact, by=request.user, data=form.to_data())
        messages.success(request, _("The follow-up has been added."))
        return redirect(contact)
    return render(request, "contacts/follow_up_form.html", {"contact": contact, "family": contact.family, "form": form})


@staff_required
@require_POST
def follow_up_done(request, pk, follow_up_pk):
    follow_up = follow_up_for(request.user, pk, follow_up_pk)
    done = request.POST.get("done", "1") == "1"
    services.follow_up_complete(follow_up=follow_up, by=request.user, done=done)
    messages.success(request, _("Marked as done.") if done else _("Opened again."))
    return redirect(next_path(request, follow_up.get_absolute_url()))


@staff_required
@require_POST
def referral_status(request, pk, follow_up_pk):
    follow_up = follow_up_for(request.user, pk, follow_up_pk)
    form = ReferralStatusForm(request.POST)
    if form.is_valid():
        with errors_as_messages(request):
            services.referral_set_status(
                follow_up=follow_up,
                by=request.user,
                status=form.cleaned_data["referral_status"],
                agreed_with_parents=form.cleaned_data["agreed_with_parents"],
            )
            messages.success(request, _("The referral has been updated."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect(next_path(request, follow_up.get_absolute_url()))


@staff_required
def coverage(request, user_pk=None):
    """How often each success-factor theme was applied: my own contacts, or for coordinators their staff
    side by side and then one staff member at a time."""
    if not leads(request.user):
        if user_pk and user_pk != request.user.pk:
            raise PermissionDenied
        return render(
            request,
            "contacts/coverage.html",
            {"member": request.user, "coverage": coverage_for(request.user, author=request.user)},
        )
    colleagues = staff_of_groups(groups_visible_to(request.user))
    if user_pk is None:
        return render(
            request,
            "contacts/coverage_team.html",
            {"overview": theme_coverage_per_author(contacts_visible_to(request.user), colleagues)},
        )
    member = get_object_or_404(colleagues, pk=user_pk)
    return render(
        request,
        "contacts/coverage.html",
        {"member": member, "coverage": coverage_for(request.user, author=member), "team": True},
    )
