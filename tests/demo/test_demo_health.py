"""The demo looks like a real organisation (issue 13): most families good, some attention, a few action needed,
none of them red for paperwork alone; the organisation's go-live date is set; the texts call boys "hij"."""

import datetime
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from contacts.models import ContactMoment
from demo import data
from families.models import Child, Family
from health.computation import SIGNALS, health_rows
from intakes.models import IntakeAnswer
from organisations.models import Organisation

pytestmark = pytest.mark.django_db
PAPERWORK = {"intake", "mentor"}


@pytest.fixture
def rows():
    call_command("seed_demo")
    return health_rows(Family.objects.filter(archived_on__isnull=True))


def test_the_demo_spread_looks_like_a_real_organisation(rows, capsys):
    counts = Counter(row["health"] for row in rows)
    share = {level: counts[level] / len(rows) for level in (0, 1, 2)}
    with capsys.disabled():
        print(f"\n[demo spread] good {counts[0]}, attention {counts[1]}, action needed {counts[2]} of {len(rows)}")
    assert 0.65 <= share[0] <= 0.80, counts
    assert 0.15 <= share[1] <= 0.25, counts
    assert 0.05 <= share[2] <= 0.10, counts


def test_no_demo_family_needs_action_for_paperwork_alone(rows):
    for row in rows:
        if row["health"] == 2:
            worst = {signal for signal in SIGNALS if row[f"level_{signal}"] == 2}
            assert worst - PAPERWORK, (row["name"], worst)


def test_the_demo_organisation_went_live_before_its_first_contact_and_after_its_oldest_placements():
    call_command("seed_demo")
    organisation = Organisation.objects.get(name=data.ORGANISATION)
    # The intakes of families placed before it were held on paper and entered later: the other contacts start
    # after the go-live date.
    first_contact = ContactMoment.objects.filter(intake__isnull=True).order_by("occurred_at").first().occurred_at
    assert organisation.go_live == timezone.localdate() - datetime.timedelta(days=data.GO_LIVE_DAYS_AGO)
    assert organisation.go_live <= timezone.localdate(first_contact)
    assert Child.objects.filter(placements__start_date__lt=organisation.go_live).exists()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_the_demo_texts_call_boys_hij_and_girls_ze():
    call_command("seed_demo")
    genders = {first: gender for family in data.FAMILIES for first, _months, _group, gender in family[4]}
    about_one = ContactMoment.objects.annotate(n=Count("children")).filter(n=1)
    checked = 0
    for child in Child.objects.select_related("family").annotate(siblings=Count("family__children")):
        gender = genders[child.first_name]
        wrong = {"ze", "haar"} if gender == "m" else {"hij", "hem"}
        texts = [child.talents]
        # The contacts about this child alone, and the intake of a family with only this child.
        texts += about_one.filter(children=child).values_list("summary", flat=True)
        if child.siblings == 1:
            texts += IntakeAnswer.objects.filter(intake__family=child.family).values_list("answer", flat=True)
        for text in texts:
            assert not _words(text) & wrong, (child.first_name, gender, text)
            checked += 1
    assert checked > 500
