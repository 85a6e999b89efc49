"""The figures of the reports, as the viewer may see them: a coordinator's locations, or for the organisation
admin every location of the organisation. Each figure is one grouped query per location and month (a few for
the agreements), whatever the number of families, locations or months.

An event (a contact, a parent's message, feedback, a proposal, an evaluation date) counts for a location when its
family had a child placed there in the event's month. A family placed at two locations counts at both, but never
twice at one (`_per_location_month`), so averages are not weighted by the number of children."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    Case,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least, TruncDate, TruncMonth
from django.utils import timezone

from accounts.permissions import leads
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Status
from contacts.models import ContactMoment
from contacts.selectors import theme_figures, visible_q
from families.models import Caregiver, Placement
from health.rules import limits
from health.rules.messages import WorkingDaysAfter
from organisations.selectors import locations_visible_to
from portal.models import PartnershipFeedback
from threads.models import Message

# A longer period would make the page and the per-month columns of the families query unwieldy.
MAX_MONTHS = 36


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, n: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [add_months(first, n) for n in range(max(count, 0))]


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this one included (it is counted up to today)."""
    last = month_of(today or timezone.localdate())
    return add_months(last, -11), last


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass(frozen=True)
class Scope:
    """What a report covers: locations in the viewer's scope, and whole months from `first` to `last`."""

    viewer: object
    locations: list
    first: datetime.date
    last: datetime.date
    today: datetime.date = field(default_factory=timezone.localdate)
    now: datetime.datetime = field(default_factory=timezone.now)
    # The health thresholds (the organisation's own, where it set them): "on time" in the reports is what the
    # health signals count as in time.
    limits: dict = field(default_factory=limits)

    @property
    def months(self) -> list[datetime.date]:
        return months_between(self.first, self.last)

    @property
    def location_ids(self) -> list[int]:
        return [location.pk for location in self.locations]

    @property
    def end(self) -> datetime.date:
        """The first day after the period."""
        return add_months(self.last, 1)

    @property
    def since(self) -> datetime.datetime:
        return _start_of(self.first)

    @property
    def until(self) -> datetime.datetime:
        return _start_of(self.end)


def report_locations(user) -> QuerySet:
    """The locations a report may cover for this user; only coordinators and the organisation admin have
    reports (staff and parents never reach this: the view refuses them first)."""
    if not leads(user):
        raise PermissionDenied
    return locations_visible_to(user).order_by("name", "pk")


def report_scope(user, *, first: datetime.date, last: datetime.date, location=None) -> Scope:
    locations = list(report_locations(user))
    if location is not None:
        locations = [candidate for candidate in locations if candidate.pk == location.pk]
    return Scope(
        viewer=user,
        locations=locations,
        first=month_of(first),
        last=month_of(last),
        limits=limits(user.organisation),
    )


def _per_location_month(queryset: QuerySet, *, family: str, moment, scope: Scope) -> QuerySet:
    """Each row of `queryset` annotated with `loc` and `month` (of `moment`), once for every location of the scope
    where the row's family (the path `family`) had a child placed in that month."""
    placement = f"{family}__children__placements"
    rows = (
        queryset.annotate(month=TruncMonth(moment, output_field=DateField()), loc=F(f"{placement}__group__location"))
        .alias(
            placement_id=F(f"{placement}__pk"),
            placed_from=TruncMonth(f"{placement}__start_date"),
            placed_until=TruncMonth(f"{placement}__end_date"),
        )
        .filter(loc__in=scope.location_ids, placed_from__lte=F("month"))
        .filter(Q(placed_until__isnull=True) | Q(placed_until__gte=F("month")))
    )
    # Only the first of the family's placements at that location in that month: two children, one event.
    earlier = (
        Placement.objects.alias(placed_from=TruncMonth("start_date"), placed_until=TruncMonth("end_date"))
        .filter(
            child__family=OuterRef(family),
            group__location=OuterRef("loc"),
            pk__lt=OuterRef("placement_id"),
            placed_from__lte=OuterRef("month"),
        )
        .filter(Q(placed_until__isnull=True) | Q(placed_until__gte=OuterRef("month")))
    )
    return rows.filter(~Exists(earlier)).order_by()


