"""The parent portal: plain language, phone first. A parent reaches only their own family, and of it only
what is shared with them; another family's agreement id is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from agreements import services as agreement_services
from agreements.forms import ReactionForm
from agreements.models import Status
from agreements.selectors import portal_agreement_for, portal_agreements
from portal import services
from portal.forms import ConversationRequestForm, FeedbackForm
from portal.selectors import (
    children_with_mentor,
    my_conversation_requests,
    portal_caregiver_for,
    portal_family_for,
    shared_summaries_for,
)


def _caregiver(request):
    caregiver = portal_caregiver_for(request.user)
    if caregiver is None:
        raise Http404
    return caregiver


def _my_confirmed_version(agreement, caregiver):
    """The newest version this caregiver said "akkoord" to, if any."""
    for version in agreement.proposed_versions:  # newest first
        if any(c.caregiver_id == caregiver.pk for c in version.confirmations.all()):
            return version
    return None


@role_required(Role.PARENT)
def home(request):
    caregiver = _caregiver(request)
    family = portal_family_for(request.user)
    if family is None:
        raise Http404
    agreements = list(portal_agreements(request.user))
    for item in agreements:
        confirmed = _my_confirmed_version(item, caregiver)
        item.waits_for_me = item.status == Status.PROPOSED and (confirmed is None or confirmed.pk != item.current_id)
    return render(
        request,
        "portal/home.html",
        {
            "family": family,
            "caregiver": caregiver,
            "children": children_with_mentor(family),
            "agreements": agreements,
            "summaries": shared_summaries_for(request.user, caregiver)[:10],
            "feedback_again": services.feedback_allowed_from(caregiver),
            "requests": my_conversation_requests(caregiver)[:5],
        },
    )


@role_required(Role.PARENT)
def agreement(request, agreement_pk, reaction_form=None, status=200):
    caregiver = _caregiver(request)
    agreement = portal_agreement_for(request.user, agreement_pk)
    confirmed = _my_confirmed_version(agreement, caregiver)
    return render(
        request,
        "portal/agreement.html",
        {
            "agreement": agreement,
            "current": agreement.current,
            "confirmed": confirmed,
            "can_confirm": agreement.status == Status.PROPOSED
            and (confirmed is None or confirmed != agreement.current),
            "form": reaction_form or ReactionForm(),
        },
        status=status,
    )


@role_required(Role.PARENT)
@require_POST
def confirm(request, agreement_pk):
    _caregiver(request)
    found = portal_agreement_for(request.user, agreement_pk)
    version = next((v for v in found.proposed_versions if str(v.pk) == request.POST.get("version")), None)
    if version is None:
        messages.error(request, _("This version is not (or no longer) waiting for your agreement."))
        return redirect("portal:agreement", agreement_pk=found.pk)
    try:
        agreement_services.agreement_confirm(agreement=found, version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you. We have noted that you agree."))
    return redirect("portal:agreement", agreement_pk=found.pk)


@role_required(Role.PARENT)
@require_POST
def react(request, agreement_pk):
    _caregiver(request)
    found = portal_agreement_for(request.user, agreement_pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return agreement(request, agreement_pk, reaction_form=form, status=400)
    text = form.cleaned_data["text"]
    agreement_services.agreement_react(agreement=found, by=request.user, text=text)
    if agreement_services.contains_markup(text):
        messages.info(request, _("Your reaction has been sent. Code or markup in it is shown as plain text."))
    else:
        messages.success(request, _("Thank you for your reaction. The team will read it."))
    return redirect("portal:agreement", agreement_pk=found.pk)


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def feedback(request):
    caregiver = _caregiver(request)
    again = services.feedback_allowed_from(caregiver)
    form = FeedbackForm(request.POST or None)
    if again is None and form.is_valid():
        services.feedback_give(caregiver=caregiver, **form.cleaned_data)
        messages.success(request, _("Thank you for telling us. It helps us to work together well."))
        return redirect("portal:home")
    return render(request, "portal/feedback.html", {"form": form, "again": again})


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def ask(request):
    caregiver = _caregiver(request)
    form = ConversationRequestForm(request.POST or None, family=caregiver.family)
    if form.is_valid():
        try:
            services.conversation_request(
                caregiver=caregiver, by=request.user, child=form.cleaned_data["child"], text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request has been sent. The mentor will contact you."))
            return redirect("portal:home")
    return render(request, "portal/ask.html", {"form": form})
