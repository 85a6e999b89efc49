"""Follow-ups promised to the parents that are overdue."""

from django.db.models import OuterRef
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contacts.models import FollowUp
from health.rules.base import Context, Reason, SignalRule, count, first


def facts(c: Context) -> dict:
    promised = FollowUp.objects.filter(family=OuterRef("pk"), promised_to_parents=True, done_on__isnull=True)
    overdue = promised.filter(due_on__lt=c.today)
    return {"overdue_promises": count(overdue), "oldest_promise_due": first(overdue, "due_on", "due_on")}


def explain(family, c: Context) -> Reason:
    if not family.overdue_promises:
        return Reason(_("No promise to the parents overdue."))
    return Reason(
        ngettext(
            "%(n)d follow-up promised to the parents is overdue (since %(date)s).",
            "%(n)d follow-ups promised to the parents are overdue (the oldest since %(date)s).",
            family.overdue_promises,
        )
        % {"n": family.overdue_promises, "date": date_format(family.oldest_promise_due, "j F")},
        _("Do it, or tell the parents"),
        format_lazy("{}#follow-ups", reverse_lazy("families:detail", args=[family.pk])),
    )


RULE = SignalRule(
    key="promises",
    label=gettext_lazy("Promises to the parents"),
    thresholds={
        "promise_concern_days": 14,  # overdue at all is attention; the oldest overdue this long, concern
    },
    facts=facts,
    level="CASE WHEN oldest_promise_due < %s THEN 2 WHEN overdue_promises > 0 THEN 1 ELSE 0 END",
    params=lambda c: [c.date_ago("promise_concern_days")],
    explain=explain,
)
