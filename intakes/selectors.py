from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from families.selectors import families_visible_to
from intakes.models import Intake, IntakeAnswer, IntakeQuestion


def questions_for(user) -> QuerySet[IntakeQuestion]:
    """The question set a coordinator maintains: her own organisation's, never another's."""
    return IntakeQuestion.objects.for_organisation(user.organisation_id)


def question_list_for(user) -> QuerySet[IntakeQuestion]:
    """The maintenance list: active questions in order, then the retired ones, each with how often it was
    answered."""
    return questions_for(user).annotate(answer_count=Count("answers")).order_by("retired_on", "position", "pk")


def questions_to_ask(family) -> QuerySet[IntakeQuestion]:
    """The questions of an intake with this family: its organisation's active ones."""
    return IntakeQuestion.objects.for_organisation(family.organisation_id).active()


def intake_for(user, family_pk: int, pk: int) -> Intake:
    families = families_visible_to(user)
    queryset = (
        Intake.objects.filter(family__in=families)
        .select_related("family", "conducted_by")
        .prefetch_related(
            "caregivers", "children", Prefetch("answers", IntakeAnswer.objects.select_related("question"))
        )
    )
    return get_object_or_404(queryset, family_id=family_pk, pk=pk)
