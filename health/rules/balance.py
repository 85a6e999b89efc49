"""Contact when all is well: the share of informal or positive contacts in a recent period."""

from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contacts.choices import Kind, Tone
from health.rules.base import Context, Reason, SignalRule


def contact_facts(c: Context) -> dict:
    recent = Q(occurred_at__gte=c.time_ago("balance_days"))
    return {
        "recent_contacts": Count("pk", filter=recent),
        "warm_contacts": Count("pk", filter=recent & (Q(kind=Kind.INFORMAL) | Q(tone=Tone.POSITIVE))),
    }


def explain(family, c: Context) -> Reason:
    if family.recent_contacts < c["balance_min_contacts"]:
        reason = _("Too few contacts in the last %(days)d days to say.") % {"days": c["balance_days"]}
    else:
        reason = _("%(warm)d of the %(total)d contacts in the last %(days)d days were informal or positive.") % {
            "warm": family.warm_contacts,
            "total": family.recent_contacts,
            "days": c["balance_days"],
        }
    return Reason(reason, _("Have a chat at the door"), reverse_lazy("contacts:quick", args=[family.pk]))


RULE = SignalRule(
    key="balance",
    label=gettext_lazy("Contact when all is well"),
    thresholds={
        "balance_days": 90,  # the period counted
        "balance_min_contacts": 3,  # fewer contacts than this in the period say nothing
        "balance_attention_percent": 50,  # informal or positive share below this
        "balance_concern_percent": 25,
    },
    contact_facts=contact_facts,
    level=(
        "CASE WHEN recent_contacts < %s THEN 0 WHEN warm_contacts * 100 < recent_contacts * %s THEN 2 "
        "WHEN warm_contacts * 100 < recent_contacts * %s THEN 1 ELSE 0 END"
    ),
    params=lambda c: [c["balance_min_contacts"], c["balance_concern_percent"], c["balance_attention_percent"]],
    explain=explain,
)
