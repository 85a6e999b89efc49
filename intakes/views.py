from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import role_required
from families.selectors import family_for_edit
from families.views import LEAD_ROLES, STAFF_ROLES
from intakes import services
from intakes.forms import IntakeForm, IntakeQuestionForm
from intakes.models import IntakeQuestion
from intakes.selectors import intake_for


@role_required(*STAFF_ROLES)
@require_http_methods(["GET", "POST"])
def intake_create(request, pk):
    family = family_for_edit(request.user, pk)
    questions = IntakeQuestion.objects.active()
    form = IntakeForm(request.POST or None, family=family, questions=questions)
    if form.is_valid():
        intake = services.intake_record(
            family=family,
            by=request.user,
            held_on=form.cleaned_data["held_on"],
            caregivers=form.cleaned_data["caregivers"],
            children=form.cleaned_data["children"],
            interpreter_used=form.cleaned_data["interpreter_used"],
            told_always_welcome=form.cleaned_data["told_always_welcome"],
            answers=form.answers(),
            tone=form.cleaned_data["tone"],
            items=form.cleaned_data["items"],
        )
        messages.success(request, _("The intake has been saved."))
        return redirect(intake)
    return render(request, "intakes/intake_form.html", {"family": family, "form": form})


@role_required(*STAFF_ROLES)
def intake_detail(request, pk, intake_pk):
    intake = intake_for(request.user, pk, intake_pk)
    return render(request, "intakes/intake_detail.html", {"intake": intake, "family": intake.family})


@role_required(*LEAD_ROLES)
def question_list(request):
    questions = IntakeQuestion.objects.annotate(answer_count=Count("answers")).order_by("retired_on", "position", "pk")
    return render(request, "intakes/question_list.html", {"questions": questions})


@role_required(*LEAD_ROLES)
@require_http_methods(["GET", "POST"])
def question_form(request, question_pk=None):
    question = get_object_or_404(IntakeQuestion, pk=question_pk) if question_pk else None
    form = IntakeQuestionForm(request.POST or None, instance=question)
    if form.is_valid():
        if question:
            form.save()
        else:
            services.question_add(**form.cleaned_data)
        messages.success(request, _("Saved. Earlier intakes keep the question as it was asked then."))
        return redirect("intakes:questions")
    title = _("Reword question") if question else _("New intake question")
    return render(request, "intakes/question_form.html", {"form": form, "title": title})


@role_required(*LEAD_ROLES)
@require_POST
def question_move(request, question_pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    question = get_object_or_404(IntakeQuestion.objects.active(), pk=question_pk)
    services.question_move(question=question, up=direction == "up")
    return redirect("intakes:questions")


@role_required(*LEAD_ROLES)
@require_POST
def question_retire(request, question_pk):
    question = get_object_or_404(IntakeQuestion, pk=question_pk)
    services.question_retire(question=question)
    return redirect("intakes:questions")
