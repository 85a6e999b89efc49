"""A year of contact moments for the demo families: mostly short chats at the door, mentor conversations
twice a year, parent conversations and home visits where something is going on, with checklist use,
follow-ups and referrals. Families differ on purpose so that the dashboards have something real to show:
some are in regular, warm contact, some have gone quiet, some are worried or tense."""

import datetime
import random

from django.utils import timezone

from contacts.choices import Kind, Occasion, ReferralStatus, ReferralTo, Tone, Visibility
from contacts.models import ChecklistTick, ContactMoment, FollowUp
from demo.data import QUIET, WORRIED, words_for
from organisations.models import StaffMembership
from successfactors.models import ChecklistItem

INFORMAL = {
    Tone.POSITIVE: [
        "Vrolijk weekend gehad bij oma.",
        "Vertelde trots dat {naam} thuis zelf {zijn} jas aantrekt.",
        "Grapje gemaakt over de regen; goede sfeer.",
        "Blij dat het wennen zo goed gaat.",
        "Vroeg naar het liedje dat we zingen; thuis wordt het nu ook gezongen.",
    ],
    Tone.NEUTRAL: [
        "Kort gesproken, moest snel door naar het werk.",
        "Doorgegeven dat {naam} slecht geslapen heeft.",
        "Vroeg of de tas met reservekleren mee naar huis kan.",
        "Opa haalt vandaag op.",
    ],
    Tone.WORRIED: [
        "Maakt zich zorgen over het eten; thuis eet {naam} weinig.",
        "{ouder} oogde moe; zei dat het thuis druk is.",
        "Vroeg of {naam} hier ook zo huilt bij het afscheid.",
    ],
    Tone.TENSE: [
        "Boos over de gemiste luiertas; rustig uitgelegd hoe het ging.",
        "Kortaf bij het ophalen; voorgesteld om deze week even te praten.",
    ],
}
CONVERSATION = {
    Kind.MENTOR_CONVERSATION: [
        "Ontwikkeling doorgenomen: taal gaat hard vooruit, samen spelen nog lastig.",
        "Observaties besproken; ouders herkennen het beeld van thuis.",
        "Mentorgesprek: gaat goed, ouders willen meer weten over zindelijkheid.",
    ],
    Kind.PARENT_CONVERSATION: [
        "Gesprek over het slapen op de groep; samen een aanpak gekozen.",
        "Ouders vroegen om een gesprek over bijten; besproken wat we zien en wat thuis werkt.",
        "Gesproken over de verhuizing en wat dat met {hem} doet.",
    ],
    Kind.HOME_VISIT: [
        "Huisbezoek: kennisgemaakt met oma, die vaak oppast.",
        "Thuis gekeken hoe het gaat met eten en slapen; ouders vertelden open over geldzorgen.",
    ],
    Kind.PHONE: [
        "Gebeld omdat {naam} koorts had; {ouder} haalde {hem} vroeg op.",
        "{ouder} belde met een vraag over de vakantieopvang.",
        "Teruggebeld over de afspraak met het consultatiebureau.",
    ],
    Kind.MESSAGE: [
        "Foto's van het uitstapje gedeeld.",
        "Bericht over de ouderavond gestuurd; {ouder} reageerde enthousiast.",
    ],
}
SHARED = {
    Kind.MENTOR_CONVERSATION: "Fijn dat we gesproken hebben over hoe het gaat. We letten samen op het samen spelen.",
    Kind.PARENT_CONVERSATION: "We hebben afgesproken hoe we het slapen aanpakken. Over vier weken kijken we samen hoe "
    "het gaat.",
    Kind.HOME_VISIT: "Dank voor de gastvrijheid. We hebben samen gekeken wat helpt bij het eten en slapen.",
}
FOLLOW_UPS = [
    "Informatie over zindelijkheid meegeven",
    "Terugkoppelen hoe het slapen op de groep gaat",
    "Afspraak maken voor een vervolggesprek",
    "Vragen of de logopedist mag meekijken",
]
REFERRALS = [
    (ReferralTo.WIJKTEAM, "Samen met moeder het wijkteam bellen over ondersteuning thuis"),
    (ReferralTo.FOOD_BANK, "Informatie over de voedselbank geven"),
    (ReferralTo.DIAPER_BANK, "Aanmelden bij de luierbank"),
    (ReferralTo.JGZ, "Vraag over de taalontwikkeling voorleggen aan het consultatiebureau"),
]
FINISHED = (ReferralStatus.STARTED, ReferralStatus.NOT_PURSUED)
# How families differ: (days between door chats, share of worried/tense tones, days since the last contact)
PROFILES = {
    "warm": (6, 0.03, 1),
    "regular": (11, 0.06, 4),
    "quiet": (25, 0.1, 38),
    "worried": (7, 0.45, 2),
}


