from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts.permissions import staff_required
from audit.models import Read
from audit.services import access_record
from families.selectors import family_for_edit
from intakes import selectors, services
from intakes.forms import IntakeForm, IntakeQuestionForm
from intakes.models import IntakeQuestion
from partnership.catalogue_views import CatalogueViews
from partnership.service_errors import errors_on


@staff_required
@require_http_methods(["GET", "POST"])
def intake_create(request, pk):
    family = family_for_edit(request.user, pk)
    form = IntakeForm(request.POST or None, family=family, questions=selectors.questions_to_ask(family))
    if form.is_valid():
        with errors_on(form):
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


@staff_required
def intake_detail(request, pk, intake_pk):
    intake = selectors.intake_for(request.user, pk, intake_pk)
    access_record(user=request.user, family=intake.family, what=Read.INTAKE, object_id=intake.pk)
    return render(request, "intakes/intake_detail.html", {"intake": intake, "family": intake.family})


# The coordinator's pages of the question set: intakes:questions, question_add, question_edit, question_move,
# question_retire.
questions = CatalogueViews(
    namespace="intakes",
    entry="question",
    model=IntakeQuestion,
    form_class=IntakeQuestionForm,
    entries_for=selectors.questions_for,
    list_context=lambda user: {"questions": selectors.question_list_for(user)},
    new_title=gettext_lazy("New intake question"),
    edit_title=gettext_lazy("Reword question"),
    saved_message=gettext_lazy("Saved. Earlier intakes keep the question as it was asked then."),
)
