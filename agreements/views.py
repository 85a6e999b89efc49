"""Agreements on the staff side: draft, propose, change (a new version after proposal), record that the
parents agreed in a conversation, evaluate, print. Lookups go through the user's scope (404 outside it)."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import role_required
from agreements import services
from agreements.forms import AgreementForm, EvaluationForm, RecordAgreedForm
from agreements.models import Status
from agreements.selectors import agreement_for
from contacts.choices import Kind
from contacts.selectors import contacts_visible_to
from families.selectors import family_for_edit
from families.views import STAFF_ROLES


def _editable(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    family_for_edit(request.user, pk)  # archived families are read-only
    return agreement


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def create(request, pk):
    family = family_for_edit(request.user, pk)
    form = AgreementForm(request.POST or None, family=family)
    if form.is_valid():
        try:
            agreement = services.agreement_create(
                family=family,
                by=request.user,
                title=form.cleaned_data["title"],
                child=form.cleaned_data["child"],
                content=form.content(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft agreement has been saved. Propose it to the parents when ready."))
            return redirect(agreement)
    return render(request, "agreements/form.html", {"family": family, "form": form})


@role_required(*STAFF_ROLES)
def detail(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    return render(request, "agreements/detail.html", {"agreement": agreement, "family": agreement.family})


@role_required(*STAFF_ROLES)
def printable(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    return render(request, "agreements/print.html", {"agreement": agreement, "family": agreement.family})


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def edit(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    if agreement.status == Status.CLOSED:
        messages.error(request, _("A closed agreement cannot be changed."))
        return redirect(agreement)
    form = AgreementForm(request.POST or None, family=agreement.family, initial=AgreementForm.initial_for(agreement))
    status = 200
    if form.is_valid():
        try:
            services.agreement_update(
                agreement=agreement,
                by=request.user,
                expected_version=form.cleaned_data["lock_version"] or 0,
                title=form.cleaned_data["title"],
                child=form.cleaned_data["child"],
                content=form.content(),
            )
        except services.StaleEdit as stale:
            messages.error(request, stale.message)
            agreement = agreement_for(request.user, pk, agreement_pk)
            form = AgreementForm(family=agreement.family, initial=AgreementForm.initial_for(agreement))
            status = 409
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if agreement.status == Status.DRAFT:
                messages.success(request, _("The draft has been saved."))
            else:
                messages.success(request, _("Saved as a new version; the parents are asked to agree again."))
            return redirect(agreement)
    return render(
        request,
        "agreements/form.html",
        {"family": agreement.family, "form": form, "agreement": agreement},
        status=status,
    )


@role_required(*STAFF_ROLES)
@require_POST
def propose(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    try:
        services.agreement_propose(
            agreement=agreement, by=request.user, expected_version=int(request.POST.get("lock_version") or 0)
        )
    except services.StaleEdit as stale:
        messages.error(request, stale.message)
    except (ValidationError, ValueError):
        messages.error(request, _("Only a draft can be proposed."))
    else:
        messages.success(request, _("Proposed: the parents can read the agreement in their portal and agree."))
    return redirect(agreement)


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def record_agreed(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    # The conversation it was agreed in: a recent contact with this family (not a chat at the door).
    since = timezone.now() - datetime.timedelta(days=90)
    contacts = (
        contacts_visible_to(request.user)
        .filter(family=agreement.family, occurred_at__gte=since)
        .exclude(kind=Kind.INFORMAL)
        .order_by("-occurred_at")
    )
    form = RecordAgreedForm(request.POST or None, family=agreement.family, contacts=contacts)
    if form.is_valid():
        try:
            services.agreement_record_agreed(
                agreement=agreement,
                by=request.user,
                caregivers=list(form.cleaned_data["caregivers"]),
                contact=form.cleaned_data["contact"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Recorded that the parents agreed."))
            return redirect(agreement)
    return render(
        request, "agreements/record_agreed.html", {"agreement": agreement, "family": agreement.family, "form": form}
    )


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def evaluate(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    form = EvaluationForm(request.POST or None, family=agreement.family)
    if form.is_valid():
        try:
            services.agreement_evaluate(
                agreement=agreement,
                by=request.user,
                contact_data=form.to_data(),
                outcome=form.cleaned_data["outcome"],
                next_evaluation_on=form.cleaned_data["next_evaluation_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The evaluation has been saved."))
            if form.cleaned_data["outcome"] == "adjust":
                return redirect("agreements:edit", pk=agreement.family_id, agreement_pk=agreement.pk)
            return redirect(agreement)
    return render(
        request, "agreements/evaluate.html", {"agreement": agreement, "family": agreement.family, "form": form}
    )
