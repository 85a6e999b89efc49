"""Staff read the parents' page about a child (on the family page, at the group, on the tablet) and may suggest an
addition; they never change the parents' words. The parents' own pages are in portal_views.py."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import staff_required
from audit.models import Read
from audit.services import access_record
from childpages import selectors, services
from childpages.forms import SuggestionForm
from partnership.service_errors import errors_on


@staff_required
@require_GET
def group(request, group_pk):
    """The children of a group with what their parents wrote, for the staff of the group on the tablet. Not
    written to the access log per family: it shows only the pages the parents wrote for the group's staff to
    read, not the family's file (the family page, which is logged, shows the rest)."""
    found = selectors.group_for(request.user, group_pk)
    return render(
        request,
        "childpages/group.html",
        {"group": found, "children": selectors.group_children(request.user, found)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def suggest(request, pk, child_pk):
    child = selectors.staff_child(request.user, pk, child_pk)
    form = SuggestionForm(request.POST or None, initial={"topic": request.GET.get("topic")})
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.suggestion_make(child=child, by=request.user, **form.cleaned_data)
            messages.success(
                request, _("Your suggestion is sent to the parents. They decide whether it goes on the page.")
            )
            return redirect(f"{child.family.get_absolute_url()}#child-pages")
    if request.method == "GET":
        access_record(user=request.user, family=child.family, what=Read.FAMILY, object_id=child.pk)
    return render(
        request,
        "childpages/suggest.html",
        {"child": child, "family": child.family, "form": form},
        status=400 if form.errors else 200,
    )
