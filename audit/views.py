from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import Role
from accounts.permissions import lead_required, role_required
from audit.forms import FileAccessForm
from audit.models import Read
from audit.selectors import access_events_of, open_file_access
from audit.services import access_record, file_access_open
from families.selectors import family_in_scope, family_to_open
from partnership.redirects import next_path
from partnership.service_errors import errors_on

EVENTS_PER_PAGE = 50


@lead_required
def family_access_log(request, pk):
    """Who opened this family's file: the answer to a parent's "who looked at my child's file?"."""
    family = family_in_scope(request.user, pk)
    access_record(user=request.user, family=family, what=Read.ACCESS_LOG)
    page = Paginator(access_events_of(family), EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "audit/family_access_log.html", {"family": family, "page": page})


@role_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def open_file(request, pk):
    """An organisation admin says why they open this family's file ("break the glass"); the file then opens for
    them for a while, and the reason goes into the family's access log."""
    family = family_to_open(request.user, pk)
    # The page of the file the admin asked for (FileAccessMiddleware passes it on), or the family page.
    back = next_path(request, family.get_absolute_url())
    form = FileAccessForm(request.POST or None)
    if form.is_valid():
        with errors_on(form):
            access = file_access_open(user=request.user, family=family, **form.cleaned_data)
            until = time_format(localtime(access.until), "H:i")
            messages.success(request, _("The file is open for you until %(time)s.") % {"time": until})
            return redirect(back)
    context = {
        "family": family,
        "form": form,
        "open": open_file_access(request.user, family),
        "cancel_url": reverse("families:list"),
    }
    return render(request, "audit/open_file.html", context)
