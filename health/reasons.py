"""Every signal in plain words, with what to do about it and where. Works on one family annotated by
`health.signals.health_rows` (it reads the facts, it does not query)."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from health.models import Level, Signal
from health.signals import limits


@dataclass
class Row:
    signal: str
    label: str
    level: int
    seen: bool
    reason: str
    action: str = ""
    url: str = ""

    @property
    def level_label(self) -> str:
        return Level(self.level).label


def _day(value: datetime.date) -> str:
    return date_format(value, "j F")


def explain(family, *, today: datetime.date | None = None) -> list[Row]:
    today = today or timezone.localdate()
    t = limits()
    pk = family.pk
    conversation = reverse("contacts:create", args=[pk, "parent_conversation"])
    rows = []

    def add(signal, reason, action="", url=""):
        rows.append(
            Row(
                signal,
                Signal(signal).label,
                getattr(family, f"level_{signal}"),
                getattr(family, f"seen_{signal}"),
                reason,
                action,
                url,
            )
        )

    if family.contact_last_at:
        since = (today - timezone.localdate(family.contact_last_at)).days
        reason = ngettext(
            "Last contact with a caregiver %(n)d day ago.", "Last contact with a caregiver %(n)d days ago.", since
        ) % {"n": since}
    else:
        reason = _("No contact with the parents logged yet.")
    add(Signal.CONTACT, reason, _("Log a contact"), reverse("contacts:quick", args=[pk]))

    if family.recent_contacts < t["balance_min_contacts"]:
        reason = _("Too few contacts in the last %(days)d days to say.") % {"days": t["balance_days"]}
    else:
        reason = _("%(warm)d of the %(total)d contacts in the last %(days)d days were informal or positive.") % {
            "warm": family.warm_contacts,
            "total": family.recent_contacts,
            "days": t["balance_days"],
        }
    add(Signal.BALANCE, reason, _("Have a chat at the door"), reverse("contacts:quick", args=[pk]))

    if family.has_intake:
        add(Signal.INTAKE, _("The intake has been held."))
    else:
        started = (today - family.first_day).days if family.first_day else 0
        add(
            Signal.INTAKE,
            ngettext(
                "No intake yet; the family has been with us for %(n)d day.",
                "No intake yet; the family has been with us for %(n)d days.",
                started,
            )
            % {"n": started},
            _("Record the intake"),
            reverse("intakes:create", args=[pk]),
        )

    if family.overdue_evaluation_on:
        add(
            Signal.EVALUATION,
            _("Evaluation of “%(title)s” overdue since %(date)s.")
            % {"title": family.overdue_agreement_title, "date": _day(family.overdue_evaluation_on)},
            _("Evaluate together"),
            reverse("agreements:evaluate", args=[pk, family.overdue_agreement_id]),
        )
    else:
        add(Signal.EVALUATION, _("No evaluation overdue."))

    if family.waiting_since:
        waited = (today - timezone.localdate(family.waiting_since)).days
        add(
            Signal.PROPOSAL,
            ngettext(
                "“%(title)s” has been waiting %(n)d day for the parents' agreement.",
                "“%(title)s” has been waiting %(n)d days for the parents' agreement.",
                waited,
            )
            % {"title": family.waiting_agreement_title, "n": waited},
            _("Talk it through with the parents"),
            reverse("agreements:detail", args=[pk, family.waiting_agreement_id]),
        )
    else:
        add(Signal.PROPOSAL, _("No agreement waiting for the parents."))

    if family.overdue_promises:
        add(
            Signal.PROMISES,
            ngettext(
                "%(n)d follow-up promised to the parents is overdue (since %(date)s).",
                "%(n)d follow-ups promised to the parents are overdue (the oldest since %(date)s).",
                family.overdue_promises,
            )
            % {"n": family.overdue_promises, "date": _day(family.oldest_promise_due)},
            _("Do it, or tell the parents"),
            reverse("families:detail", args=[pk]) + "#follow-ups",
        )
    else:
        add(Signal.PROMISES, _("No promise to the parents overdue."))

    add(
        Signal.TONE,
        ngettext(
            "%(n)d contact in the last %(days)d days where the parent seemed worried or tense.",
            "%(n)d contacts in the last %(days)d days where the parent seemed worried or tense.",
            family.hard_contacts,
        )
        % {"n": family.hard_contacts, "days": t["tone_days"]},
        _("Plan a conversation"),
        conversation,
    )

    if family.interpreter_needed:
        reason = ngettext(
            "An interpreter is needed; %(n)d conversation in the last %(days)d days was without one.",
            "An interpreter is needed; %(n)d conversations in the last %(days)d days were without one.",
            family.without_interpreter,
        ) % {"n": family.without_interpreter, "days": t["interpreter_days"]}
        add(Signal.INTERPRETER, reason, _("Plan a conversation with an interpreter"), conversation)
    else:
        add(Signal.INTERPRETER, _("No interpreter needed."))

    if family.feedback_low is not None:
        add(
            Signal.FEEDBACK,
            _("The lowest score the parents gave recently: %(score)d of 5.") % {"score": family.feedback_low},
            _("Ask how they experience the partnership"),
            conversation,
        )
    else:
        add(Signal.FEEDBACK, _("No recent feedback from the parents."))

    if family.conversations < t["coverage_min_contacts"]:
        reason = _("Too few conversations in the last %(days)d days to say.") % {"days": t["coverage_days"]}
    else:
        reason = _(
            "In %(ticked)d of %(total)d conversations of the last %(days)d days a success factor was ticked."
        ) % {
            "ticked": family.ticked_conversations,
            "total": family.conversations,
            "days": t["coverage_days"],
        }
    add(Signal.COVERAGE, reason, _("Use the checklist in the next conversation"), conversation)
    return rows


def worst_rows(family, *, today=None) -> list[Row]:
    """The signals that need attention, worst first (for a dashboard row)."""
    return sorted((row for row in explain(family, today=today) if row.level), key=lambda row: (-row.level, row.seen))
