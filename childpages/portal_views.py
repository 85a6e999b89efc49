"""The parents' page about their child, in the portal: every caregiver of the family reads it; a caregiver with
parental authority writes it and decides on the team's suggestions. Another family's child is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import parent_required
from childpages import selectors, services
from childpages.forms import PageForm
from partnership.locking import StaleEdit, typed_text
from partnership.service_errors import errors_as_messages, errors_on
from portal.selectors import portal_caregiver_for


def _decisions() -> dict:
    return {
        "accept": (services.suggestion_accept, _("Added to the page.")),
        "decline": (services.suggestion_decline, _("Not added. The team sees that you decided this.")),
        "remove": (services.suggestion_remove, _("Taken off the page.")),
    }


def _page_form(child, caregiver, data=None) -> PageForm:
    # A first page starts in the language the team noted for this parent; they change it if they write in another.
    initial = {} if child.page else {"language": caregiver.preferred_language}
    return PageForm(data, instance=child.page, initial=initial)


@parent_required
@require_http_methods(["GET", "POST"])
def page(request, child_pk):
    child = selectors.portal_child(request.user, child_pk)
    caregiver = portal_caregiver_for(request.user)
    may_edit = services.may_edit(caregiver, child)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    form = _page_form(child, caregiver, request.POST or None) if may_edit else None
    context = {"child": child, "page": child.page, "may_edit": may_edit, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            with errors_on(form):
                services.page_save(
                    child=child,
                    caregiver=caregiver,
                    expected_version=form.cleaned_data["version"],
                    language=form.cleaned_data["language"],
                    **form.texts(),
                )
                messages.success(request, _("Thank you. The team can read it now."))
                return redirect("childpages:portal_page", child_pk=child.pk)
        except StaleEdit as stale:
            messages.error(request, stale.message)
            current = selectors.portal_child(request.user, child_pk)
            fresh = _page_form(current, caregiver)
            return render(
                request,
                "childpages/portal_page.html",
                context | {"child": current, "page": current.page, "form": fresh, "typed": typed_text(form, fresh)},
                status=409,
            )
    return render(request, "childpages/portal_page.html", context, status=400 if form and form.errors else 200)


@parent_required
@require_POST
def decide(request, child_pk, suggestion_pk):
    child = selectors.portal_child(request.user, child_pk)
    suggestion = selectors.portal_suggestion(request.user, child, suggestion_pk)
    caregiver = portal_caregiver_for(request.user)
    if not services.may_edit(caregiver, child):
        raise PermissionDenied
    decision = _decisions().get(request.POST.get("decision"))
    if decision is None:
        messages.error(request, _("Choose: add it to the page, or not."))
    else:
        write, done = decision
        with errors_as_messages(request):
            write(suggestion=suggestion, caregiver=caregiver)
            messages.success(request, done)
    return redirect("childpages:portal_page", child_pk=child.pk)
