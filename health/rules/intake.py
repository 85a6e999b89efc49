"""The intake (kennismakingsgesprek) of a new family, held within its first weeks. Paperwork: the days count
from the family's first day or the organisation's go-live date, whichever is later."""

from django.db.models import Exists, OuterRef
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from health.rules.base import PAPERWORK_FROM, Context, Reason, SignalRule, paperwork_facts, paperwork_from
from intakes.models import Intake


def explain(family, c: Context) -> Reason:
    if family.has_intake:
        return Reason(_("The intake has been held."))
    since = paperwork_from(family)
    counted = max(0, (c.today - since).days) if since else 0
    if family.go_live and family.first_day and family.go_live > family.first_day:
        reason = ngettext(
            "No intake recorded yet. The family was with us before the organisation started using this app "
            "(%(date)s), so this counts from then: %(n)d day.",
            "No intake recorded yet. The family was with us before the organisation started using this app "
            "(%(date)s), so this counts from then: %(n)d days.",
            counted,
        ) % {"n": counted, "date": date_format(family.go_live, "SHORT_DATE_FORMAT")}
    else:
        reason = ngettext(
            "No intake yet; the family has been with us for %(n)d day.",
            "No intake yet; the family has been with us for %(n)d days.",
            counted,
        ) % {"n": counted}
    return Reason(reason, _("Record the intake"), reverse_lazy("intakes:create", args=[family.pk]))


RULE = SignalRule(
    key="intake",
    label=gettext_lazy("Intake"),
    thresholds={
        "intake_attention_days": 14,  # no intake this many days after the first day (or the go-live date)
        "intake_concern_days": 42,
    },
    facts=lambda c: paperwork_facts() | {"has_intake": Exists(Intake.objects.filter(family=OuterRef("pk")))},
    level=(
        f"CASE WHEN has_intake THEN 0 WHEN {PAPERWORK_FROM} < %s THEN 2 WHEN {PAPERWORK_FROM} < %s THEN 1 ELSE 0 END"
    ),
    params=lambda c: [c.date_ago("intake_concern_days"), c.date_ago("intake_attention_days")],
    explain=explain,
)
