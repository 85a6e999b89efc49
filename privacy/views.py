"""The AVG pages of a family's file, for coordinators (and organisation admins with the file open): the export
for a request of access (a readable page and JSON), erasure on request, and the list of erased files."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import lead_required
from audit.models import Read
from audit.services import access_record
from families.selectors import family_in_scope
from partnership.service_errors import errors_on
from privacy import services
from privacy.forms import EraseForm
from privacy.selectors import erasure_preview, erasures_for, family_export

ERASURES_PER_PAGE = 50


@lead_required
@require_GET
def export_page(request, pk):
    """The whole file, readable and printable, for a parent's request of access."""
    family = family_in_scope(request.user, pk)
    access_record(user=request.user, family=family, what=Read.EXPORT)
    return render(request, "privacy/export.html", {"family": family, "export": family_export(request.user, family)})


@lead_required
@require_GET
def export_json(request, pk):
    """The same file as JSON, machine-readable (AVG article 15(3) and 20)."""
    family = family_in_scope(request.user, pk)
    access_record(user=request.user, family=family, what=Read.EXPORT)
    response = HttpResponse(family_export(request.user, family).json_bytes(), content_type="application/json")
    filename = f"file-{family.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@lead_required
@require_http_methods(["GET", "POST"])
def erase(request, pk):
    family = family_in_scope(request.user, pk)
    form = EraseForm(request.POST or None, family=family)
    if form.is_valid():
        with errors_on(form):
            services.family_erase(family=family, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The family's file has been erased. Only the record below remains."))
            return redirect("privacy:erasures")
    return render(request, "privacy/erase.html", {"family": family, "form": form, "preview": erasure_preview(family)})


@lead_required
@require_GET
def erasures(request):
    """The organisation's record of erased files: when, by whom, why and how much; nothing of their content."""
    page = Paginator(erasures_for(request.user), ERASURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "privacy/erasures.html", {"page": page})
