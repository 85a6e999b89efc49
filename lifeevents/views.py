"""Life events of a family: the list (active and faded), noting one with the parents' knowledge, changing
until when it shows, ending it now. Staff who may see the family; never parents."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import staff_required
from lifeevents import selectors, services
from lifeevents.forms import EndDateForm, LifeEventForm
from partnership.service_errors import errors_as_messages, errors_on


@staff_required
@require_GET
def family_list(request, pk):
    family = selectors.family_for(request.user, pk)
    today = timezone.localdate()
    events = list(selectors.life_events_of(family))
    for event in events:
        event.active = event.is_active(today)
        event.end_form = EndDateForm(initial={"ends_on": event.ends_on}, prefix=f"event-{event.pk}")
    return render(request, "lifeevents/list.html", {"family": family, "events": events})


@staff_required
@require_http_methods(["GET", "POST"])
def create(request, pk):
    family = selectors.family_for(request.user, pk)
    form = LifeEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.life_event_note(family=family, by=request.user, **form.cleaned_data)
            messages.success(request, _("The life event is noted. It shows on the family's briefing card."))
            return redirect("lifeevents:list", pk=family.pk)
    return render(request, "lifeevents/form.html", {"family": family, "form": form})


@staff_required
@require_POST
def set_end(request, pk, event_pk):
    event = selectors.life_event_for(request.user, pk, event_pk)
    form = EndDateForm(request.POST, prefix=f"event-{event.pk}")
    if form.is_valid():
        with errors_as_messages(request):
            services.life_event_set_end(event=event, ends_on=form.cleaned_data["ends_on"])
            messages.success(request, _("Saved: the life event shows until the day you chose."))
    else:
        messages.error(request, _("Choose a valid date."))
    return redirect("lifeevents:list", pk=pk)


@staff_required
@require_POST
def end(request, pk, event_pk):
    event = selectors.life_event_for(request.user, pk, event_pk)
    with errors_as_messages(request):
        services.life_event_end(event=event, by=request.user)
        messages.success(request, _("Ended: the life event no longer shows on the briefing card."))
    return redirect("lifeevents:list", pk=pk)
