"""Success-factor coverage: the share of recent conversations (not door chats) with a checklist item ticked."""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contacts.choices import Kind
from contacts.models import ChecklistTick
from health.rules.base import Context, Reason, SignalRule


def contact_facts(c: Context) -> dict:
    conversation = ~Q(kind=Kind.INFORMAL) & Q(occurred_at__gte=c.time_ago("coverage_days"))
    ticked = Exists(ChecklistTick.objects.filter(contact=OuterRef("pk")))
    return {
        "conversations": Count("pk", filter=conversation),
        "ticked_conversations": Count("pk", filter=conversation & ticked),
    }


def explain(family, c: Context) -> Reason:
    if family.conversations < c["coverage_min_contacts"]:
        reason = _("Too few conversations in the last %(days)d days to say.") % {"days": c["coverage_days"]}
    else:
        reason = _(
            "In %(ticked)d of %(total)d conversations of the last %(days)d days a success factor was ticked."
        ) % {
            "ticked": family.ticked_conversations,
            "total": family.conversations,
            "days": c["coverage_days"],
        }
    conversation = reverse_lazy("contacts:create", args=[family.pk, "parent_conversation"])
    return Reason(reason, _("Use the checklist in the next conversation"), conversation)


RULE = SignalRule(
    key="coverage",
    label=gettext_lazy("Success factors in conversations"),
    thresholds={
        "coverage_days": 90,  # the period counted
        "coverage_min_contacts": 2,  # fewer conversations than this in the period say nothing
        "coverage_attention_percent": 50,  # share of conversations with a success factor ticked below this
        "coverage_concern_percent": 20,
    },
    contact_facts=contact_facts,
    level=(
        "CASE WHEN conversations < %s THEN 0 WHEN ticked_conversations * 100 < conversations * %s THEN 2 "
        "WHEN ticked_conversations * 100 < conversations * %s THEN 1 ELSE 0 END"
    ),
    params=lambda c: [c["coverage_min_contacts"], c["coverage_concern_percent"], c["coverage_attention_percent"]],
    explain=explain,
)
