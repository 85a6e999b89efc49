"""Recent contacts where the parent seemed worried or tense."""

from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contacts.choices import Tone
from health.rules.base import Context, Reason, SignalRule


def contact_facts(c: Context) -> dict:
    hard = Q(occurred_at__gte=c.time_ago("tone_days"), tone__in=[Tone.WORRIED, Tone.TENSE])
    return {"hard_contacts": Count("pk", filter=hard)}


def explain(family, c: Context) -> Reason:
    return Reason(
        ngettext(
            "%(n)d contact in the last %(days)d days where the parent seemed worried or tense.",
            "%(n)d contacts in the last %(days)d days where the parent seemed worried or tense.",
            family.hard_contacts,
        )
        % {"n": family.hard_contacts, "days": c["tone_days"]},
        _("Plan a conversation"),
        reverse_lazy("contacts:create", args=[family.pk, "parent_conversation"]),
    )


RULE = SignalRule(
    key="tone",
    label=gettext_lazy("Tone of recent contacts"),
    thresholds={
        "tone_days": 45,  # worried or tense contacts in this period
        "tone_attention_count": 2,  # this many of them
        "tone_concern_count": 3,
    },
    contact_facts=contact_facts,
    level="CASE WHEN hard_contacts >= %s THEN 2 WHEN hard_contacts >= %s THEN 1 ELSE 0 END",
    params=lambda c: [c["tone_concern_count"], c["tone_attention_count"]],
    explain=explain,
)
