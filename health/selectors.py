"""Health as each user may see it: the dashboard of a coordinator's families, one family's signals, and the
status history. Never for parents: every function starts from `families_visible_to` of a staff role."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Role
from families.selectors import families_visible_to, family_list_for
from health.models import Level, Snapshot
from health.signals import SIGNALS, with_health


def _no_parents(user):
    return not user.is_authenticated or user.role == Role.PARENT


def dashboard_for(user, *, q="", location=None, group=None, mentor=None, signal="", status=None) -> QuerySet:
    """The families of the user's scope with their health, worst first, filtered."""
    if _no_parents(user):
        return families_visible_to(user).none()
    families = with_health(family_list_for(user, q=q, location=location, group=group, mentor=mentor))
    if signal in SIGNALS:
        families = families.filter(**{f"counts_{signal}__gte": 1})
    if status is not None and status != "":
        families = families.filter(health=int(status))
    return families.order_by("-health", "name", "pk")


def dashboard_counts(families: QuerySet) -> dict:
    """Families per status and per signal (not acknowledged) in one query."""
    totals = {f"status_{level}": Count("pk", filter=Q(health=level)) for level in Level.values}
    totals |= {f"signal_{signal}": Count("pk", filter=Q(**{f"counts_{signal}__gte": 1})) for signal in SIGNALS}
    return families.order_by().aggregate(**totals)


def family_health_for(user, pk: int):
    if _no_parents(user):
        return get_object_or_404(families_visible_to(user).none(), pk=pk)
    return get_object_or_404(with_health(families_visible_to(user)), pk=pk)


def status_history(family, *, days: int = 90, today: datetime.date | None = None) -> list[Snapshot]:
    today = today or timezone.localdate()
    return list(Snapshot.objects.filter(family=family, day__gt=today - datetime.timedelta(days=days)).order_by("day"))
