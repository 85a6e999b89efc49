"""Agreements on the staff side: draft, propose, change (a new version after proposal), record that the
parents agreed in a conversation, evaluate, print. Lookups go through the user's scope (404 outside it)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import staff_required
from agreements import gezag, services
from agreements.diff import staff_base, text_changed, version_changes
from agreements.forms import AgreementForm, EvaluationForm, RecordAgreedForm
from agreements.models import Status
from agreements.selectors import agreement_for
from audit.models import Read
from audit.services import access_record
from contacts.selectors import recent_conversations_for
from families.selectors import family_for_edit
from partnership.locking import StaleEdit, stale_edit_response
from partnership.service_errors import add_service_error, errors_on
from threads.selectors import agreement_threads


def _editable(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    family_for_edit(request.user, pk)  # archived families are read-only
    return agreement


@staff_required
@require_http_methods(["GET", "POST"])
def create(request, pk):
    family = family_for_edit(request.user, pk)
    form = AgreementForm(request.POST or None, family=family)
    if form.is_valid():
        with errors_on(form):
            agreement = services.agreement_create(
                family=family,
                by=request.user,
                title=form.cleaned_data["title"],
                child=form.cleaned_data["child"],
                content=form.content(),
                one_akkoord_enough=form.cleaned_data["one_akkoord_enough"],
            )
            messages.success(request, _("The draft agreement has been saved. Propose it to the parents when ready."))
            return redirect(agreement)
    return render(request, "agreements/form.html", {"family": family, "form": form})


@staff_required
def detail(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    access_record(user=request.user, family=agreement.family, what=Read.AGREEMENT, object_id=agreement.pk)
    versions = list(agreement.versions.all())
    current = next(v for v in versions if v.pk == agreement.current_id)
    base = staff_base(versions, current)
    changes = version_changes(base, current) if base else None
    context = {
        "agreement": agreement,
        "family": agreement.family,
        "akkoord": gezag.overview(agreement=agreement, version=current, caregivers=agreement.family.akkoord_caregivers),
        "base": base,
        "changes": changes,
        "text_changed": bool(changes) and text_changed(changes),
        "threads": agreement_threads(request.user, agreement),
    }
    return render(request, "agreements/detail.html", context)


@staff_required
def printable(request, pk, agreement_pk):
    agreement = agreement_for(request.user, pk, agreement_pk)
    access_record(user=request.user, family=agreement.family, what=Read.PRINT, object_id=agreement.pk)
    return render(request, "agreements/print.html", {"agreement": agreement, "family": agreement.family})


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    if agreement.status == Status.CLOSED:
        messages.error(request, _("A closed agreement cannot be changed."))
        return redirect(agreement)
    form = AgreementForm(request.POST or None, family=agreement.family, initial=AgreementForm.initial_for(agreement))
    if form.is_valid():
        try:
            services.agreement_update(
                agreement=agreement,
                by=request.user,
                expected_version=form.cleaned_data["lock_version"] or 0,
                title=form.cleaned_data["title"],
                child=form.cleaned_data["child"],
                content=form.content(),
                one_akkoord_enough=form.cleaned_data["one_akkoord_enough"],
            )
        except StaleEdit as stale:
            agreement = agreement_for(request.user, pk, agreement_pk)
            current = AgreementForm(family=agreement.family, initial=AgreementForm.initial_for(agreement))
            context = {"family": agreement.family, "agreement": agreement}
            return stale_edit_response(
                request, "agreements/form.html", context, stale=stale, refused=form, current=current
            )
        except ValidationError as error:
            add_service_error(form, error)
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
    )


@staff_required
@require_POST
def propose(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    try:
        services.agreement_propose(
            agreement=agreement, by=request.user, expected_version=int(request.POST.get("lock_version") or 0)
        )
    except StaleEdit as stale:
        messages.error(request, stale.message)
    except (ValidationError, ValueError):
        messages.error(request, _("Only a draft can be proposed."))
    else:
        messages.success(request, _("Proposed: the parents can read the agreement in their portal and agree."))
    return redirect(agreement)


@staff_required
@require_http_methods(["GET", "POST"])
def record_agreed(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    contacts = recent_conversations_for(request.user, agreement.family)
    form = RecordAgreedForm(request.POST or None, family=agreement.family, contacts=contacts, version=agreement.current)
    if form.is_valid():
        version = next((v for v in agreement.versions.all() if v.pk == form.cleaned_data["version"]), None)
        with errors_on(form):
            if version is None:
                raise ValidationError(_("This version is not (or no longer) waiting for your agreement."))
            services.agreement_record_agreed(
                agreement=agreement,
                by=request.user,
                caregivers=list(form.cleaned_data["caregivers"]),
                contact=form.cleaned_data["contact"],
                version=version,
            )
            messages.success(request, _("Recorded that the parents agreed."))
            return redirect(agreement)
    return render(
        request, "agreements/record_agreed.html", {"agreement": agreement, "family": agreement.family, "form": form}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def evaluate(request, pk, agreement_pk):
    agreement = _editable(request, pk, agreement_pk)
    form = EvaluationForm(request.POST or None, family=agreement.family)
    if form.is_valid():
        with errors_on(form):
            services.agreement_evaluate(
                agreement=agreement,
                by=request.user,
                contact_data=form.to_data(),
                outcome=form.cleaned_data["outcome"],
                next_evaluation_on=form.cleaned_data["next_evaluation_on"],
            )
            messages.success(request, _("The evaluation has been saved."))
            if form.cleaned_data["outcome"] == "adjust":
                return redirect("agreements:edit", pk=agreement.family_id, agreement_pk=agreement.pk)
            return redirect(agreement)
    return render(
        request, "agreements/evaluate.html", {"agreement": agreement, "family": agreement.family, "form": form}
    )
