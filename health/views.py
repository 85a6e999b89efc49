"""Relationship health: the coordinator's dashboard (worst first, filters, counts, CSV), one family's signals
with reasons, actions and history, acknowledging a signal, and each staff member's reminders."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import role_required
from families.forms import mentors_for
from families.views import LEAD_ROLES, STAFF_ROLES
from health import services
from health.forms import AcknowledgeForm, DashboardFilterForm
from health.models import Level, Signal
from health.reasons import explain, worst_rows
from health.reminders import reminders_for
from health.selectors import dashboard_page, dashboard_rows, family_health_for, status_history
from health.signals import row_object
from organisations.selectors import groups_visible_to, locations_visible_to

PER_PAGE = 25


def _filters(request):
    groups = groups_visible_to(request.user)
    form = DashboardFilterForm(
        request.GET or None, locations=locations_visible_to(request.user), groups=groups, mentors=mentors_for(groups)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    return form, {key: value for key, value in filters.items() if value not in (None, "")}


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@role_required(*LEAD_ROLES)
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
        },
    )


@role_required(*LEAD_ROLES)
def export(request):
    rows = dashboard_rows(request.user, **_filters(request)[1])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="relatie-gezondheid-{timezone.localdate()}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Family"), _("Status"), *Signal.labels, _("Reasons")])
    today = timezone.localdate()
    for row in rows:
        family = row_object(row)
        signals = explain(family, today=today)
        levels = [f"{Level(s.level).label}{' (' + _('seen') + ')' if s.seen else ''}" for s in signals]
        reasons = " | ".join(s.reason for s in signals if s.level)
        writer.writerow([family.name, Level(family.health).label, *levels, reasons])
    return response


@role_required(*STAFF_ROLES)
def family(request, pk):
    family = family_health_for(request.user, pk)
    history = status_history(family)
    return render(
        request,
        "health/family.html",
        {
            "family": family,
            "rows": explain(family),
            "chart": _chart(history),
            "history": history,
            "can_acknowledge": request.user.role in LEAD_ROLES,
        },
    )


def _chart(history, days=90, width=4):
    """Bars for an inline SVG: one per day, higher and darker the worse the status."""
    bars = []
    if not history:
        return {"bars": bars, "width": days * width, "summary": {}}
    first = history[-1].day.toordinal() - days + 1
    summary = dict.fromkeys(Level.values, 0)
    for snapshot in history:
        x = (snapshot.day.toordinal() - first) * width
        height = 8 + snapshot.level * 12
        bars.append({"x": x, "y": 32 - height, "h": height, "level": snapshot.level, "day": snapshot.day})
        summary[snapshot.level] += 1
    labels = dict(Level.choices)
    return {
        "bars": bars,
        "width": days * width,
        "summary": [(labels[level], count) for level, count in summary.items()],
        "first": history[0].day,
        "last": history[-1].day,
    }


@role_required(*LEAD_ROLES)
@require_POST
def acknowledge(request, pk):
    family = family_health_for(request.user, pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        signal = form.cleaned_data["signal"]
        try:
            services.signal_acknowledge(
                family=family,
                signal=signal,
                level=getattr(family, f"level_{signal}"),
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Marked as seen. The signal counts again when it gets worse."))
    else:
        messages.error(request, _("Write why no action is needed now."))
    return redirect("health:family", pk=family.pk)


@role_required(*STAFF_ROLES)
def reminders(request):
    return render(request, "health/reminders.html", {"reminders": reminders_for(request.user)})
