"""A family that needs an interpreter, and recent conversations held without one."""

from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contacts.choices import Kind
from health.rules.base import Context, Reason, SignalRule


def contact_facts(c: Context) -> dict:
    without = ~Q(kind=Kind.INFORMAL) & Q(occurred_at__gte=c.time_ago("interpreter_days"), interpreter_used=False)
    return {"without_interpreter": Count("pk", filter=without)}


def explain(family, c: Context) -> Reason:
    if not family.interpreter_needed:
        return Reason(_("No interpreter needed."))
    reason = ngettext(
        "An interpreter is needed; %(n)d conversation in the last %(days)d days was without one.",
        "An interpreter is needed; %(n)d conversations in the last %(days)d days were without one.",
        family.without_interpreter,
    ) % {"n": family.without_interpreter, "days": c["interpreter_days"]}
    conversation = reverse_lazy("contacts:create", args=[family.pk, "parent_conversation"])
    return Reason(reason, _("Plan a conversation with an interpreter"), conversation)


RULE = SignalRule(
    key="interpreter",
    label=gettext_lazy("Interpreter"),
    thresholds={
        "interpreter_days": 90,  # conversations (not door chats) without an interpreter in this period
        "interpreter_attention_count": 1,  # this many of them
        "interpreter_concern_count": 2,
    },
    fields=("interpreter_needed",),
    contact_facts=contact_facts,
    level=(
        "CASE WHEN NOT interpreter_needed THEN 0 WHEN without_interpreter >= %s THEN 2 "
        "WHEN without_interpreter >= %s THEN 1 ELSE 0 END"
    ),
    params=lambda c: [c["interpreter_concern_count"], c["interpreter_attention_count"]],
    explain=explain,
)
