"""The kept health rows (health.store) against a full recomputation: after random histories of every kind of
write the health statement reads, whoever makes it (services, the ORM, `QuerySet.update()`, deletes), what the
pages read equals what the statement computes now, row for row, with the same counts per status and signal."""

import datetime
import random
import re
import threading

import psycopg2
import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Role
from agreements import services as agreement_services
from agreements.models import Agreement
from contacts.choices import Kind, Tone, Visibility
from contacts.models import ChecklistTick, ContactMoment, FollowUp
from families.models import Caregiver, Child, Family, Placement
from health import store
from health.computation import audience_of, computed_rows, health_rows, health_sql
from health.models import Acknowledgement, Audience, FamilyHealth, Signal
from health.models import Kind as AckKind
from moments.models import Moment
from notifications.models import Notification
from portal.models import PartnershipFeedback
from successfactors.models import ChecklistItem
from tests import factories as f
from threads.models import State, Thread

pytestmark = pytest.mark.django_db
NOW = timezone.now


def _ago(rng, days):
    return NOW() - datetime.timedelta(days=rng.uniform(0, days))


def _families(world, n=6):
    families = [world.family, world.other_family]
    for number in range(n):
        family = f.FamilyFactory(organisation=world.organisation, name=f"Familie {number}")
        child = f.ChildFactory(family=family, mentor=world.users["staff"])
        f.PlacementFactory(child=child, group=world.group)
        user = f.UserFactory(role=Role.PARENT, organisation=world.organisation)
        f.CaregiverFactory(family=family, user=user, has_parental_authority=True)
        families.append(family)
    return families


# One random write each: every table the health statement reads, through the ways the app and its tools write.
def _contact(rng, world, family):
    visibility = rng.choice(list(Visibility))
    ContactMoment.objects.create(
        family=family,
        author=rng.choice([world.users["staff"], world.users["coordinator"]]),
        kind=rng.choice(list(Kind)),
        tone=rng.choice(list(Tone)),
        visibility=visibility,
        shared_summary="Fijn gesproken." if visibility == Visibility.SHARED else "",
        interpreter_used=rng.random() < 0.3,
        occurred_at=_ago(rng, 120),
    )


def _move_contact(rng, world, family):
    ContactMoment.objects.filter(pk__in=family.contacts.values("pk")[:1]).update(occurred_at=_ago(rng, 60))


def _delete_contact(rng, world, family):
    contact = family.contacts.order_by("?").first()
    if contact:
        contact.delete()


def _tick(rng, world, family):
    contact = family.contacts.order_by("?").first()
    item = ChecklistItem.objects.order_by("?").first()
    if contact and item:
        ChecklistTick.objects.get_or_create(contact=contact, item=item)


def _follow_up(rng, world, family):
    contact = family.contacts.first() or f.ContactMomentFactory(family=family, author=world.users["staff"])
    f.FollowUpFactory(
        contact=contact,
        promised_to_parents=rng.random() < 0.6,
        due_on=timezone.localdate() + datetime.timedelta(days=rng.randint(-30, 10)),
    )


def _follow_up_done(rng, world, family):
    FollowUp.objects.filter(family=family, done_on=None).update(done_on=timezone.localdate())


def _agreement(rng, world, family):
    agreement = f.proposed_agreement(family=family, by=world.users["staff"], title=f"Afspraak {rng.random():.3f}")
    if rng.random() < 0.5:
        parent = Caregiver.objects.filter(family=family, has_parental_authority=True).exclude(user=None).first()
        if parent:
            agreement_services.agreement_confirm(agreement=agreement, version=agreement.current, by=parent.user)
            Agreement.objects.filter(pk=agreement.pk).update(
                evaluation_on=timezone.localdate() - datetime.timedelta(days=rng.randint(-5, 30))
            )


def _proposed_long_ago(rng, world, family):
    Agreement.objects.filter(family=family).update(updated_at=_ago(rng, 40))
    Notification.objects.filter(recipient__caregiver__family=family).update(created_at=_ago(rng, 40))


def _feedback(rng, world, family):
    caregiver = family.caregivers.order_by("?").first()
    if caregiver:
        PartnershipFeedback.objects.create(
            family=family, caregiver=caregiver, **{dimension: rng.randint(1, 5) for dimension in DIMENSIONS}
        )
        PartnershipFeedback.objects.filter(caregiver=caregiver).update(created_at=_ago(rng, 200))


def _gezag(rng, world, family):
    Caregiver.objects.filter(family=family).update(has_parental_authority=rng.random() < 0.5)


def _thread(rng, world, family):
    if family.caregivers.exists():
        f.ThreadFactory(family=family, waiting_since=_ago(rng, 12))


def _answer_thread(rng, world, family):
    Thread.objects.filter(family=family, state=State.WAITING).update(state=State.ANSWERED, waiting_since=None)


