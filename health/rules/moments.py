"""Positive moments shared with the parents (success factors 31 and 39: a positive basic attitude, positive
feedback about the child). A family that has heard nothing positive about its child for a month is worth a
look; it never becomes "action needed": it is a nudge to share what goes well, not a fault. Paperwork-like, it
counts from the family's first day or the organisation's go-live date, whichever is later."""

from django.db.models import OuterRef
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from health.rules.base import PAPERWORK_FROM, Context, Reason, SignalRule, first, paperwork_facts, paperwork_from
from moments.models import Moment


def facts(c: Context) -> dict:
    return paperwork_facts() | {
        "last_moment_at": first(Moment.objects.filter(family=OuterRef("pk")), "created_at", "-created_at")
    }


def explain(family, c: Context) -> Reason:
    days = c["moments_attention_days"]
    if family.last_moment_at is None:
        reason = _("No positive moment has been shared with the parents yet.")
        since = paperwork_from(family)
        if since is None or since > c.date_ago("moments_attention_days"):
            return Reason(reason)  # a family in its first month: nothing to ask yet
    else:
        reason = _("The last positive moment was shared with the parents on %(date)s.") % {
            "date": date_format(localtime(family.last_moment_at), "SHORT_DATE_FORMAT")
        }
        if family.last_moment_at >= c.time_ago("moments_attention_days"):
            return Reason(reason)
    return Reason(
        reason + " " + _("Share something that went well at least once in %(days)d days.") % {"days": days},
        _("Share a positive moment"),
        reverse_lazy("moments:family", args=[family.pk]),
    )


RULE = SignalRule(
    key="moments",
    label=gettext_lazy("Positive moments"),
    thresholds={
        "moments_attention_days": 30,  # no positive moment shared with the parents in this many days
    },
    facts=facts,
    level=(
        "CASE WHEN last_moment_at >= %s THEN 0 "
        f"WHEN {PAPERWORK_FROM} IS NULL OR {PAPERWORK_FROM} > %s THEN 0 ELSE 1 END"
    ),
    params=lambda c: [c.time_ago("moments_attention_days"), c.date_ago("moments_attention_days")],
    explain=explain,
)
