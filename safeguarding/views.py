"""The Meldcode signpost of a family's page: whom to turn to (the organisation's safeguarding officer) and the
five steps of the Meldcode, in our own words, with a confidential note for the staff member's own record."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import staff_required
from audit.models import Read
from audit.services import access_record
from families.selectors import family_in_scope
from organisations.selectors import organisation_of
from partnership.service_errors import errors_on
from safeguarding import services
from safeguarding.forms import NoteForm
from safeguarding.selectors import notes_visible_to


@staff_required
@require_http_methods(["GET", "POST"])
def signpost(request, pk):
    family = family_in_scope(request.user, pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.note_add(family=family, by=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("Your confidential note is saved."))
            return redirect("safeguarding:signpost", family.pk)
    access_record(user=request.user, family=family, what=Read.FAMILY)
    return render(
        request,
        "safeguarding/signpost.html",
        {
            "family": family,
            "organisation": organisation_of(request.user),
            "form": form,
            "notes": notes_visible_to(request.user, family),
        },
    )