def _acknowledge(rng, world, family):
    signal = rng.choice(list(Signal))
    if rng.random() < 0.5:
        Acknowledgement.objects.create(
            family=family, signal=signal, level=rng.randint(1, 2), note="Gezien.", by=world.users["coordinator"]
        )
    else:
        Acknowledgement.objects.create(
            family=family,
            signal=signal,
            kind=AckKind.TIME,
            level=rng.randint(1, 2),
            note="Vertrouwen kost tijd.",
            look_again_on=timezone.localdate() + datetime.timedelta(days=rng.randint(1, 30)),
            by=world.users["staff"],
        )


def _withdraw(rng, world, family):
    Acknowledgement.objects.filter(family=family).update(withdrawn_at=NOW(), withdrawn_by=world.users["coordinator"])


def _intake(rng, world, family):
    if family.intakes.exists():
        family.intakes.all().delete()
    else:
        f.IntakeFactory(family=family, conducted_by=world.users["staff"])


def _placement(rng, world, family):
    Placement.objects.filter(child__family=family).update(
        start_date=timezone.localdate() - datetime.timedelta(days=rng.randint(0, 80))
    )


def _mentor(rng, world, family):
    Child.objects.filter(family=family).update(mentor=rng.choice([None, world.users["staff"]]))


def _family_itself(rng, world, family):
    Family.objects.filter(pk=family.pk).update(interpreter_needed=rng.random() < 0.5)


def _moment(rng, world, family):
    child = family.children.first()
    if child:
        Moment.objects.create(family=family, child=child, author=world.users["staff"], text="Samen gezongen.")
        Moment.objects.filter(family=family).update(created_at=_ago(rng, 60))


def _organisation(rng, world, family):
    world.organisation.go_live = timezone.localdate() - datetime.timedelta(days=rng.randint(0, 60))
    world.organisation.health_thresholds = {"contact_attention_days": rng.choice([14, 21, 28])}
    world.organisation.save()


DIMENSIONS = ("relatie", "competentie", "autonomie")
WRITES = [
    _contact,
    _contact,
    _move_contact,
    _delete_contact,
    _tick,
    _follow_up,
    _follow_up_done,
    _agreement,
    _proposed_long_ago,
    _feedback,
    _gezag,
    _thread,
    _answer_thread,
    _acknowledge,
    _withdraw,
    _intake,
    _placement,
    _mentor,
    _family_itself,
    _moment,
    _organisation,
]


def _assert_kept_equals_computed(world, families):
    scope = Family.objects.filter(pk__in=[family.pk for family in families])
    world.organisation.refresh_from_db()
    for role in ("coordinator", "staff"):
        viewer = world.users[role]
        kept = health_rows(scope, viewer=viewer)
        computed = computed_rows(scope, audience=audience_of(viewer), organisation=world.organisation)
        assert kept == computed, role
        assert FamilyHealth.objects.filter(family__in=scope, audience=audience_of(viewer)).count() == len(families)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kept_health_equals_a_full_recomputation_after_random_writes(world, seed):
    rng = random.Random(seed)
    families = _families(world)
    _assert_kept_equals_computed(world, families)
    for step in range(60):
        rng.choice(WRITES)(rng, world, rng.choice(families))
        if step % 4 == 3:
            _assert_kept_equals_computed(world, families)


def test_the_filtered_and_paged_dashboard_reads_the_same_as_the_statement(world):
    rng = random.Random(7)
    families = _families(world, 12)
    for _ in range(80):
        rng.choice(WRITES)(rng, world, rng.choice(families))
    scope = Family.objects.filter(pk__in=[family.pk for family in families])
    coordinator = world.users["coordinator"]
    world.organisation.refresh_from_db()
    for options in ({"status": 2}, {"status": 0}, {"signal": "contact"}, {"limit": 5, "offset": 5}):
        kept = health_rows(scope, viewer=coordinator, **options)
        computed = computed_rows(scope, audience=Audience.ALL, organisation=world.organisation, **options)
        assert kept == computed, options


def test_a_write_deletes_the_kept_row_in_its_own_transaction(world):
    scope = Family.objects.filter(pk=world.family.pk)
    health_rows(scope, viewer=world.users["coordinator"])
    assert FamilyHealth.objects.filter(family=world.family).exists()
    f.ContactMomentFactory(family=world.family, author=world.users["staff"])
    assert not FamilyHealth.objects.filter(family=world.family).exists()


