"""Life events as each user may see them: the staff who may see the family (families_visible_to), never a
parent. Every lookup starts from that scope, so another family's id is a 404."""

import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.permissions import works_with_families
from families.models import Family
from families.selectors import families_visible_to, family_in_scope
from lifeevents.models import LifeEvent, active_q


def _check(user):
    if not works_with_families(user):
        raise Http404


def family_for(user, pk: int) -> Family:
    _check(user)
    return family_in_scope(user, pk)


def life_events_of(family: Family) -> QuerySet[LifeEvent]:
    """For a family already found in the user's scope: active and faded, the newest first."""
    return family.life_events.select_related("noted_by", "ended_by").order_by("-happened_on", "-pk")


def active_life_events(family: Family, *, today: datetime.date | None = None) -> list[LifeEvent]:
    """What is going on now around a family found in the user's scope (the briefing card): one query."""
    return list(family.life_events.filter(active_q(today or timezone.localdate())).order_by("-happened_on", "-pk"))


def life_event_for(user, pk: int, event_pk: int) -> LifeEvent:
    _check(user)
    return get_object_or_404(
        LifeEvent.objects.filter(family__in=families_visible_to(user).values("pk")).select_related("family"),
        family_id=pk,
        pk=event_pk,
    )


def with_life_event(families: QuerySet[Family], *, today: datetime.date | None = None) -> QuerySet[Family]:
    """Families with `has_life_event`: a marker only, for the staff home's cards (no kind, no description)."""
    active = LifeEvent.objects.filter(active_q(today or timezone.localdate()), family=OuterRef("pk"))
    return families.annotate(has_life_event=Exists(active))
