"""Each figure of the reports against the test's own count of the same scenario: the numbers in the table and in
the chart (its bars, lines or theme bars) are the ones an independent query gives."""

import datetime
from statistics import mean

import pytest
from django.utils import timezone
from django.utils.translation import override

from agreements.models import AgreementVersion
from contacts.choices import Kind, Visibility
from contacts.models import ContactMoment
from portal.models import PartnershipFeedback
from reports import figures
from reports.figures import one_decimal
from reports.selectors import add_months, report_scope
from successfactors.models import ChecklistItem, Theme
from tests import factories as f
from tests.reports.conftest import (
    M1,
    M2,
    THIS,
    at,
    contact,
    evaluate,
    families_placed,
    feedback,
    item_of,
    parent_writes,
    proposed,
    record_akkoord,
    staff_answers,
    staff_closes,
    thread,
    weekday_in,
    working_days_after,
)
from threads.models import Message

pytestmark = pytest.mark.django_db
MONTHS = [M1, M2, THIS]


def _scope(user):
    return report_scope(user, first=M1, last=THIS)


def _part(figure, location):
    return next(part for part in figure.parts if part.location.pk == location.pk)


def _cells(figure, location) -> list[list]:
    return [row["cells"] for row in _part(figure, location).rows]


def _bars(figure, location) -> dict:
    """The chart's bars: month name -> the number written on the bar."""
    return {bar["month"]: bar["text"] for bar in _part(figure, location).chart["bars"]}


def _month_of(moment) -> datetime.date:
    return timezone.localdate(moment).replace(day=1)


def _name(month) -> str:
    return f"{figures.month_label(month)} {month.year}"


def _decimal(value) -> str:
    return str(one_decimal(value)).replace(".", ",")


@pytest.fixture(autouse=True)
def dutch():
    with override("nl"):
        yield


def test_contacts_per_family_count_each_family_once_per_location_and_month(scenario):
    world, staff = scenario.world, scenario.world.users["staff"]
    far = world.users["far_staff"]
    for when in (at(M1, 3), at(M1, 20), at(M2, 2)):
        contact(scenario.twins, when=when, author=staff)
    contact(scenario.both, when=at(M1, 8), author=staff)
    contact(scenario.later, when=at(M2, 1), author=staff)  # before the first day, but in a month it is placed
    contact(scenario.left, when=at(M1, 2), author=staff)
    contact(scenario.left, when=at(M2, 2), author=staff)  # gone from the location by then
    contact(world.other_family, when=at(M2, 9), author=far)
    ContactMoment.objects.filter(family=world.family).update(occurred_at=at(M2, 11))
    coordinator, admin = world.users["coordinator"], world.users["admin"]

    for viewer in (coordinator, admin):
        figure = figures.contacts_figure(_scope(viewer))
        for location in _scope(viewer).locations:
            expected_cells, expected_bars = [], {}
            for month in MONTHS:
                placed = families_placed(location, month)
                contacts = ContactMoment.objects.filter(
                    family__in=placed, occurred_at__gte=at(month, 1, 0), occurred_at__lt=at(add_months(month, 1), 1, 0)
                ).count()
                per_family = _decimal(contacts / len(placed)) if placed else None
                expected_cells.append([str(contacts), str(len(placed)), per_family])
                if per_family is not None:
                    expected_bars[_name(month)] = per_family
            assert _cells(figure, location) == expected_cells
            assert _bars(figure, location) == expected_bars
    a = _cells(figures.contacts_figure(_scope(coordinator)), world.location)
    # By hand: M1 the twins (2), Beide (1), Vertrokken (1), Eén (0) of four families; M2 also Later.
    assert a[0] == ["4", "4", "1,0"]
    assert a[1] == ["3", "4", "0,8"]


def test_a_colleagues_confidential_contact_counts_for_the_coordinator_not_for_the_admin(scenario):
    world = scenario.world
    ContactMoment.objects.filter(family=world.family).delete()
    contact(world.family, when=at(M1, 4), author=world.users["staff"], visibility=Visibility.CONFIDENTIAL)
    contact(world.family, when=at(M1, 5), author=world.users["staff"])
    coordinator = _cells(figures.contacts_figure(_scope(world.users["coordinator"])), world.location)[0]
    admin = _cells(figures.contacts_figure(_scope(world.users["admin"])), world.location)[0]
    assert coordinator[0] == "2"
    assert admin[0] == "1"


