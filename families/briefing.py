"""What staff need at a glance, read for the person who asks: the staff home's family cards (counts only: the
tablet at the door shows no reasons, scores or statuses to a parent passing by) and the family page's briefing
card ("what do I need before I talk to this parent?"). Built on the other apps' selectors, so each access rule
keeps its one home; both run a fixed number of queries whatever the number of families, contacts or threads."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.permissions import works_with_families
from agreements.models import Status
from agreements.selectors import agreements_visible_to
from contacts.selectors import follow_ups_visible_to, with_last_contact, with_next_mentor_conversation
from families.models import Child, Family, Placement
from health.computation import health_rows, row_object
from health.reasons import worst_rows
from lifeevents.selectors import active_life_events, with_life_event
from threads.models import State
from threads.selectors import with_waiting_threads

# An evaluation due within this many days is one to plan with the parents now; an overdue one, certainly.
EVALUATION_DUE_DAYS = 14
# The briefing card names the most pressing of each kind and links to the rest (the lists follow the card), and
# the two worst health signals: on a phone the whole card fits the first screen.
BRIEFING_ITEMS = 1
BRIEFING_REASONS = 2
EVALUATED = (Status.AGREED, Status.EVALUATED)


def _count(queryset) -> Coalesce:
    """How many rows per family in the outer query; 0 when none (a subquery without a row is NULL)."""
    counted = queryset.order_by().values("family").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _evaluation_due_by(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=EVALUATION_DUE_DAYS)


def staff_home_cards(families: QuerySet[Family], user, *, today: datetime.date | None = None) -> list[Family]:
    """The staff home's families (`family_list_for(user)`), each with `days_since_contact` (None: no contact
    yet), `has_life_event` (a marker only: the tablet at the door names no kind) and its open actions:
    `open_follow_ups`, `messages_waiting` (parents' messages without an answer; their
    rows in `waiting_threads`, for threads.selectors.waiting_of), `evaluations_due` and their sum
    `open_actions`. A fixed number of queries whatever the number of families."""
    today = today or timezone.localdate()
    follow_ups = follow_ups_visible_to(user).open().filter(family=OuterRef("pk"))
    evaluations = agreements_visible_to(user).filter(
        family=OuterRef("pk"), status__in=EVALUATED, evaluation_on__lte=_evaluation_due_by(today)
    )
    families = list(
        with_life_event(with_waiting_threads(with_last_contact(families, user), user), today=today).annotate(
            open_follow_ups=_count(follow_ups), evaluations_due=_count(evaluations)
        )
    )
    for family in families:
        family.days_since_contact = (
            (today - timezone.localdate(family.last_contact_at)).days if family.last_contact_at else None
        )
        family.messages_waiting = len(family.waiting_threads or [])
        family.open_actions = family.open_follow_ups + family.messages_waiting + family.evaluations_due
    return families


@dataclass
class Listed:
    """The first of a kind for the card, and how many there are in all."""

    items: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _listed(items: list, limit: int = BRIEFING_ITEMS) -> Listed:
    return Listed(items[:limit], len(items))


@dataclass
class Briefing:
    """The family page's briefing card. `health` is the family's health row (its status in `health.health`),
    None for anyone who may not see health; `reasons` its signals that need attention, worst first."""

    health: object | None
    reasons: Listed
    follow_ups: Listed
    questions: Listed
    evaluations: Listed
    mentor_conversations: list[Child]
    gezag: list
    # What is going on around the family now (lifeevents): the card names the kind, the words are folded.
    life_events: list


def _health(user, family: Family, today: datetime.date):
    if not works_with_families(user):
        return None
    rows = health_rows(Family.objects.filter(pk=family.pk), viewer=user, today=today)
    return row_object(rows[0]) if rows else None


def _mentor_conversations(family: Family, today: datetime.date) -> list[Child]:
    """The next mentor conversation of each child placed now, the first due first."""
    placed = Placement.objects.filter(Placement.active_q(), child=OuterRef("pk"))
    children = Child.objects.filter(Exists(placed), family=family).select_related("mentor")
    due = with_next_mentor_conversation(children, today=today)
    return sorted(due, key=lambda child: (child.due_on or datetime.date.max, child.first_name))


def family_briefing(user, family: Family, *, follow_ups, threads, agreements, today=None) -> Briefing:
    """The briefing card of a family found in the user's scope (`family_detail_for`, with its caregivers). The
    open follow-ups, threads and agreements are the ones the family page loads anyway (from their apps'
    selectors, for this user); the card picks from them, so it costs only the health, the mentor conversations
    and the life events going on: three queries."""
    today = today or timezone.localdate()
    health = _health(user, family, today)
    reasons = worst_rows(health, today=today) if health is not None else []
    questions = [thread for thread in threads if thread.state == State.WAITING]
    due_by = _evaluation_due_by(today)
    evaluations = sorted(
        (a for a in agreements if a.status in EVALUATED and a.evaluation_on and a.evaluation_on <= due_by),
        key=lambda agreement: agreement.evaluation_on,
    )
    for agreement in evaluations:
        agreement.overdue = agreement.evaluation_on < today
    follow_ups = list(follow_ups)
    for follow_up in follow_ups:
        follow_up.overdue = follow_up.is_overdue(today)
    return Briefing(
        health=health,
        reasons=_listed(reasons, BRIEFING_REASONS),
        follow_ups=_listed(follow_ups),
        questions=_listed(questions),
        evaluations=_listed(evaluations),
        mentor_conversations=_mentor_conversations(family, today),
        gezag=[caregiver for caregiver in family.caregivers.all() if caregiver.has_parental_authority],
        life_events=active_life_events(family, today=today),
    )