def _grouped(queryset: QuerySet, **aggregates) -> dict:
    """{(location id, month): {name: value}} from rows annotated by `_per_location_month`."""
    return {
        (row.pop("loc"), row.pop("month")): row
        for row in queryset.values("loc", "month").annotate(**aggregates).order_by()
    }


def families_per_month(scope: Scope) -> dict:
    """Families with a child placed at the location in the month: one query, a column per month."""
    columns = {
        f"m{index}": Count(
            "child__family",
            distinct=True,
            filter=Q(start_date__lt=add_months(month, 1)) & (Q(end_date__isnull=True) | Q(end_date__gte=month)),
        )
        for index, month in enumerate(scope.months)
    }
    if not columns or not scope.locations:
        return {}
    rows = (
        Placement.objects.filter(group__location__in=scope.location_ids)
        .order_by()
        .values("group__location")
        .annotate(**columns)
    )
    return {
        (row["group__location"], month): row[f"m{index}"] for row in rows for index, month in enumerate(scope.months)
    }


def _contacts(scope: Scope) -> QuerySet:
    """The period's contacts the viewer may see: a colleague's confidential contact does not count for the
    organisation admin, as in the health figures (`health.computation`, viewer)."""
    return ContactMoment.objects.filter(
        visible_q(scope.viewer), occurred_at__gte=scope.since, occurred_at__lt=scope.until
    )


def contacts_per_month(scope: Scope) -> dict:
    rows = _per_location_month(_contacts(scope), family="family", moment="occurred_at", scope=scope)
    return _grouped(rows, contacts=Count("pk"))


def contacts_per_family(scope: Scope) -> dict:
    """{(location id, month): (contacts, families)}: both counted by the same rule of placement."""
    contacts, families = contacts_per_month(scope), families_per_month(scope)
    return {
        key: (contacts.get(key, {}).get("contacts", 0), families.get(key, 0))
        for key in contacts.keys() | families.keys()
    }


def _count(queryset: QuerySet, key: str) -> Coalesce:
    counted = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def agreed_per_month(scope: Scope) -> dict:
    """Per month of proposal, the versions proposed to the parents: `proposals` whose outcome is known (agreed,
    or the waiting time is over) and `on_time`, agreed within the health threshold for proposals. A version is
    agreed at the akkoord that completed it: every caregiver with gezag, or the first when one is enough."""
    window = datetime.timedelta(days=scope.limits["proposal_attention_days"])
    holders = Caregiver.objects.filter(family=OuterRef("agreement__family"), has_parental_authority=True)
    akkoord = Confirmation.objects.filter(version=OuterRef("pk"), caregiver__has_parental_authority=True)
    versions = (
        AgreementVersion.objects.filter(proposed_at__gte=scope.since, proposed_at__lt=scope.until)
        .alias(
            holders=_count(holders, "family"),
            agreed_by=_count(akkoord, "version"),
            first_akkoord=Subquery(akkoord.order_by("created_at").values("created_at")[:1]),
            last_akkoord=Subquery(akkoord.order_by("-created_at").values("created_at")[:1]),
        )
        .alias(
            agreed_at=Case(
                When(agreement__one_akkoord_enough=True, then=F("first_akkoord")),
                When(holders__gt=0, agreed_by__gte=F("holders"), then=F("last_akkoord")),
                output_field=DateTimeField(),
            )
        )
    )
    on_time = Q(agreed_at__lte=F("proposed_at") + window)
    known = on_time | Q(proposed_at__lt=scope.now - window)
    rows = _per_location_month(versions, family="agreement__family", moment="proposed_at", scope=scope)
    return _grouped(rows, proposals=Count("pk", filter=known), on_time=Count("pk", filter=on_time))