def test_a_coordinator_reports_on_their_own_locations_only_and_the_admin_on_all(scenario):
    world = scenario.world
    assert [part.location for part in figures.contacts_figure(_scope(world.users["coordinator"])).parts] == [
        world.location
    ]
    assert {part.location for part in figures.contacts_figure(_scope(world.users["admin"])).parts} == {
        world.location,
        world.other_location,
    }
    # Asking for the other location gives the coordinator nothing of it.
    scope = report_scope(world.users["coordinator"], first=M1, last=THIS, location=world.other_location)
    assert scope.locations == []


def _agreed_at(version):
    """When the version was agreed, worked out one confirmation at a time."""
    moments = sorted(c.created_at for c in version.confirmations.all() if c.caregiver.has_parental_authority)
    holders = version.agreement.family.caregivers.filter(has_parental_authority=True).count()
    if version.agreement.one_akkoord_enough:
        return moments[0] if moments else None
    return moments[-1] if holders and len(moments) >= holders else None


def test_agreements_agreed_on_time_count_the_akkoord_of_every_parent_with_gezag(scenario):
    world, staff = scenario.world, scenario.world.users["staff"]
    on_time = proposed(scenario.twins, staff, on=at(M1, 3))
    record_akkoord(on_time, scenario.twins.caregivers.first(), on=at(M1, 6), by=staff)
    late = proposed(scenario.left, staff, on=at(M1, 3, 9))
    record_akkoord(late, scenario.left.caregivers.first(), on=at(M1, 25), by=staff)
    proposed(scenario.both, staff, on=at(M1, 4))  # never agreed: late once its days are over
    two = f.CaregiverFactory(family=world.family)
    waiting_for_both = proposed(world.family, staff, on=at(M2, 1))
    record_akkoord(waiting_for_both, world.caregiver, on=at(M2, 3), by=staff)
    record_akkoord(waiting_for_both, two, on=at(M2, 28), by=staff)  # the second parent, late
    one_enough = proposed(scenario.later, staff, on=at(M2, 16), one_enough=True)
    record_akkoord(one_enough, scenario.later.caregivers.first(), on=at(M2, 17), by=staff)
    # The world's own agreement was proposed just now: still within its days, not counted yet.

    figure = figures.agreed_figure(_scope(world.users["admin"]))
    now, window = timezone.now(), datetime.timedelta(days=14)
    for location in (world.location, world.other_location):
        expected = []
        for month in MONTHS:
            placed = families_placed(location, month)
            versions = [
                version
                for version in AgreementVersion.objects.filter(proposed_at__isnull=False).select_related("agreement")
                if version.agreement.family_id in placed
                and timezone.localdate(version.proposed_at).replace(day=1) == month
            ]
            agreed = [v for v in versions if (_agreed_at(v) or now + window) <= v.proposed_at + window]
            known = [v for v in versions if v in agreed or v.proposed_at < now - window]
            share = f"{round(100 * len(agreed) / len(known))}%" if known else None
            expected.append([str(len(known)), str(len(agreed)), share])
        assert _cells(figure, location) == expected
    a = _cells(figure, world.location)
    assert a[0] == ["3", "1", "33%"] and a[1] == ["2", "1", "50%"] and a[2] == ["0", "0", None]
    assert _bars(figure, world.location) == {_name(M1): "33%", _name(M2): "50%"}
    assert _cells(figure, world.other_location)[0] == ["1", "0", "0%"]  # Beide counts at B too


def test_agreements_evaluated_on_time_by_their_evaluation_date(scenario):
    world, staff = scenario.world, scenario.world.users["staff"]
    caregiver = scenario.twins.caregivers.first()
    kept = proposed(scenario.twins, staff, on=at(M1, 1), evaluation_on=M1.replace(day=20))
    record_akkoord(kept, caregiver, on=at(M1, 2), by=staff)
    evaluate(kept, on=at(M1, 18), by=staff, next_on=M2.replace(day=10))  # on time; the next date then passes
    late = proposed(scenario.left, staff, on=at(M1, 1), evaluation_on=M1.replace(day=3))
    record_akkoord(late, scenario.left.caregivers.first(), on=at(M1, 2), by=staff)
    evaluate(late, on=at(M1, 15), by=staff, outcome="close")
    adjusted = proposed(scenario.both, staff, on=at(M1, 1), evaluation_on=M2.replace(day=12))
    record_akkoord(adjusted, scenario.both.caregivers.first(), on=at(M1, 2), by=staff)
    # Adjusted without a new date: the agreement keeps the date it met, which is no overdue evaluation.
    evaluate(adjusted, on=at(M2, 11), by=staff, outcome="adjust")

    figure = figures.evaluated_figure(_scope(world.users["coordinator"]))
    assert _cells(figure, world.location) == [["2", "1", "50%"], ["2", "1", "50%"], ["0", "0", None]]
    assert _bars(figure, world.location) == {_name(M1): "50%", _name(M2): "50%"}
    b = _cells(figures.evaluated_figure(_scope(world.users["admin"])), world.other_location)
    assert b == [["0", "0", None], ["1", "1", "100%"], ["0", "0", None]]


