from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from families.selectors import families_visible_to
from intakes.models import Intake, IntakeAnswer


def latest_intake_prefetch() -> Prefetch:
    """All intakes of a family, newest first, with answers: the family page shows the latest answers."""
    answers = IntakeAnswer.objects.select_related("question")
    return Prefetch(
        "intakes",
        queryset=Intake.objects.select_related("conducted_by").prefetch_related(Prefetch("answers", queryset=answers)),
    )


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