# The worried families' latest contacts, newest first: whatever else happened, these went hard.
RECENT_WORRIES = [Tone.TENSE, Tone.WORRIED, Tone.WORRIED]


def _profile(index: int, name: str) -> str:
    if name in QUIET:
        return "quiet"
    if name in WORRIED:
        return "worried"
    return "warm" if index % 3 == 0 else "regular"


def _tone(rng: random.Random, hard_share: float) -> str:
    if rng.random() < hard_share:
        return rng.choice([Tone.WORRIED, Tone.WORRIED, Tone.TENSE])
    return rng.choice([Tone.POSITIVE, Tone.POSITIVE, Tone.POSITIVE, Tone.NEUTRAL])


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def seed_contacts(families, today: datetime.date, rng: random.Random, *, genders: dict) -> None:
    staff_of = {}
    for membership in StaffMembership.objects.select_related("user", "group"):
        staff_of.setdefault(membership.group_id, []).append(membership.user)
    # All demo families are of one organisation, so one catalogue serves them all.
    items = list(ChecklistItem.objects.for_organisation(families[0].organisation_id).active())
    now = timezone.now()

    plans = []  # (contact, caregivers, children, items, follow-ups)
    for index, family in enumerate(families):
        children = list(family.children.all())
        caregivers = list(family.caregivers.all())
        placement = children[0].placements.first()
        staff = staff_of[placement.group_id]
        every, hard_share, last_gap = PROFILES[_profile(index, family.name)]
        start = max(placement.start_date, today - datetime.timedelta(days=365))
        day = today - datetime.timedelta(days=last_gap + rng.randint(0, 3))
        # Walk back from the most recent contact to the family's first day.
        recent = list(RECENT_WORRIES) if family.name in WORRIED else []
        while day >= start:
            tone = _tone(rng, hard_share)
            if recent:
                tone = recent.pop(0)
            kind = Kind.INFORMAL
            roll = rng.random()
            if roll < 0.08:
                kind = Kind.PHONE
            elif roll < 0.12:
                kind = Kind.MESSAGE
            elif roll < 0.17 or (tone == Tone.TENSE and roll < 0.5):
                kind = Kind.PARENT_CONVERSATION
            elif roll < 0.185 or (roll < 0.21 and hard_share > 0.3):
                kind = Kind.HOME_VISIT
            plans.append(_plan(family, kind, tone, day, staff, caregivers, children, items, rng, now, genders))
            day -= datetime.timedelta(days=max(1, int(rng.gauss(every, every / 3))))
        # Mentor conversations about every six months; the quiet families are overdue.
        mentor_day = today - datetime.timedelta(days=rng.randint(20, 200) + (90 if last_gap > 30 else 0))
        while mentor_day >= start + datetime.timedelta(days=60):
            for child in children:
                plan = _plan(
                    family,
                    Kind.MENTOR_CONVERSATION,
                    Tone.POSITIVE,
                    mentor_day,
                    [child.mentor or staff[0]],
                    caregivers,
                    [child],
                    items,
                    rng,
                    now,
                    genders,
                )
                plans.append(plan)
            mentor_day -= datetime.timedelta(days=182)

    ContactMoment.objects.bulk_create([plan[0] for plan in plans], batch_size=500)
    caregiver_links, child_links, ticks, follow_ups = [], [], [], []
    for contact, who, about, ticked, actions in plans:
        caregiver_links += [ContactMoment.caregivers.through(contactmoment=contact, caregiver=c) for c in who]
        child_links += [ContactMoment.children.through(contactmoment=contact, child=c) for c in about]
        ticks += [ChecklistTick(contact=contact, item=i, theme=i.theme, prompt=i.prompt) for i in ticked]
        for action in actions:
            action.contact, action.family_id = contact, contact.family_id
            follow_ups.append(action)
    ContactMoment.caregivers.through.objects.bulk_create(caregiver_links, batch_size=1000)
    ContactMoment.children.through.objects.bulk_create(child_links, batch_size=1000)
    ChecklistTick.objects.bulk_create(ticks, batch_size=1000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=500)


