"""The signals of relationship health (DESIGN.md section 3), one module each. Each module's `RULE` holds all of
its signal: label, default thresholds, the facts it needs, its level in SQL and its explanation. This list is
the only place the signals are enumerated; the model's choices, the SQL and the pages follow it, in its order.

To add a signal: a module here, a line in RULES, a row in README.md's health table (a test checks that table),
and a test of its levels in tests/health/test_signals.py."""

import datetime

from django.conf import settings
from django.utils import timezone

from health.rules import (
    balance,
    contact,
    coverage,
    evaluation,
    feedback,
    intake,
    interpreter,
    mentor,
    messages,
    moments,
    promises,
    proposal,
    tone,
)
from health.rules.base import Context, Reason, SignalRule

__all__ = ["DEFAULTS", "RULES", "SIGNALS", "Context", "Reason", "SignalRule", "context", "limits"]

RULES: list[SignalRule] = [
    contact.RULE,
    balance.RULE,
    intake.RULE,
    evaluation.RULE,
    proposal.RULE,
    promises.RULE,
    messages.RULE,
    tone.RULE,
    interpreter.RULE,
    feedback.RULE,
    coverage.RULE,
    mentor.RULE,
    moments.RULE,
]

SIGNALS: list[str] = [rule.key for rule in RULES]

DEFAULTS: dict[str, int] = {
    "acknowledgement_days": 30,  # of no one signal: a signal marked as seen counts again after this long
} | {name: value for rule in RULES for name, value in rule.thresholds.items()}


def limits(organisation=None) -> dict[str, int]:
    """The thresholds: the defaults above, overridden by name by settings.HEALTH_THRESHOLDS (from the
    environment's JSON, e.g. {"contact_attention_days": 14}) and then by the organisation's own settings
    (Organisation.health_thresholds, each within the bounds of organisations/thresholds.py)."""
    own = getattr(organisation, "health_thresholds", None) or {}
    return DEFAULTS | settings.HEALTH_THRESHOLDS | {name: value for name, value in own.items() if name in DEFAULTS}


def context(today: datetime.date | None = None, organisation=None) -> Context:
    return Context(limits(organisation), today or timezone.localdate(), timezone.now())
