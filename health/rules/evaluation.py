"""An agreed agreement whose evaluation date has passed."""

from django.db.models import OuterRef
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import Agreement, Status
from health.rules.base import Context, Reason, SignalRule, first


def facts(c: Context) -> dict:
    overdue = Agreement.objects.filter(family=OuterRef("pk"))
    overdue = overdue.filter(status__in=[Status.AGREED, Status.EVALUATED], evaluation_on__lt=c.today)
    return {
        "overdue_evaluation_on": first(overdue, "evaluation_on", "evaluation_on"),
        "overdue_agreement_id": first(overdue, "pk", "evaluation_on"),
        "overdue_agreement_title": first(overdue, "title", "evaluation_on"),
    }


def explain(family, c: Context) -> Reason:
    if not family.overdue_evaluation_on:
        return Reason(_("No evaluation overdue."))
    return Reason(
        _("Evaluation of “%(title)s” overdue since %(date)s.")
        % {"title": family.overdue_agreement_title, "date": date_format(family.overdue_evaluation_on, "j F")},
        _("Evaluate together"),
        reverse_lazy("agreements:evaluate", args=[family.pk, family.overdue_agreement_id]),
    )


RULE = SignalRule(
    key="evaluation",
    label=gettext_lazy("Evaluation of agreements"),
    thresholds={
        "evaluation_concern_days": 14,  # overdue at all is attention; overdue this long, concern
    },
    facts=facts,
    level="CASE WHEN overdue_evaluation_on IS NULL THEN 0 WHEN overdue_evaluation_on < %s THEN 2 ELSE 1 END",
    params=lambda c: [c.date_ago("evaluation_concern_days")],
    explain=explain,
)
