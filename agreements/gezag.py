"""Parental authority (gezag) and the binding "akkoord" (DESIGN.md sections 1 and 2): only a caregiver with gezag
agrees, and an agreement is agreed once every caregiver with gezag agreed to its current version, unless staff
decided for this agreement that one akkoord is enough. The pages show, per caregiver with gezag, where their
akkoord stands. Pure functions over rows the selectors loaded: nothing here queries."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

AGREED = "agreed"
WAITING = "waiting"
# No portal account in use: they cannot say akkoord in the portal, so staff record it in a conversation.
NOT_INVITED = "not_invited"


def uses_portal_q(prefix: str = "") -> Q:
    """A caregiver whose portal account is in use: active and with a password chosen (an invitation not yet
    accepted has none). The same test as Caregiver.has_portal_access, in SQL."""
    return Q(**{f"{prefix}user__is_active": True}) & ~Q(
        **{f"{prefix}user__password__startswith": UNUSABLE_PASSWORD_PREFIX}
    )


def with_portal_use(caregivers: QuerySet) -> QuerySet:
    return caregivers.annotate(uses_portal=ExpressionWrapper(uses_portal_q(), output_field=BooleanField()))


@dataclass(frozen=True)
class Akkoord:
    """Where one caregiver with gezag stands on one version."""

    caregiver: Any
    state: str
    confirmation: Any = None

    @property
    def agreed(self) -> bool:
        return self.state == AGREED


@dataclass(frozen=True)
class AkkoordOverview:
    holders: list[Akkoord]  # caregivers with gezag, in the family's order
    without_authority: list  # the others: they read and react, they never give the akkoord
    one_enough: bool

    @property
    def agreed_count(self) -> int:
        return sum(1 for a in self.holders if a.agreed)

    @property
    def waiting(self) -> list[Akkoord]:
        return [a for a in self.holders if not a.agreed]

    @property
    def nobody_in_portal(self) -> bool:
        return bool(self.holders) and not any(getattr(a.caregiver, "uses_portal", False) for a in self.holders)


def overview(*, agreement, version, caregivers) -> AkkoordOverview:
    """Per caregiver with gezag: agreed to `version` (with the confirmation: when, and in the portal or in which
    conversation), not yet, or not invited to the portal. `caregivers` are the family's, annotated by
    `with_portal_use`; `version` has its confirmations prefetched."""
    confirmations = {c.caregiver_id: c for c in version.confirmations.all()} if version is not None else {}
    holders, others = [], []
    for caregiver in caregivers:
        if not caregiver.has_parental_authority:
            others.append(caregiver)
            continue
        confirmation = confirmations.get(caregiver.pk)
        if confirmation is not None:
            holders.append(Akkoord(caregiver, AGREED, confirmation))
        else:
            holders.append(Akkoord(caregiver, WAITING if getattr(caregiver, "uses_portal", False) else NOT_INVITED))
    return AkkoordOverview(holders, others, agreement.one_akkoord_enough)


def is_agreed(*, one_enough: bool, holder_ids: set[int], agreed_ids: set[int]) -> bool:
    """The rule itself. Without any caregiver with gezag on file nobody can agree: staff first record who holds
    gezag (the pages say so)."""
    if not holder_ids & agreed_ids:
        return False
    return one_enough or holder_ids <= agreed_ids
