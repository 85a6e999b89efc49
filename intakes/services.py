import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Tone
from contacts.services import ContactData, contact_log
from intakes.models import Intake, IntakeAnswer


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
    if any(question.organisation_id != family.organisation_id or question.retired_on for question in answers):
        raise ValidationError(_("A question you answered is not (or no longer) in the intake. Answer again."))
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
