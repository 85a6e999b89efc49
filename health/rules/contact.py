"""Days since the last contact with a caregiver. A family without any contact logged counts from its first day, or
from the organisation's go-live date when that is later (before it, nothing was logged in the app)."""

from django.db.models import Max
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from health.rules.base import PAPERWORK_FROM, Context, Reason, SignalRule, paperwork_facts


def explain(family, c: Context) -> Reason:
    if family.contact_last_at:
        since = (c.today - timezone.localdate(family.contact_last_at)).days
        reason = ngettext(
            "Last contact with a caregiver %(n)d day ago.", "Last contact with a caregiver %(n)d days ago.", since
        ) % {"n": since}
    elif family.go_live and family.first_day and family.go_live > family.first_day:
        reason = _("No contact with the parents logged since the organisation started using this app (%(date)s).") % {
            "date": date_format(family.go_live, "SHORT_DATE_FORMAT")
        }
    else:
        reason = _("No contact with the parents logged yet.")
    return Reason(reason, _("Log a contact"), reverse_lazy("contacts:quick", args=[family.pk]))


RULE = SignalRule(
    key="contact",
    label=gettext_lazy("Contact with the parents"),
    thresholds={
        "contact_attention_days": 21,  # no contact with a caregiver for this many days
        "contact_concern_days": 42,
    },
    facts=lambda c: paperwork_facts(),
    contact_facts=lambda c: {"contact_last_at": Max("occurred_at")},
    level=(
        "CASE WHEN contact_last_at IS NULL THEN "
        f"(CASE WHEN {PAPERWORK_FROM} < %s THEN 2 WHEN {PAPERWORK_FROM} < %s THEN 1 ELSE 0 END) "
        "WHEN contact_last_at < %s THEN 2 WHEN contact_last_at < %s THEN 1 ELSE 0 END"
    ),
    params=lambda c: [
        c.date_ago("contact_concern_days"),
        c.date_ago("contact_attention_days"),
        c.time_ago("contact_concern_days"),
        c.time_ago("contact_attention_days"),
    ],
    explain=explain,
)
