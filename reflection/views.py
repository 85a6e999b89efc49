"""Private reflection after a contact, the staff's monthly pulse, and the coordinator's figures of both.
Reflections are not written to the family's access log: they are the author's own notes, not the family's file."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import coordinator_required, pedagogical_staff_required, staff_required
from partnership.service_errors import errors_on
from reflection import selectors, services
from reflection.forms import PRIVATE, PulseForm, ReflectionForm
from reflection.models import PULSE_MIN_RESPONDENTS


@staff_required
@require_http_methods(["GET", "POST"])
def write(request, pk, contact_pk):
    contact = selectors.own_contact(request.user, pk, contact_pk)
    existing = selectors.reflection_on(contact)
    form = ReflectionForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            reflection = services.reflection_save(
                contact=contact, by=request.user, reflection=existing, **form.cleaned_data
            )
            messages.success(request, _("Your reflection is saved. Only you can read it."))
            return redirect(reflection)
    return render(
        request,
        "reflection/write.html",
        {"contact": contact, "family": contact.family, "form": form, "existing": existing, "private": PRIVATE},
    )


@staff_required
@require_GET
def mine(request):
    return render(
        request,
        "reflection/mine.html",
        {
            "reflections": selectors.reflections_of(request.user),
            "pulse_open": request.user.role == "staff" and not selectors.has_answered_pulse(request.user),
            "private": PRIVATE,
        },
    )


@staff_required
@require_GET
def detail(request, reflection_pk):
    reflection = selectors.reflection_for(request.user, reflection_pk)
    return render(request, "reflection/detail.html", {"reflection": reflection, "private": PRIVATE})


@staff_required
@require_POST
def delete(request, reflection_pk):
    reflection = selectors.reflection_for(request.user, reflection_pk)
    services.reflection_delete(reflection=reflection, by=request.user)
    messages.success(request, _("Your reflection is deleted."))
    return redirect("reflection:mine")


@pedagogical_staff_required
@require_http_methods(["GET", "POST"])
def pulse(request):
    answered = selectors.has_answered_pulse(request.user)
    locations = selectors.pulse_locations(request.user)
    form = PulseForm(request.POST or None, locations=locations)
    if request.method == "POST" and not answered and form.is_valid():
        with errors_on(form):
            services.pulse_answer(
                by=request.user,
                location=form.cleaned_data["location"],
                relatie=form.cleaned_data["relatie"],
                competentie=form.cleaned_data["competentie"],
                autonomie=form.cleaned_data["autonomie"],
            )
            messages.success(request, _("Thank you. Your answer is stored without your name."))
            return redirect("reflection:mine")
    return render(
        request,
        "reflection/pulse.html",
        {"form": form, "answered": answered, "has_locations": bool(locations), "minimum": PULSE_MIN_RESPONDENTS},
    )


# GET first: a POST is 405 to everyone, as on the other pages without a form.
@require_GET
@coordinator_required
def teams(request):
    return render(
        request,
        "reflection/teams.html",
        {"rows": selectors.team_figures(request.user), "minimum": PULSE_MIN_RESPONDENTS},
    )