def evaluated_per_month(scope: Scope) -> dict:
    """Per month of the evaluation date: the dates that fell due (or were met early) and `on_time`, those met by
    an evaluation on or before the date. A date is the agreed version's, or the next one set at an evaluation."""
    end = min(scope.end, scope.today)
    earlier = Evaluation.objects.filter(
        agreement=OuterRef("agreement"), version=OuterRef("version"), created_at__lt=OuterRef("created_at")
    ).order_by("-created_at", "-pk")
    evaluations = Evaluation.objects.alias(
        due=Coalesce(Subquery(earlier.values("next_evaluation_on")[:1]), F("version__evaluation_on")),
        done_on=TruncDate("contact__occurred_at"),
    ).filter(due__gte=scope.first, due__lt=scope.end)
    done = _grouped(
        _per_location_month(evaluations, family="agreement__family", moment="due", scope=scope),
        evaluations=Count("pk"),
        on_time=Count("pk", filter=Q(done_on__lte=F("due"))),
    )
    # Overdue and not evaluated, as the health signal counts them. An evaluation that kept the date (adjust
    # without a new one) met that date already: it is counted above.
    kept_date = Evaluation.objects.filter(
        agreement=OuterRef("pk"), version=OuterRef("current"), next_evaluation_on__isnull=True
    )
    overdue = Agreement.objects.filter(
        status__in=[Status.AGREED, Status.EVALUATED], evaluation_on__gte=scope.first, evaluation_on__lt=end
    ).exclude(Exists(kept_date))
    late = _grouped(
        _per_location_month(overdue, family="family", moment="evaluation_on", scope=scope), overdue=Count("pk")
    )
    rows = {}
    for key in done.keys() | late.keys():
        row = done.get(key, {"evaluations": 0, "on_time": 0})
        rows[key] = {"due": row["evaluations"] + late.get(key, {}).get("overdue", 0), "on_time": row["on_time"]}
    return rows


def feedback_per_month(scope: Scope) -> dict:
    """The average of each basic need over the month's answers of caregivers with gezag (the others' are shown
    apart on a family's health page and do not count here either), with the number of answers."""
    answers = PartnershipFeedback.objects.filter(
        caregiver__has_parental_authority=True, created_at__gte=scope.since, created_at__lt=scope.until
    )
    rows = _per_location_month(answers, family="family", moment="created_at", scope=scope)
    return _grouped(
        rows, relatie=Avg("relatie"), competentie=Avg("competentie"), autonomie=Avg("autonomie"), answers=Count("pk")
    )


def checklist_per_month(scope: Scope) -> dict:
    """Per theme: `offered_<theme>`, the contacts whose checklist held the theme (their kind and tone had an item
    of it), and `ticked_<theme>`, those where an item of it was ticked; counted as the checklist-use page counts
    them (`contacts.selectors.theme_figures`), so a quick chat that never shows a theme is no miss."""
    rows = _per_location_month(_contacts(scope), family="family", moment="occurred_at", scope=scope)
    return {(row.pop("loc"), row.pop("month")): row for row in theme_figures(rows, "loc", "month")}


def messages_per_month(scope: Scope) -> dict:
    """Per month, the parents' messages that started a wait (a first message, or one after an answer):
    `messages` whose outcome is known (answered, or waiting longer than allowed) and `on_time`, answered within
    the health threshold in working days (Monday to Friday, counted as `health.rules.messages` counts them).
    Closing a thread with a reason, which the parents read, answers it too."""
    limit = scope.limits["messages_attention_working_days"]
    previous = Message.objects.filter(thread=OuterRef("thread"), created_at__lt=OuterRef("created_at")).order_by(
        "-created_at", "-pk"
    )
    reply = Message.objects.filter(
        thread=OuterRef("thread"), from_parent=False, created_at__gte=OuterRef("created_at")
    ).order_by("created_at", "pk")
    closed = Case(When(thread__closed_at__gte=F("created_at"), then=F("thread__closed_at")))
    waits = (
        Message.objects.filter(from_parent=True, created_at__gte=scope.since, created_at__lt=scope.until)
        .alias(previous_from_parent=Subquery(previous.values("from_parent")[:1]))
        .filter(Q(previous_from_parent=False) | Q(previous_from_parent__isnull=True))
        .alias(answered_at=Least(Subquery(reply.values("created_at")[:1]), closed, output_field=DateTimeField()))
        .alias(
            took=WorkingDaysAfter(TruncDate("created_at"), TruncDate("answered_at")),
            waited=WorkingDaysAfter(TruncDate("created_at"), Value(scope.today)),
        )
    )
    on_time = Q(answered_at__isnull=False, took__lte=limit)
    known = Q(answered_at__isnull=False) | Q(waited__gt=limit)
    rows = _per_location_month(waits, family="thread__family", moment="created_at", scope=scope)
    return _grouped(rows, messages=Count("pk", filter=known), on_time=Count("pk", filter=on_time))
