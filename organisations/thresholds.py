"""Which health thresholds an organisation may set for itself, and within which bounds. The defaults and what each
threshold does live in the signals' declarations (health/rules/); an organisation changes only where a signal
turns to "attention" or "action needed", never the periods a signal looks back over, so every explanation in
plain words stays true. The bounds keep a setting safe: no signal can be switched off by a huge number or made
to fire for every family by a tiny one."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Bound:
    name: str
    label: object  # lazy text
    low: int
    high: int


@dataclass(frozen=True)
class Pair:
    """Two thresholds of one signal: where attention starts must come before where action is needed."""

    signal: object  # lazy text: the signal's name
    attention: Bound
    concern: Bound


def _days(name, label, low, high):
    return Bound(name, label, low, high)


PAIRS = [
    Pair(
        _("Contact with the parents (days without contact)"),
        _days("contact_attention_days", _("Attention after"), 7, 90),
        _days("contact_concern_days", _("Action needed after"), 14, 180),
    ),
    Pair(
        _("Intake (days after the first day)"),
        _days("intake_attention_days", _("Attention after"), 7, 90),
        _days("intake_concern_days", _("Action needed after"), 14, 180),
    ),
    Pair(
        _("Agreements waiting for the parents (days)"),
        _days("proposal_attention_days", _("Attention after"), 7, 60),
        _days("proposal_concern_days", _("Action needed after"), 14, 120),
    ),
    Pair(
        _("Parents' messages without an answer (working days)"),
        _days("messages_attention_working_days", _("Attention after"), 1, 10),
        _days("messages_concern_working_days", _("Action needed after"), 2, 20),
    ),
]
# Signals with one threshold: any overdue item is attention, and after this many days action is needed.
SINGLE = [
    _days("evaluation_concern_days", _("Evaluation of agreements overdue: action needed after (days)"), 7, 60),
    _days("promise_concern_days", _("Follow-ups promised to the parents overdue: action needed after (days)"), 7, 60),
]
BOUNDS: dict[str, Bound] = {
    bound.name: bound for bound in [*(b for pair in PAIRS for b in (pair.attention, pair.concern)), *SINGLE]
}


def validate_health_thresholds(value) -> None:
    """Each key a threshold an organisation may set, each value a whole number within its bounds, and for a
    signal with two thresholds, attention before action needed."""
    if not isinstance(value, dict):
        raise ValidationError(_("The health thresholds must be a set of named numbers."), code="invalid")
    errors = []
    for name, number in value.items():
        bound = BOUNDS.get(name)
        if bound is None:
            errors.append(ValidationError(_("%(name)s is not a threshold you can set."), params={"name": name}))
        elif isinstance(number, bool) or not isinstance(number, int) or not bound.low <= number <= bound.high:
            errors.append(
                ValidationError(
                    _("%(label)s: choose a whole number from %(low)d to %(high)d."),
                    params={"label": bound.label, "low": bound.low, "high": bound.high},
                )
            )
    if errors:
        raise ValidationError(errors)
    check_order(value)


def check_order(value: dict, defaults: dict | None = None) -> None:
    """Attention before action needed, for each signal with two thresholds; with `defaults`, a threshold the
    organisation left alone counts at its default (an attention of 50 days after a default action of 42 is
    as wrong as one set by hand)."""
    effective = {**(defaults or {}), **value}
    for pair in PAIRS:
        attention, concern = effective.get(pair.attention.name), effective.get(pair.concern.name)
        if attention is not None and concern is not None and attention >= concern:
            raise ValidationError(
                _("%(signal)s: action needed must come later than attention."),
                params={"signal": pair.signal},
                code="order",
            )