def test_feedback_averages_each_basic_need_over_the_parents_with_gezag(scenario):
    world = scenario.world
    other = f.CaregiverFactory(family=scenario.twins, has_parental_authority=False, relation="opa")
    feedback(
        scenario.twins, scenario.twins.caregivers.get(has_parental_authority=True), when=at(M1, 5), scores=(5, 4, 3)
    )
    feedback(scenario.twins, other, when=at(M1, 6), scores=(1, 1, 1))  # no gezag: shown apart, not counted
    feedback(world.family, world.caregiver, when=at(M1, 7), scores=(2, 3, 4))
    feedback(world.family, world.caregiver, when=at(M2, 7), scores=(4, 4, 5))
    feedback(world.other_family, world.other_family.caregivers.first(), when=at(M2, 8), scores=(1, 2, 3))

    figure = figures.feedback_figure(_scope(world.users["admin"]))
    for location in (world.location, world.other_location):
        expected = []
        for month in MONTHS:
            placed = families_placed(location, month)
            answers = [
                row
                for row in PartnershipFeedback.objects.select_related("caregiver")
                if row.family_id in placed
                and row.caregiver.has_parental_authority
                and _month_of(row.created_at) == month
            ]
            if answers:
                averages = [_decimal(mean(getattr(row, need) for row in answers)) for need in figures_needs()]
            else:
                averages = [None, None, None]
            expected.append([*averages, str(len(answers))])
        assert _cells(figure, location) == expected
    assert _cells(figure, world.location)[0] == ["3,5", "3,5", "3,5", "2"]
    lines = _part(figure, world.location).chart["lines"]
    assert [line["label"] for line in lines] == ["Relatie", "Competentie", "Autonomie"]
    assert [(point["month"], point["text"]) for point in lines[0]["points"]] == [(_name(M1), "3,5"), (_name(M2), "4")]


def figures_needs():
    return [key for key, _label in figures.DIMENSIONS]


def test_checklist_use_counts_a_theme_only_for_contacts_whose_kind_offers_it(scenario):
    world, staff = scenario.world, scenario.world.users["staff"]
    organisation = world.organisation
    ContactMoment.objects.filter(family=world.family).delete()
    child = item_of(organisation, Theme.CHILD, Kind.PARENT_CONVERSATION)
    trust = item_of(organisation, Theme.TRUST, Kind.PARENT_CONVERSATION)
    contact(world.family, when=at(M1, 3), author=staff)  # a chat at the door: it offers fewer themes
    contact(world.family, when=at(M1, 4), author=staff, kind=Kind.PARENT_CONVERSATION, items=[child, trust])
    contact(scenario.twins, when=at(M1, 5), author=staff, kind=Kind.HOME_VISIT)
    contact(scenario.twins, when=at(M2, 5), author=staff, kind=Kind.PARENT_CONVERSATION, items=[child])
    # Own prejudices retired from the checklist on the last day of M1: contacts after it are not offered the theme.
    ChecklistItem.objects.filter(organisation=organisation, theme=Theme.PREJUDICE).update(
        retired_on=M2 - datetime.timedelta(days=1)
    )

    figure = figures.checklist_figure(_scope(world.users["coordinator"]))
    items = list(ChecklistItem.objects.for_organisation(organisation))
    offered, ticked = dict.fromkeys(Theme.values, 0), dict.fromkeys(Theme.values, 0)
    placed = set().union(*(families_placed(world.location, month) for month in MONTHS))
    for moment in ContactMoment.objects.filter(family__in=placed).prefetch_related("ticks"):
        day = timezone.localdate(moment.occurred_at)
        themes = {
            item.theme
            for item in items
            if moment.kind in item.kinds
            and (not item.tones or moment.tone in item.tones)
            and (item.retired_on is None or item.retired_on >= day)
        }
        applied = {tick.theme for tick in moment.ticks.all()}
        for theme in themes | applied:
            offered[theme] += 1
        for theme in applied:
            ticked[theme] += 1
    expected = [
        [f"{ticked[t]} van {offered[t]}", f"{round(100 * ticked[t] / offered[t])}%" if offered[t] else None]
        for t in Theme.values
    ]
    assert _cells(figure, world.location) == expected
    child_row = Theme.values.index(Theme.CHILD)
    # The chat does not offer "Involve the child": 2 of the 3 conversations and visits that do, not 2 of 4.
    assert expected[child_row] == ["2 van 3", "67%"]
    bars = {bar["label"]: bar["text"] for bar in _part(figure, world.location).chart["bars"]}
    assert bars[str(Theme.CHILD.label)] == "67%"
    assert Kind.INFORMAL not in child.kinds


