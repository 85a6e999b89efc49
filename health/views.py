"""Relationship health: the coordinator's dashboard (worst first, filters, counts, CSV), one family's signals
with reasons, actions and history, acknowledging a signal, and each staff member's reminders."""

import csv
import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import lead_required, leads, staff_required
from audit.models import Read
from audit.services import access_record
from health import services
from health.chart import legend as chart_legend
from health.chart import status_chart
from health.computation import row_object
from health.forms import AcknowledgeForm, DashboardFilterForm, GiveTimeForm
from health.models import LOOK_AGAIN_MAX_DAYS, Kind, Level, Signal
from health.reasons import explain, time_until, worst_rows
from health.reminders import reminders_for
from health.rules import RULES, limits
from health.selectors import (
    acknowledgement_for,
    children_without_mentor,
    dashboard_page,
    dashboard_rows,
    family_acknowledgements,
    family_feedback,
    family_health_for,
    status_history,
)
from health.time_given import time_given_report
from organisations.selectors import groups_visible_to, locations_visible_to, mentors_for
from partnership.service_errors import errors_as_messages
from partnership.spreadsheet import safe_cell
from reports.forms import report_filter

PER_PAGE = 25


def _filters(request):
    groups = groups_visible_to(request.user)
    form = DashboardFilterForm(
        request.GET or None, locations=locations_visible_to(request.user), groups=groups, mentors=mentors_for(groups)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    return form, {key: value for key, value in filters.items() if value not in (None, "")}


# No organisation has this many pages; a larger number would overflow the query's OFFSET.
MAX_PAGE = 100_000


def _page_number(request) -> int:
    try:
        return min(max(1, int(request.GET.get("page", 1))), MAX_PAGE)
    except ValueError:
        return 1


@lead_required
def dashboard(request):
    form, filters = _filters(request)
    page = dashboard_page(request.user, number=_page_number(request), per_page=PER_PAGE, **filters)
    today = timezone.localdate()
    for family in page.object_list:
        family.health_rows = worst_rows(family, today=today)
    query = request.GET.copy()
    query.pop("page", None)
    counts = page.counts
    filtered = bool(filters)
    return render(
        request,
        "health/dashboard.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": filtered,
            "status_counts": [(level, label, counts[f"status_{level}"]) for level, label in Level.choices],
            "signal_counts": [(value, label, counts[f"signal_{value}"]) for value, label in Signal.choices],
            "ack_days": limits()["acknowledgement_days"],
        },
    )


def _held(until, seen: bool, *, marks: dict) -> str:
    if until:
        return " (" + marks["time"] % {"date": until.isoformat()} + ")"
    return " (" + marks["seen"] + ")" if seen else ""


@lead_required
def export(request):
    rows = dashboard_rows(request.user, **_filters(request)[1])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="relatie-gezondheid-{timezone.localdate()}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Family"), _("Status"), *Signal.labels, _("Reasons")])
    today = timezone.localdate()
    # Translated once, not for every cell of thousands of rows.
    labels = {level: str(level.label) for level in Level}
    marks = {"time": _("given time until %(date)s"), "seen": _("seen")}
    for row in rows:
        family = row_object(row)
        levels = [
            labels[getattr(family, f"level_{rule.key}")]
            + _held(time_until(family, rule.key), getattr(family, f"seen_{rule.key}"), marks=marks)
            for rule in RULES
        ]
        reasons = " | ".join(s.reason for s in explain(family, today=today, raised_only=True))
        writer.writerow([safe_cell(value) for value in (family.name, labels[family.health], *levels, reasons)])
    return response


@staff_required
def family(request, pk):
    family = family_health_for(request.user, pk)
    access_record(user=request.user, family=family, what=Read.HEALTH)
    today = timezone.localdate()
    acknowledgements = family_acknowledgements(family)
    # The time given that holds now, per signal: its reason, who gave it and until when, shown on the signal.
    time_given = {row.acknowledgement.signal: row for row in acknowledgements if row.time_given and row.open}
    # Worst first, as on the dashboard; the good ones follow in their usual order.
    rows = sorted(explain(family, today=today), key=lambda row: (-row.level, row.seen))
    for row in rows:
        row.held = time_given.get(row.signal)
    return render(
        request,
        "health/family.html",
        {
            "family": family,
            "rows": rows,
            "chart": status_chart(status_history(family, today=today), today=today, live_level=family.health),
            "chart_legend": chart_legend(),
            "feedback": family_feedback(family, days=limits()["feedback_days"]),
            "low_score": limits()["feedback_low_score"],
            "acknowledgements": acknowledgements,
            "ack_days": limits()["acknowledgement_days"],
            "status_label": Level(family.health).label,
            "can_acknowledge": leads(request.user),
            "look_again_min": today + datetime.timedelta(days=1),
            "look_again_max": today + datetime.timedelta(days=LOOK_AGAIN_MAX_DAYS),
        },
    )


@staff_required
@require_POST
def give_time(request, pk):
    family = family_health_for(request.user, pk)
    form = GiveTimeForm(request.POST)
    if form.is_valid():
        signal = form.cleaned_data["signal"]
        with errors_as_messages(request):
            services.signal_give_time(
                family=family,
                signal=signal,
                level=getattr(family, f"level_{signal}"),
                reason=form.cleaned_data["reason"],
                look_again_on=form.cleaned_data["look_again_on"],
                by=request.user,
            )
            messages.success(request, _("Time given, by choice. The signal counts again on the day you chose."))
    else:
        messages.error(request, _("Write why you give this time and choose a day to look again."))
    return redirect("health:family", pk=family.pk)


@staff_required
@require_POST
def time_end(request, pk, ack_pk):
    """The family's staff end time given early; marked as seen is the coordinators' to undo."""
    acknowledgement = acknowledgement_for(request.user, pk, ack_pk, kind=Kind.TIME)
    with errors_as_messages(request):
        services.acknowledgement_withdraw(acknowledgement=acknowledgement, by=request.user)
        messages.success(request, _("Time given is ended: the signal counts again."))
    return redirect("health:family", pk=pk)


@lead_required
@require_GET
def time_given(request):
    """How often and why signals are given time, per location: for the coordinators who lead the teams."""
    form, scope = report_filter(request.user, request.GET)
    return render(request, "health/time_given.html", {"form": form, "scope": scope, "rows": time_given_report(scope)})


@lead_required
@require_POST
def acknowledge(request, pk):
    family = family_health_for(request.user, pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        signal = form.cleaned_data["signal"]
        with errors_as_messages(request):
            services.signal_acknowledge(
                family=family,
                signal=signal,
                level=getattr(family, f"level_{signal}"),
                note=form.cleaned_data["note"],
                by=request.user,
            )
            messages.success(request, _("Marked as seen. The signal counts again when it gets worse."))
    else:
        messages.error(request, _("Write why no action is needed now."))
    return redirect("health:family", pk=family.pk)


@lead_required
@require_POST
def acknowledgement_withdraw(request, pk, ack_pk):
    acknowledgement = acknowledgement_for(request.user, pk, ack_pk)
    with errors_as_messages(request):
        services.acknowledgement_withdraw(acknowledgement=acknowledgement, by=request.user)
        messages.success(request, _("Undone: the signal counts again."))
    return redirect("health:family", pk=pk)


@lead_required
@require_GET
def without_mentor(request):
    return render(request, "health/without_mentor.html", {"placements": children_without_mentor(request.user)})


@staff_required
def reminders(request):
    return render(request, "health/reminders.html", {"reminders": reminders_for(request.user)})