def _plan(family, kind, tone, day, staff, caregivers, children, items, rng, now, genders):
    author = rng.choice(staff)
    if kind == Kind.INFORMAL:
        occasion = rng.choice([Occasion.DROP_OFF, Occasion.DROP_OFF, Occasion.PICK_UP, Occasion.IN_PASSING])
        hour, minute = (8, rng.randint(0, 40)) if occasion == Occasion.DROP_OFF else (17, rng.randint(0, 50))
        text = rng.choice(INFORMAL[tone]) if rng.random() < 0.7 else ""
        who = [caregivers[rng.randrange(len(caregivers))]]
        # A chat at the door is about one of the children, in turns.
        child = children[day.toordinal() % len(children)]
        about = [child] if "{" in text else []
    else:
        occasion = ""
        hour, minute = rng.choice([(10, 0), (13, 30), (19, 0)])
        text = rng.choice(CONVERSATION[kind])
        who = caregivers if kind in (Kind.MENTOR_CONVERSATION, Kind.HOME_VISIT) else caregivers[:1]
        child = children[0]
        about = children
    # The child's name and pronouns ("hij" for a boy), and the first name of the parent spoken to.
    summary = text.format(**words_for(child.first_name, genders[child.pk]), ouder=who[0].first_name)
    occurred_at = min(_at(day, hour, minute), now - datetime.timedelta(minutes=5))
    visibility = Visibility.INTERNAL
    shared_summary = ""
    if kind in SHARED and rng.random() < 0.6:
        visibility, shared_summary = Visibility.SHARED, SHARED[kind]
    elif kind != Kind.INFORMAL and rng.random() < 0.06:
        visibility = Visibility.CONFIDENTIAL
    contact = ContactMoment(
        family=family,
        kind=kind,
        occasion=occasion,
        occurred_at=occurred_at,
        author=author,
        tone=tone,
        summary=summary,
        notes="Volgende keer vragen hoe het thuis gaat." if kind != Kind.INFORMAL and rng.random() < 0.4 else "",
        interpreter_used=family.interpreter_needed and kind != Kind.INFORMAL and rng.random() < 0.97,
        visibility=visibility,
        shared_summary=shared_summary,
    )
    candidates = [i for i in items if kind in i.kinds and (not i.tones or tone in i.tones)]
    # Staff tick more in planned conversations than at the door; some themes come up far more than others.
    count = rng.choice([0, 0, 1, 1, 2]) if kind == Kind.INFORMAL else rng.choice([1, 2, 3, 4, 5])
    weights = [0.3 if i.theme in ("prejudice", "child") else 1.0 for i in candidates]
    ticked = set()
    while candidates and len(ticked) < min(count, len(candidates)):
        ticked.add(rng.choices(candidates, weights)[0])
    return contact, who, about, ticked, _follow_ups(kind, tone, day, author, rng)


def _follow_ups(kind, tone, day, author, rng) -> list[FollowUp]:
    if kind not in (Kind.PARENT_CONVERSATION, Kind.HOME_VISIT, Kind.MENTOR_CONVERSATION) or rng.random() < 0.4:
        return []
    due_on = day + datetime.timedelta(days=rng.choice([7, 14, 28]))
    today = timezone.localdate()
    # Staff keep their promises, the recent ones not all yet: a few follow-ups are open or a little late.
    done = due_on < today and rng.random() < (1.0 if due_on < today - datetime.timedelta(days=14) else 0.5)
    actions = [
        FollowUp(
            description=rng.choice(FOLLOW_UPS),
            owner=author,
            created_by=author,
            due_on=due_on,
            promised_to_parents=rng.random() < 0.5,
            done_on=min(due_on, today) if done else None,
            done_by=author if done else None,
        )
    ]
    if tone in (Tone.WORRIED, Tone.TENSE) and kind != Kind.MENTOR_CONVERSATION and rng.random() < 0.6:
        destination, description = rng.choice(REFERRALS)
        status = rng.choice([ReferralStatus.PLANNED, ReferralStatus.REFERRED, ReferralStatus.STARTED])
        if day < today - datetime.timedelta(days=28):
            # An older referral has led somewhere by now: help started, or the parents chose not to.
            status = rng.choice([ReferralStatus.STARTED, ReferralStatus.STARTED, ReferralStatus.NOT_PURSUED])
        actions.append(
            FollowUp(
                description=description,
                owner=author,
                created_by=author,
                due_on=day + datetime.timedelta(days=14),
                promised_to_parents=True,
                referral_to=destination,
                agreed_with_parents=rng.random() < 0.8,
                referral_status=status,
                done_on=day + datetime.timedelta(days=10) if status in FINISHED else None,
                done_by=author if status in FINISHED else None,
            )
        )
    return actions
