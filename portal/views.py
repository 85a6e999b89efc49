"""The parent portal: plain language, phone first. A parent reaches only their own family, and of it only
what is shared with them; another family's agreement id is a 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import parent_required
from agreements import gezag
from agreements import services as agreement_services
from agreements.diff import staff_base, text_changed, version_changes
from agreements.models import Status
from agreements.selectors import portal_agreement_for, portal_agreements, portal_akkoord_caregivers
from childpages.selectors import portal_pending_counts
from moments.selectors import PORTAL_HOME_MOMENTS, moments_visible_to
from partnership.languages import use_language
from partnership.service_errors import errors_as_messages, errors_on
from portal import services
from portal.forms import SCALE, ConversationRequestForm, FeedbackForm, LanguageForm
from portal.selectors import (
    children_with_mentor,
    coordinators_for,
    portal_caregiver_for,
    portal_family_for,
    shared_summaries_for,
)
from threads import services as thread_services
from threads.forms import MessageForm
from threads.models import Topic
from threads.selectors import portal_threads, portal_threads_about


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


def _with_waiting_suggestions(children, user):
    waiting = portal_pending_counts(user)
    for child in children:
        child.page_suggestions_waiting = waiting.get(child.pk, 0)
    return children


@parent_required
def home(request):
    caregiver = _caregiver(request)
    family = portal_family_for(request.user)
    if family is None:
        raise Http404
    agreements = list(portal_agreements(request.user))
    for item in agreements:
        confirmed = _my_confirmed_version(item, caregiver)
        # Only a caregiver with gezag is asked for the akkoord; the others read it while it waits.
        item.waits_for_me = (
            item.status == Status.PROPOSED
            and caregiver.has_parental_authority
            and (confirmed is None or confirmed.pk != item.current_id)
        )
    return render(
        request,
        "portal/home.html",
        {
            "family": family,
            "caregiver": caregiver,
            "children": _with_waiting_suggestions(children_with_mentor(family), request.user),
            "agreements": agreements,
            "summaries": shared_summaries_for(request.user, caregiver)[:10],
            "feedback_again": services.feedback_allowed_from(caregiver),
            "threads": portal_threads(request.user)[:5],
            "moments": moments_visible_to(request.user)[:PORTAL_HOME_MOMENTS],
        },
    )


@parent_required
def agreement(request, agreement_pk, reaction_form=None, status=200):
    caregiver = _caregiver(request)
    agreement = portal_agreement_for(request.user, agreement_pk)
    current = next((v for v in agreement.proposed_versions if v.pk == agreement.current_id), agreement.current)
    confirmed = _my_confirmed_version(agreement, caregiver)
    # What changed since the version this parent agreed to (or, if they never did, since the one agreed before).
    base = confirmed if confirmed is not None else staff_base(agreement.proposed_versions, current)
    if base is not None and base.pk == current.pk:
        base = None
    changes = version_changes(base, current) if base is not None else None
    return render(
        request,
        "portal/agreement.html",
        {
            "agreement": agreement,
            "current": current,
            "confirmed": confirmed,
            "base": base,
            "changes": changes,
            "text_changed": bool(changes) and text_changed(changes),
            "me": caregiver,
            "akkoord": gezag.overview(
                agreement=agreement, version=current, caregivers=portal_akkoord_caregivers(agreement)
            ),
            "can_confirm": agreement.status == Status.PROPOSED
            and caregiver.has_parental_authority
            and (confirmed is None or confirmed.pk != current.pk),
            "form": reaction_form or _reaction_form(),
            "threads": portal_threads_about(request.user, agreement=agreement),
        },
        status=status,
    )


@parent_required
@require_POST
def confirm(request, agreement_pk):
    _caregiver(request)
    found = portal_agreement_for(request.user, agreement_pk)
    version = next((v for v in found.proposed_versions if str(v.pk) == request.POST.get("version")), None)
    if version is None:
        messages.error(request, _("This version is not (or no longer) waiting for your agreement."))
        return redirect("portal:agreement", agreement_pk=found.pk)
    with errors_as_messages(request):
        agreement_services.agreement_confirm(agreement=found, version=version, by=request.user)
        messages.success(request, _("Thank you. We have noted that you agree."))
    return redirect("portal:agreement", agreement_pk=found.pk)


def _reaction_form(data=None) -> MessageForm:
    return MessageForm(data, label=_("Your reaction"))


@parent_required
@require_POST
def react(request, agreement_pk):
    """A reaction on an agreement starts the family's thread about it, or continues the open one."""
    caregiver = _caregiver(request)
    found = portal_agreement_for(request.user, agreement_pk)
    form = _reaction_form(request.POST)
    if form.is_valid():
        text = form.cleaned_data["text"]
        with errors_on(form):
            thread_services.thread_start(
                caregiver=caregiver, by=request.user, topic=Topic.AGREEMENT, agreement=found, text=text
            )
            if thread_services.contains_markup(text):
                messages.info(request, _("Your reaction has been sent. We show it exactly as you typed it."))
            else:
                messages.success(request, _("Thank you for your reaction. The mentor will answer you."))
            return redirect("portal:agreement", agreement_pk=found.pk)
    return agreement(request, agreement_pk, reaction_form=form, status=400)