def test_messages_answered_within_two_working_days(scenario):
    world, staff = scenario.world, scenario.world.users["staff"]
    monday, friday = weekday_in(M1, 0), weekday_in(M1, 4)
    answered = thread(world.family, when=at(M1, monday, 10))
    staff_answers(answered, when=at(M1, monday + 2, 9), by=staff)  # Wednesday: 2 working days
    late = thread(world.family, when=at(M1, monday, 11))
    staff_answers(late, when=at(M1, monday + 3, 9), by=staff)  # Thursday: 3
    weekend = thread(scenario.twins, when=at(M1, friday, 16))
    staff_answers(weekend, when=at(M1, friday + 4, 9), by=staff)  # Tuesday: Monday and Tuesday count
    closed = thread(scenario.twins, when=at(M2, weekday_in(M2, 0), 10))
    staff_closes(closed, when=at(M2, weekday_in(M2, 0) + 1, 10), by=staff)  # closed with a reason, on time
    again = thread(world.family, when=at(M2, weekday_in(M2, 1), 10))
    parent_writes(again, when=at(M2, weekday_in(M2, 1), 15))  # still the same wait
    staff_answers(again, when=at(M2, weekday_in(M2, 1) + 1, 9), by=staff)
    parent_writes(again, when=at(M2, weekday_in(M2, 1, week=1), 9))  # after the answer: a new wait, unanswered
    thread(world.family, when=timezone.now())  # just now: not late yet, not counted

    figure = figures.messages_figure(_scope(world.users["coordinator"]))
    today = timezone.localdate()
    expected = []
    placed_by_month = {month: families_placed(world.location, month) for month in MONTHS}
    counted = {month: [0, 0] for month in MONTHS}
    for message in Message.objects.filter(from_parent=True).select_related("thread").order_by("created_at"):
        earlier = message.thread.messages.filter(created_at__lt=message.created_at).order_by("-created_at").first()
        if earlier and earlier.from_parent:
            continue
        month = _month_of(message.created_at)
        if month not in counted or message.thread.family_id not in placed_by_month[month]:
            continue
        replies = [m.created_at for m in message.thread.messages.all() if not m.from_parent]
        ends = [moment for moment in [*replies, message.thread.closed_at] if moment and moment >= message.created_at]
        start = timezone.localdate(message.created_at)
        if ends:
            took = working_days_after(start, timezone.localdate(min(ends)))
            counted[month][0] += 1
            counted[month][1] += took <= 2
        elif working_days_after(start, today) > 2:
            counted[month][0] += 1
    for month in MONTHS:
        whole, part = counted[month]
        expected.append([str(whole), str(part), f"{round(100 * part / whole)}%" if whole else None])
    assert _cells(figure, world.location) == expected
    assert expected[0] == ["3", "2", "67%"]
    assert expected[1] == ["3", "2", "67%"]
    assert _bars(figure, world.location) == {_name(M1): "67%", _name(M2): "67%"}


def test_on_time_follows_the_health_thresholds_of_the_setting_and_the_organisation(scenario, settings):
    world, staff = scenario.world, scenario.world.users["staff"]
    monday = weekday_in(M1, 0)
    answered = thread(world.family, when=at(M1, monday, 10))
    staff_answers(answered, when=at(M1, monday + 3, 9), by=staff)  # Thursday: 3 working days
    coordinator = world.users["coordinator"]
    assert _cells(figures.messages_figure(_scope(coordinator)), world.location)[0] == ["1", "0", "0%"]
    settings.HEALTH_THRESHOLDS = {"messages_attention_working_days": 3}
    figure = figures.messages_figure(_scope(coordinator))
    assert _cells(figure, world.location)[0] == ["1", "1", "100%"]
    assert "3 werkdagen" in str(figure.description)
    settings.HEALTH_THRESHOLDS = {}
    world.organisation.health_thresholds = {"messages_attention_working_days": 4}
    world.organisation.save()
    coordinator.refresh_from_db()
    assert _cells(figures.messages_figure(_scope(coordinator)), world.location)[0] == ["1", "1", "100%"]
