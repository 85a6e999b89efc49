"""The reports page for coordinators and the organisation admin: the figures per location and month as charts
with their numbers, printable, and each figure as a CSV (`?figure=<name>&format=csv`)."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.permissions import lead_required
from partnership.spreadsheet import csv_download, safe_cell
from reports.figures import BUILDERS, report_figures
from reports.forms import report_filter

# The parameters that choose a download rather than the page; the filter's own fields are the rest.
DOWNLOAD = ("figure", "format")


@lead_required
@require_GET
def index(request):
    form, scope = report_filter(request.user, request.GET)
    csv_wanted = request.GET.get("format") == "csv"
    if csv_wanted and form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("Choose a valid location and period."), content_type="text/plain")
    if csv_wanted:
        return _csv(request.GET.get("figure", ""), scope)
    query = request.GET.copy()
    for name in DOWNLOAD:
        query.pop(name, None)
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "scope": scope,
            "figures": report_figures(scope),
            "query": query.urlencode(),
            "organisation": request.user.organisation,
        },
    )


def _csv(name: str, scope):
    if name not in BUILDERS:
        raise Http404
    figure = BUILDERS[name](scope)
    filename = f"{name}-{scope.first:%Y-%m}-{scope.last:%Y-%m}.csv"
    response, writer = csv_download(filename)
    writer.writerow([safe_cell(cell) for cell in figure.csv_header])
    for row in figure.csv_rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