@parent_required
@require_http_methods(["GET", "POST"])
def feedback(request):
    caregiver = _caregiver(request)
    again = services.feedback_allowed_from(caregiver)
    form = FeedbackForm(request.POST or None)
    if again is None and form.is_valid():
        # A simultaneous post (a double tap, a second tab) can win between the check above and this write.
        with errors_on(form):
            services.feedback_give(caregiver=caregiver, answers=form.answers(), remark=form.cleaned_data["remark"])
            messages.success(request, _("Thank you for telling us. It helps us to work together well."))
            return redirect("portal:home")
    return render(request, "portal/feedback.html", {"form": form, "again": again, "scale": SCALE})


@parent_required
@require_http_methods(["GET", "POST"])
def ask(request):
    caregiver = _caregiver(request)
    # "Ask for a conversation with an interpreter", beside text staff wrote in another language, ticks the box.
    initial = {"interpreter_wanted": request.GET.get("interpreter") == "1"}
    form = ConversationRequestForm(request.POST or None, family=caregiver.family, initial=initial)
    if form.is_valid():
        with errors_on(form):
            thread_services.conversation_request(caregiver=caregiver, by=request.user, **form.cleaned_data)
            messages.success(request, _("Your request has been sent. The mentor will contact you."))
            messages.info(
                request, _("You may always bring someone to the conversation: a supporter, a friend or an interpreter.")
            )
            return redirect("portal:home")
    return render(request, "portal/ask.html", {"form": form})


@require_GET  # first: a POST is refused as a method (405) for every role, as on every GET-only page
@parent_required
def how_it_works(request):
    """How the partnership works here, for parents who do not know the Dutch system: the mentor (by name), the
    agreements and the akkoord, what is written down and who reads it, who to ask."""
    caregiver = _caregiver(request)
    return render(
        request,
        "portal/how_it_works.html",
        {
            "caregiver": caregiver,
            "children": children_with_mentor(caregiver.family),
            "coordinators": coordinators_for(caregiver.family),
        },
    )


@parent_required
@require_http_methods(["GET", "POST"])
def language(request):
    """The language of the parent's portal and e-mails (also the one they get at every login)."""
    caregiver = _caregiver(request)
    form = LanguageForm(request.POST or None, initial={"language": caregiver.portal_language})
    if form.is_valid():
        with errors_on(form):
            services.caregiver_language_set(caregiver=caregiver, language=form.cleaned_data["language"])
            use_language(request, caregiver.portal_language)
            messages.success(request, _("Saved. The portal and our e-mails are now in this language."))
            return redirect("portal:language")
    return render(request, "portal/language.html", {"form": form}, status=400 if form.errors else 200)
