"""The organisation admin's import from the planning system: upload, columns, dry run, import, with a
progress bar for a large file (static/js/import_progress.js polls `status`). Coordinators, staff and parents
get 403; another organisation's run is a 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import admin_required
from imports import selectors, services
from imports.forms import MappingForm, UploadForm
from imports.models import ImportRun
from organisations.selectors import organisation_of
from partnership.service_errors import errors_as_messages, errors_on

LINES_PER_PAGE = 50


@admin_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with errors_on(form):
            run = services.run_upload(
                organisation=organisation_of(request.user),
                by=request.user,
                content=upload.read(),
                file_name=upload.name,
            )
            return redirect("imports:columns", run.pk)
    runs = Paginator(selectors.runs_for(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "imports/index.html",
        {"form": form, "runs": runs, "mappings": selectors.mappings_for(request.user)},
    )


@admin_required
@require_http_methods(["GET", "POST"])
def run_columns(request, run_pk):
    run = selectors.run_for(request.user, run_pk)
    if run.status not in (ImportRun.Status.MAPPING, ImportRun.Status.CHECKED):
        return redirect("imports:run", run.pk)
    initial = dict(run.columns)
    chosen = request.GET.get("mapping")
    if chosen and chosen.isdigit():
        mapping = selectors.mappings_for(request.user).filter(pk=chosen).first()
        if mapping is not None:
            initial = {key: header for key, header in mapping.columns.items() if header in run.headers}
    form = MappingForm(request.POST or None, initial=initial, headers=run.headers, sample=run.sample)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.run_map(run=run, by=request.user, columns=form.columns(), save_as=form.cleaned_data["save_as"])
            return redirect("imports:run", run.pk)
    return render(
        request,
        "imports/columns.html",
        {"run": run, "form": form, "mappings": selectors.mappings_for(request.user), "examples": form.examples},
    )


@admin_required
@require_safe
def run_detail(request, run_pk):
    run = selectors.run_for(request.user, run_pk)
    report = run.report or {}
    errors = Paginator(report.get("errors", []), LINES_PER_PAGE).get_page(request.GET.get("errors"))
    changes = Paginator(report.get("changes", []), LINES_PER_PAGE).get_page(request.GET.get("changes"))
    return render(
        request,
        "imports/run.html",
        {"run": run, "report": report, "errors": errors, "changes": changes, "notes": report.get("notes", [])[:100]},
    )


@admin_required
@require_POST
def run_start(request, run_pk):
    run = selectors.run_for(request.user, run_pk)
    with errors_as_messages(request):
        run = services.run_start_import(run=run, by=request.user)
        if run.status == ImportRun.Status.IMPORTED:
            messages.success(request, _("The import is done."))
    return redirect("imports:run", run.pk)


@admin_required
@require_safe
@never_cache
def run_status(request, run_pk):
    run = selectors.run_status_for(request.user, run_pk)
    return JsonResponse(
        {
            "status": run.status,
            "label": run.get_status_display(),
            "processed": run.processed_rows,
            "total": run.total_rows,
            "percent": run.percent,
            "busy": run.is_busy,
        }
    )


@admin_required
@require_POST
def run_cancel(request, run_pk):
    run = selectors.run_for(request.user, run_pk)
    with errors_as_messages(request):
        services.run_cancel(run=run, by=request.user)
        messages.success(request, _("The file is put aside; nothing was imported from it."))
    return redirect("imports:index")


@admin_required
@require_POST
def mapping_delete(request, mapping_pk):
    mapping = selectors.mapping_for(request.user, mapping_pk)
    services.mapping_delete(mapping=mapping, by=request.user)
    messages.success(request, _("The saved columns “%(name)s” are removed.") % {"name": mapping.name})
    return redirect("imports:index")