def test_a_kept_row_of_yesterday_or_of_other_thresholds_is_recomputed(world, settings):
    scope = Family.objects.filter(pk=world.family.pk)
    coordinator = world.users["coordinator"]
    health_rows(scope, viewer=coordinator)
    FamilyHealth.objects.update(day=timezone.localdate() - datetime.timedelta(days=1), health=2, raised=["tone"])
    assert health_rows(scope, viewer=coordinator)[0]["health"] == 0
    ContactMoment.objects.update(occurred_at=NOW() - datetime.timedelta(days=25))
    health_rows(scope, viewer=coordinator)
    settings.HEALTH_THRESHOLDS = {"contact_attention_days": 30}
    assert health_rows(scope, viewer=coordinator)[0]["level_contact"] == 0


def test_another_day_is_computed_not_read(world):
    scope = Family.objects.filter(pk=world.family.pk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    rows = health_rows(scope, viewer=world.users["coordinator"], today=tomorrow)
    assert rows and not FamilyHealth.objects.exists()


def test_every_table_the_health_statement_reads_deletes_kept_rows_when_written(world):
    sql, _ = health_sql(Family.objects.all())
    read = set(re.findall(r'(?:FROM|JOIN) "(\w+)"', sql))
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'health_changed'")
        triggered = {table for (table,) in cursor.fetchall()}
    # The users table is only joined to find a notification's caregiver; a notification's own trigger covers it.
    assert read - {"accounts_user"} <= triggered, read - triggered


@pytest.mark.django_db(transaction=True)
def test_a_row_computed_beside_an_uncommitted_write_is_not_kept(world):
    """Another server writes a contact and has not committed: this server reads the family. What it reads is
    right for now, but it must not keep it, or the row would outlive the write."""
    scope = Family.objects.filter(pk=world.family.pk)
    coordinator = world.users["coordinator"]
    db = connection.settings_dict
    written, release = threading.Event(), threading.Event()
    names = [field.column for field in ContactMoment._meta.concrete_fields if field.column != "id"]
    columns = ", ".join(names)
    copied = ", ".join(
        {"tone": "'tense'", "occurred_at": "now()", "created_at": "now()", "updated_at": "now()"}.get(name, name)
        for name in names
    )

    def other_server():
        other = psycopg2.connect(
            host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"], dbname=db["NAME"]
        )
        try:
            with other.cursor() as cursor:  # a transaction of its own, open until released
                # A copy of the family's contact, tense and now.
                cursor.execute(
                    f"INSERT INTO contacts_contactmoment ({columns}) "  # noqa: S608
                    f"SELECT {copied} FROM contacts_contactmoment WHERE id = %s",
                    [world.contact.pk],
                )
            written.set()
            release.wait(10)
            other.commit()
        finally:
            other.close()

    thread = threading.Thread(target=other_server)
    thread.start()
    try:
        assert written.wait(10)
        assert health_rows(scope, viewer=coordinator)
        assert not FamilyHealth.objects.filter(family=world.family).exists()
    finally:
        release.set()
        thread.join()
    rows = health_rows(scope, viewer=coordinator)
    assert rows[0]["level_tone"] == computed_rows(scope, organisation=world.organisation)[0]["level_tone"]
    assert FamilyHealth.objects.filter(family=world.family).exists()


def test_the_store_keeps_one_row_per_family_and_audience(world):
    scope = Family.objects.filter(pk__in=[world.family.pk, world.other_family.pk])
    for role in ("coordinator", "staff", "admin", "coordinator"):
        health_rows(scope, viewer=world.users[role])
    assert FamilyHealth.objects.count() == 4
    assert set(FamilyHealth.objects.values_list("audience", flat=True)) == {Audience.ALL, Audience.TEAM}
    assert store.version() == FamilyHealth.objects.first().version


def test_the_nightly_snapshot_keeps_the_rows_of_every_audience_for_the_first_page_of_the_day(world):
    from health.services import snapshots_take

    snapshots_take()
    active = Family.objects.filter(archived_on__isnull=True).count()
    for audience in Audience.values:
        assert FamilyHealth.objects.filter(audience=audience, day=timezone.localdate()).count() == active


def test_the_team_sees_one_status_whoever_wrote_a_confidential_contact(world):
    """The team's health counts no confidential contact, not even for its author: the status on the team's shared
    screens is the same for everyone; coordinators' health counts it."""
    for hours in (1, 2, 3):
        ContactMoment.objects.create(
            family=world.family,
            author=world.users["staff"],
            kind=Kind.PARENT_CONVERSATION,
            tone=Tone.TENSE,
            visibility=Visibility.CONFIDENTIAL,
            occurred_at=NOW() - datetime.timedelta(hours=hours),
        )
    scope = Family.objects.filter(pk=world.family.pk)
    author = health_rows(scope, viewer=world.users["staff"])[0]
    colleague = health_rows(scope, viewer=world.users["other_staff"])[0]
    coordinator = health_rows(scope, viewer=world.users["coordinator"])[0]
    assert author["level_tone"] == colleague["level_tone"] == 0
    assert coordinator["level_tone"] > 0
