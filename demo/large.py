"""`seed_demo --scale large`: a second, large organisation of the size DESIGN.md section 5 plans for, to measure
the app at that size (bench/, docs/performance.md). Fictional and deterministic, like the demo.

Realistic distributions: most families have tens of contacts and a few have hundreds (a long-tailed spread),
quick chats at the door outnumber conversations, most contacts are positive or neutral, two years of history
with more in recent months. Written with bulk inserts in batches; the history triggers (django-pghistory) run
for every row as they do in use, so the history tables are as large as they would be."""

import datetime
import random
import time
from collections.abc import Callable, Iterator

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Role, User
from agreements.models import Agreement, AgreementVersion, Status
from contacts.choices import Kind, Occasion, Tone, Visibility
from contacts.models import ChecklistTick, ContactMoment
from families.models import Caregiver, Child, Family, Placement
from intakes.models import Intake
from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership
from partnership.catalogue import catalogue_seed
from successfactors.models import ChecklistItem

ORGANISATION = "Kinderopvang De Grote Stad (groot demo)"
# DESIGN.md section 5.
SIZES = {
    "locations": 20,
    "groups": 150,
    "staff": 300,
    "families": 10_000,
    "caregivers": 18_000,
    "children": 15_000,
    "contacts": 500_000,
    "ticks": 770_000,
    "agreements": 15_000,
}
HISTORY_DAYS = 730
TITLES = ["Slapen op de groep", "Fruit in de ochtend", "Afscheid bij het brengen", "Zindelijk worden"]
BATCH = 5_000

SURNAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Yılmaz",
    "Kaya",
    "Demir",
    "El Amrani",
    "Boukhari",
    "Haddou",
    "Benali",
    "Kowalski",
    "Nowak",
    "Wiśniewski",
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Abdi",
    "Hassan",
    "Mohamed",
    "Osman",
    "Pinas",
    "Lie-A-Ling",
    "Tjon",
    "Doekhie",
    "Ramdin",
    "Nguyen",
    "Tran",
    "Silva",
    "Santos",
    "Rossi",
]
FIRST_NAMES = [
    "Emma",
    "Noah",
    "Julia",
    "Liam",
    "Mila",
    "Luca",
    "Sophie",
    "Sem",
    "Tess",
    "Levi",
    "Nora",
    "Finn",
    "Yara",
    "Adam",
    "Sara",
    "Mohamed",
    "Amira",
    "Ayoub",
    "Lina",
    "Emir",
    "Elif",
    "Yusuf",
    "Zofia",
    "Jakub",
    "Olena",
    "Maksym",
    "Hodan",
    "Abdi",
    "Priya",
    "Ravi",
    "Anna",
    "Daan",
    "Eva",
    "Bram",
    "Fleur",
    "Milan",
    "Isa",
    "Saar",
    "Jesse",
    "Lotte",
]
SUMMARIES = (
    "Even bijgepraat bij het brengen.",
    "Vader vertelde over het weekend; Noor had goed geslapen.",
    "Moeder vroeg hoe het eten ging; we spraken af om het te laten weten.",
    "Kort gesprek bij het halen over de wenperiode.",
    "Ouders waren moe; we vroegen hoe het thuis gaat.",
    "Samen teruggekeken op de afspraken over slapen.",
)
# How often each kind of contact happens (the quick chat at the door most).
KINDS = [
    (Kind.INFORMAL, 62),
    (Kind.PHONE, 10),
    (Kind.MESSAGE, 10),
    (Kind.PARENT_CONVERSATION, 8),
    (Kind.MENTOR_CONVERSATION, 5),
    (Kind.EVALUATION, 3),
    (Kind.HOME_VISIT, 2),
]
TONES = [(Tone.POSITIVE, 45), (Tone.NEUTRAL, 45), (Tone.WORRIED, 7), (Tone.TENSE, 3)]


