import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from families.models import Family
from health.computation import SIGNALS, health_rows, keep_every_audience
from health.models import LOOK_AGAIN_MAX_DAYS, Acknowledgement, Kind, Snapshot, holding_q
from health.rules import limits


def _holding(*, today: datetime.date | None = None):
    """The acknowledgements that hold now, by the one rule of health.models.holding_q."""
    seen_since = timezone.now() - datetime.timedelta(days=limits()["acknowledgement_days"])
    return Acknowledgement.objects.filter(holding_q(today=today or timezone.localdate(), seen_since=seen_since))


@transaction.atomic
def signal_acknowledge(*, family, signal: str, level: int, note: str, by) -> Acknowledgement:
    """A coordinator marks a signal as seen; it counts again when it gets worse or after a while."""
    if signal not in SIGNALS:
        raise ValidationError({"signal": _("Unknown signal.")})
    if not level:
        raise ValidationError(_("This signal is good: there is nothing to acknowledge."))
    if not note.strip():
        raise ValidationError({"note": _("Write why no action is needed now.")})
    return Acknowledgement.objects.create(family=family, signal=signal, level=level, note=note.strip(), by=by)


@transaction.atomic
def signal_give_time(
    *,
    family,
    signal: str,
    level: int,
    reason: str,
    look_again_on: datetime.date,
    by,
    today: datetime.date | None = None,
) -> Acknowledgement:
    """The family's staff hold a signal on purpose (trust takes time): it does not count, at any level, until
    the look-again day, when it counts again and the person who gave the time is reminded."""
    today = today or timezone.localdate()
    if signal not in SIGNALS:
        raise ValidationError({"signal": _("Unknown signal.")})
    if not level:
        raise ValidationError(_("This signal is good: there is nothing to give time."))
    if not reason.strip():
        raise ValidationError({"reason": _("Write why you give this time.")})
    if look_again_on is None or look_again_on <= today:
        raise ValidationError({"look_again_on": _("Choose a day after today to look again.")})
    if look_again_on > today + datetime.timedelta(days=LOOK_AGAIN_MAX_DAYS):
        raise ValidationError({"look_again_on": _("Choose a day within six months: look again before then.")})
    # Locks the family's row: two colleagues giving time at once make one hold, not two.
    type(family).objects.select_for_update().filter(pk=family.pk).first()
    if _holding(today=today).filter(family=family, signal=signal, kind=Kind.TIME).exists():
        raise ValidationError(_("Time was already given for this signal. Undo that first to choose another day."))
    return Acknowledgement.objects.create(
        family=family,
        signal=signal,
        kind=Kind.TIME,
        level=level,
        note=reason.strip(),
        look_again_on=look_again_on,
        by=by,
    )


@transaction.atomic
def acknowledgement_withdraw(*, acknowledgement: Acknowledgement, by) -> Acknowledgement:
    """Undo "marked as seen" or end time given early: the signal counts again at once. The acknowledgement is
    kept, with who undid it and when, so the family's page still shows what was decided and by whom."""
    locked = Acknowledgement.objects.select_for_update().get(pk=acknowledgement.pk)
    if locked.withdrawn_at is not None:
        raise ValidationError(_("This was already undone."))
    if not _holding().filter(pk=locked.pk).exists():
        raise ValidationError(_("This no longer counts: there is nothing to undo."))
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = by
    locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return locked


def snapshots_take(*, today: datetime.date | None = None, batch_size: int = 500) -> int:
    """Store today's status of every active family, and keep today's health rows of every audience for the pages
    (health.store). Safe to run twice: a second run updates the same rows."""
    today = today or timezone.localdate()
    active = Family.objects.filter(archived_on__isnull=True)
    if today == timezone.localdate():
        keep_every_audience(active)
    rows = [
        Snapshot(
            family_id=row["id"],
            day=today,
            level=row["health"],
            levels={signal: row[f"level_{signal}"] for signal in SIGNALS},
        )
        for row in health_rows(active, today=today)
    ]
    with transaction.atomic():
        Snapshot.objects.bulk_create(
            rows,
            batch_size=batch_size,
            update_conflicts=True,
            unique_fields=["family", "day"],
            update_fields=["level", "levels"],
        )
    return len(rows)
