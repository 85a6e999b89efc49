import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from contacts.choices import Kind, Tone
from contacts.services import ContactData, contact_log
from intakes.models import Intake, IntakeAnswer, IntakeQuestion
from partnership.ordering import swap_with_neighbour, toggle_retired


@transaction.atomic
def intake_record(
    *,
    family,
    by,
    held_on: datetime.date,
    caregivers,
    children,
    interpreter_used: bool,
    told_always_welcome: bool,
    answers: dict,
    tone: str = Tone.NEUTRAL,
    items=(),
) -> Intake:
    """The intake with its answers, and the contact moment that puts it on the family's timeline."""
    intake = Intake.objects.create(
        family=family,
        conducted_by=by,
        held_on=held_on,
        interpreter_used=interpreter_used,
        told_always_welcome=told_always_welcome,
    )
    intake.caregivers.set(caregivers)
    intake.children.set(children)
    IntakeAnswer.objects.bulk_create(
        IntakeAnswer(intake=intake, question=question, question_text=question.text, answer=answer)
        for question, answer in answers.items()
    )
    held_at = timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(12)))
    contact_log(
        family=family,
        by=by,
        intake=intake,
        data=ContactData(
            kind=Kind.INTAKE,
            occurred_at=min(held_at, timezone.now()),
            tone=tone,
            caregivers=list(caregivers),
            children=list(children),
            interpreter_used=interpreter_used,
            items=list(items),
        ),
    )
    return intake


@transaction.atomic
def question_add(*, text: str, hint: str, audience: str, source: str) -> IntakeQuestion:
    last = IntakeQuestion.objects.aggregate(last=Max("position"))["last"] or 0
    return IntakeQuestion.objects.create(text=text, hint=hint, audience=audience, source=source, position=last + 10)


def question_move(*, question: IntakeQuestion, up: bool) -> None:
    """Swap places with the neighbouring active question."""
    swap_with_neighbour(entry=question, siblings=IntakeQuestion.objects.active(), up=up)


def question_retire(*, question: IntakeQuestion) -> None:
    toggle_retired(entry=question)
