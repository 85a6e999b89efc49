import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifeevents.models import AHEAD_DAYS, LONGEST_DAYS, Kind, LifeEvent, default_end


def _check_end(*, happened_on: datetime.date, ends_on: datetime.date, today: datetime.date) -> None:
    if ends_on < today:
        raise ValidationError({"ends_on": _("Choose an end from today on; to end it now, use “End now”.")})
    if ends_on < happened_on:
        raise ValidationError({"ends_on": _("Choose an end after the date of the event.")})
    if ends_on > today + datetime.timedelta(days=LONGEST_DAYS):
        raise ValidationError({"ends_on": _("Choose an end within two years: note it again later if it lasts.")})


@transaction.atomic
def life_event_note(
    *,
    family,
    kind: str,
    description: str,
    happened_on: datetime.date,
    parents_know: bool,
    by,
    ends_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> LifeEvent:
    """Note a life event of the family, with the parents' knowledge. Without an end it fades after its kind's
    period from its date."""
    today = today or timezone.localdate()
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose what happened.")})
    if not parents_know:
        raise ValidationError({"parents_know": _("Note a life event only when the parents know it is noted.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe it in a few words.")})
    if happened_on > today + datetime.timedelta(days=AHEAD_DAYS):
        raise ValidationError({"happened_on": _("Choose a date within six months from now.")})
    if ends_on is None:
        ends_on = default_end(kind, happened_on)
        if ends_on < today:
            raise ValidationError(
                {"ends_on": _("By its date this would have faded already: choose until when it shows.")}
            )
    _check_end(happened_on=happened_on, ends_on=ends_on, today=today)
    return LifeEvent.objects.create(
        family=family,
        kind=kind,
        description=description.strip(),
        happened_on=happened_on,
        parents_know=True,
        ends_on=ends_on,
        noted_by=by,
    )


@transaction.atomic
def life_event_set_end(*, event: LifeEvent, ends_on: datetime.date, today: datetime.date | None = None) -> LifeEvent:
    locked = LifeEvent.objects.select_for_update().get(pk=event.pk)
    if locked.ended_at is not None:
        raise ValidationError(_("This life event was ended already."))
    _check_end(happened_on=locked.happened_on, ends_on=ends_on, today=today or timezone.localdate())
    locked.ends_on = ends_on
    locked.save(update_fields=["ends_on"])
    return locked


@transaction.atomic
def life_event_end(*, event: LifeEvent, by) -> LifeEvent:
    """It no longer shows on the briefing card from now on; kept, with who ended it and when."""
    locked = LifeEvent.objects.select_for_update().get(pk=event.pk)
    if locked.ended_at is not None:
        raise ValidationError(_("This life event was ended already."))
    locked.ended_at = timezone.now()
    locked.ended_by = by
    locked.save(update_fields=["ended_at", "ended_by"])
    return locked