def _choice(rng: random.Random, weighted: list) -> object:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _batched(rows: Iterator, size: int = BATCH) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(model, rows: Iterator, *, total: int, label: str, progress: Callable[[str, int, int], None]) -> list:
    made = []
    for batch in _batched(rows):
        made.extend(model.objects.bulk_create(batch))
        progress(label, len(made), total)
    if len(made) < total:  # a step whose size was drawn at random ends below its estimate
        progress(label, len(made), len(made))
    return made


def _spread(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` divided over `parts` with a long tail: most get tens, a few hundreds (log-normal weights)."""
    weights = [rng.lognormvariate(0, 0.9) for _ in range(parts)]
    scale = total / sum(weights)
    counts = [max(1, int(weight * scale)) for weight in weights]
    counts[0] += total - sum(counts)  # what rounding left over or took
    if counts[0] < 1:
        counts[0] = 1
    return counts


def _quiet_progress(label: str, done: int, total: int) -> None:
    pass


def large_present() -> bool:
    return Organisation.objects.filter(name=ORGANISATION).exists()


@transaction.atomic
def seed_large(
    *, password: str, scale: float = 1.0, today: datetime.date | None = None, progress=_quiet_progress
) -> Organisation:
    """The large organisation at `scale` times the sizes above (1.0: DESIGN.md's figures; the tests use less)."""
    rng = random.Random(2026)
    today = today or timezone.localdate()
    now = timezone.now()
    sizes = {name: max(1, round(value * scale)) for name, value in SIZES.items()}
    with connection.cursor() as cursor:
        # Bulk loading: foreign keys are checked as each row is written rather than at the end of the transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    organisation = Organisation.objects.create(name=ORGANISATION, go_live=today - datetime.timedelta(days=HISTORY_DAYS))
    catalogue_seed(organisation=organisation)

    locations = Location.objects.bulk_create(
        Location(organisation=organisation, name=f"Kindcentrum {SURNAMES[i % len(SURNAMES)]} {i + 1}")
        for i in range(sizes["locations"])
    )
    group_kinds = [Group.Kind.DAYCARE, Group.Kind.DAYCARE, Group.Kind.OUT_OF_SCHOOL, Group.Kind.PRESCHOOL]
    groups = Group.objects.bulk_create(
        Group(location=locations[i % len(locations)], name=f"Groep {i + 1}", kind=group_kinds[i % len(group_kinds)])
        for i in range(sizes["groups"])
    )
    progress("locations and groups", len(groups), sizes["groups"])

    hashed = make_password(password)
    coordinators = min(len(locations), max(1, sizes["staff"] // 15))
    admins = max(1, sizes["staff"] // 100)
    pedagogues = max(1, sizes["staff"] - coordinators - admins)
    people = []
    for i in range(sizes["staff"]):
        role = Role.STAFF if i < pedagogues else Role.COORDINATOR if i < pedagogues + coordinators else Role.ADMIN
        people.append(
            User(
                username=f"groot{i + 1}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(SURNAMES),
                email=f"groot{i + 1}@example.nl",
                role=role,
                organisation=organisation,
                password=hashed,
                is_demo=True,
            )
        )
    users = User.objects.bulk_create(people)
    staff = [user for user in users if user.role == Role.STAFF]
    group_staff: dict[int, list[User]] = {group.pk: [] for group in groups}
    memberships = []
    for i, user in enumerate(staff):
        # Each group has at least one member; most staff work in one group, some in two of one location.
        group = groups[i % len(groups)]
        mine = [group]
        if rng.random() < 0.3:
            mine.append(rng.choice([g for g in groups if g.location_id == group.location_id]))
        for chosen in {g.pk: g for g in mine}.values():
            memberships.append(StaffMembership(user=user, group=chosen))
            group_staff[chosen.pk].append(user)
    StaffMembership.objects.bulk_create(memberships)
    CoordinatorAssignment.objects.bulk_create(
        CoordinatorAssignment(user=user, location=locations[i % len(locations)])
        for i, user in enumerate(u for u in users if u.role == Role.COORDINATOR)
    )
    progress("staff", len(users), sizes["staff"])

    families = _insert(
        Family,
        (
            Family(organisation=organisation, name=rng.choice(SURNAMES), interpreter_needed=rng.random() < 0.06)
            for _ in range(sizes["families"])
        ),
        total=sizes["families"],
        label="families",
        progress=progress,
    )
    two_parents = max(0, min(len(families), sizes["caregivers"] - len(families)))

    def caregivers():
        for i, family in enumerate(families):
            for relation in ("moeder", "vader")[: 2 if i < two_parents else 1]:
                yield Caregiver(
                    family=family, first_name=rng.choice(FIRST_NAMES), last_name=family.name, relation=relation
                )

    parents = _insert(Caregiver, caregivers(), total=sizes["caregivers"], label="caregivers", progress=progress)
    parents_of: dict[int, list[Caregiver]] = {}
    for parent in parents:
        parents_of.setdefault(parent.family_id, []).append(parent)

    # Every family has a child; the rest of the children go to random families (siblings).
    child_families = families + [rng.choice(families) for _ in range(max(0, sizes["children"] - len(families)))]
    staffed = [group for group in groups if group_staff[group.pk]]
    family_group = {family.pk: rng.choice(staffed) for family in families}

    def children():
        for family in child_families:
            group = family_group[family.pk]
            yield Child(
                family=family,
                first_name=rng.choice(FIRST_NAMES),
                last_name=family.name,
                date_of_birth=today - datetime.timedelta(days=rng.randint(120, 4000)),
                mentor=rng.choice(group_staff[group.pk]),
            )

    kids = _insert(Child, children(), total=len(child_families), label="children", progress=progress)
    _insert(
        Placement,
        (
            Placement(
                child=child,
                group=family_group[child.family_id],
                start_date=today - datetime.timedelta(days=rng.randint(30, HISTORY_DAYS)),
            )
            for child in kids
        ),
        total=len(kids),
        label="placements",
        progress=progress,
    )
    children_of: dict[int, list[Child]] = {}
    for child in kids:
        children_of.setdefault(child.family_id, []).append(child)

    _insert(
        Intake,
        (
            Intake(
                family=family,
                held_on=today - datetime.timedelta(days=rng.randint(30, HISTORY_DAYS)),
                conducted_by=rng.choice(group_staff[family_group[family.pk].pk]),
            )
            for family in families
            if rng.random() < 0.9
        ),
        total=int(len(families) * 0.9),
        label="intakes",
        progress=progress,
    )

    contacts = _seed_contacts(rng, families, family_group, group_staff, sizes, now, progress)
    _seed_ticks(rng, organisation, contacts, sizes, progress)
    _seed_contact_people(contacts, parents_of, children_of, progress)
    _seed_agreements(rng, families, family_group, group_staff, children_of, sizes, today, now, progress)
    return organisation


def _seed_contacts(rng, families, family_group, group_staff, sizes, now, progress):
    per_family = _spread(rng, sizes["contacts"], len(families))

    def rows():
        for family, count in zip(families, per_family, strict=True):
            team = group_staff[family_group[family.pk].pk]
            for _ in range(count):
                kind = _choice(rng, KINDS)
                # More contacts in recent months than two years ago.
                days_ago = int(HISTORY_DAYS * rng.random() ** 1.6)
                visibility = Visibility.INTERNAL
                summary = rng.choice(SUMMARIES)
                shared = ""
                if kind != Kind.INFORMAL and rng.random() < 0.3:
                    visibility, shared = Visibility.SHARED, summary
                elif rng.random() < 0.01:
                    visibility = Visibility.CONFIDENTIAL
                yield ContactMoment(
                    family=family,
                    kind=kind,
                    occasion=rng.choice(Occasion.values) if kind == Kind.INFORMAL else "",
                    occurred_at=now - datetime.timedelta(days=days_ago, minutes=rng.randint(0, 600)),
                    author=rng.choice(team),
                    tone=_choice(rng, TONES),
                    summary=summary,
                    visibility=visibility,
                    shared_summary=shared,
                )

    return _insert(ContactMoment, rows(), total=sizes["contacts"], label="contacts", progress=progress)


def _seed_ticks(rng, organisation, contacts, sizes, progress):
    items = list(ChecklistItem.objects.for_organisation(organisation).active())
    by_kind = {kind: [item for item in items if not item.kinds or kind in item.kinds] for kind in Kind.values}
    share = sizes["ticks"] / max(1, len(contacts))  # ticks per contact, on average

    def rows():
        for contact in contacts:
            offered = by_kind.get(contact.kind) or items
            count = min(len(offered), int(share) + (1 if rng.random() < share - int(share) else 0))
            for item in rng.sample(offered, count):
                yield ChecklistTick(contact=contact, item=item, theme=item.theme, prompt=item.prompt)

    _insert(ChecklistTick, rows(), total=sizes["ticks"], label="checklist ticks", progress=progress)


def _seed_contact_people(contacts, parents_of, children_of, progress):
    """Who each contact was with and about: one caregiver and the family's first child."""
    with_caregiver = ContactMoment.caregivers.through
    about_child = ContactMoment.children.through
    _insert(
        with_caregiver,
        (
            with_caregiver(contactmoment_id=contact.pk, caregiver_id=parents_of[contact.family_id][0].pk)
            for contact in contacts
        ),
        total=len(contacts),
        label="contacts: with whom",
        progress=progress,
    )
    _insert(
        about_child,
        (
            about_child(contactmoment_id=contact.pk, child_id=children_of[contact.family_id][0].pk)
            for contact in contacts
        ),
        total=len(contacts),
        label="contacts: about whom",
        progress=progress,
    )


def _seed_agreements(rng, families, family_group, group_staff, children_of, sizes, today, now, progress):
    statuses = [
        (Status.AGREED, 60),
        (Status.PROPOSED, 15),
        (Status.DRAFT, 5),
        (Status.CLOSED, 20),
    ]
    chosen = [rng.choice(families) for _ in range(sizes["agreements"])]
    agreements = []
    for family in chosen:
        status = _choice(rng, statuses)
        author = rng.choice(group_staff[family_group[family.pk].pk])
        proposed = now - datetime.timedelta(days=rng.randint(1, 400))
        evaluation = today + datetime.timedelta(days=rng.randint(-30, 120))
        agreements.append(
            Agreement(
                family=family,
                child=children_of[family.pk][0],
                title=rng.choice(
                    ["Slapen op de groep", "Fruit in de ochtend", "Afscheid bij het brengen", "Zindelijk"]
                ),
                status=status,
                evaluation_on=evaluation if status == Status.AGREED else None,
                proposed_at=None if status == Status.DRAFT else proposed,
                agreed_at=proposed + datetime.timedelta(days=3) if status == Status.AGREED else None,
                closed_on=today - datetime.timedelta(days=rng.randint(1, 300)) if status == Status.CLOSED else None,
                created_by=author,
            )
        )
    agreements = _insert(Agreement, iter(agreements), total=len(agreements), label="agreements", progress=progress)
    versions = _insert(
        AgreementVersion,
        (
            AgreementVersion(
                agreement=agreement,
                number=1,
                goal="Het kind voelt zich veilig en slaapt goed.",
                parents_do="Het knuffeltje meegeven.",
                staff_do="Vast ritueel voor het slapen.",
                evaluation_on=agreement.evaluation_on or today + datetime.timedelta(days=60),
                created_by=agreement.created_by,
                proposed_at=agreement.proposed_at,
            )
            for agreement in agreements
        ),
        total=len(agreements),
        label="agreement versions",
        progress=progress,
    )
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE agreements_agreement AS a SET current_id = v.id FROM agreements_agreementversion AS v "
            "WHERE v.agreement_id = a.id AND a.id = ANY(%s)",
            [[agreement.pk for agreement in agreements]],
        )
    progress(f"current versions ({time.monotonic() - started:.0f} s)", len(versions), len(versions))
