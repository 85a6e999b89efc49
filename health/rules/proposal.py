"""An agreement proposed to the parents that they have not agreed to for a while. The waiting counts from when a
parent with gezag could know of it: told by the outbox (a notification of its current version), or using the
portal (from the proposal, or from their invitation when they joined later). When none of them uses the portal,
it counts from the proposal, and the explanation says to record the akkoord in a conversation."""

from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest, Least
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from agreements.gezag import uses_portal_q
from agreements.models import Agreement, Status
from families.models import Caregiver
from health.rules.base import Context, Reason, SignalRule, count, first
from notifications.models import Notification


def _known_since():
    """Per agreement (inside the agreement subquery): the first moment a parent with gezag could know of its
    current version."""
    holders = Caregiver.objects.filter(family_id=OuterRef("family_id"), has_parental_authority=True)
    event = Concat(Value("agreement-version:"), Cast(OuterRef("current_id"), CharField()))
    notified = Notification.objects.filter(
        recipient__caregiver__family_id=OuterRef("family_id"),
        recipient__caregiver__has_parental_authority=True,
        event=event,
    ).order_by("created_at")
    in_portal = (
        holders.filter(uses_portal_q())
        .annotate(since=Greatest("invited_at", OuterRef("proposed_at")))
        .order_by("since")
    )
    # PostgreSQL's LEAST skips NULLs: whichever way they could know first.
    return Coalesce(
        Least(Subquery(notified.values("created_at")[:1]), Subquery(in_portal.values("since")[:1])),
        F("proposed_at"),
    )


def facts(c: Context) -> dict:
    waiting = Agreement.objects.filter(family=OuterRef("pk"), status=Status.PROPOSED).annotate(known=_known_since())
    return {
        "proposal_waiting_since": first(waiting, "known", "known"),
        "proposal_agreement_id": first(waiting, "pk", "known"),
        "proposal_agreement_title": first(waiting, "title", "known"),
        "proposal_parents_in_portal": count(
            Caregiver.objects.filter(uses_portal_q(), family=OuterRef("pk"), has_parental_authority=True)
        ),
    }


def explain(family, c: Context) -> Reason:
    if not family.proposal_waiting_since:
        return Reason(_("No agreement waiting for the parents."))
    waited = (c.today - timezone.localdate(family.proposal_waiting_since)).days
    reason = ngettext(
        "“%(title)s” has been waiting %(n)d day for the parents' agreement.",
        "“%(title)s” has been waiting %(n)d days for the parents' agreement.",
        waited,
    ) % {"title": family.proposal_agreement_title, "n": waited}
    if not family.proposal_parents_in_portal:
        return Reason(
            reason
            + " "
            + _("None of the parents with parental authority uses the portal: record the akkoord in a conversation."),
            _("Record the akkoord in a conversation"),
            reverse_lazy("agreements:record_agreed", args=[family.pk, family.proposal_agreement_id]),
        )
    return Reason(
        reason,
        _("Talk it through with the parents"),
        reverse_lazy("agreements:detail", args=[family.pk, family.proposal_agreement_id]),
    )


RULE = SignalRule(
    key="proposal",
    label=gettext_lazy("Agreements waiting for the parents"),
    thresholds={
        "proposal_attention_days": 14,  # proposed to the parents but not agreed for this long
        "proposal_concern_days": 28,
    },
    facts=facts,
    level=("CASE WHEN proposal_waiting_since < %s THEN 2 WHEN proposal_waiting_since < %s THEN 1 ELSE 0 END"),
    params=lambda c: [c.time_ago("proposal_concern_days"), c.time_ago("proposal_attention_days")],
    explain=explain,
)
