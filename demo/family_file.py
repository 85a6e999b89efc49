"""Demo content of the family file: talents, network, consents and intakes, varied across families."""

import datetime
import random

from demo.data import NEW_FAMILY, words_for
from families.models import Consent, NetworkMember
from intakes.selectors import questions_to_ask
from intakes.services import intake_record

TALENTS = [
    "Houdt van zingen en dansen; bouwt graag hoge torens.",
    "Kan lang geconcentreerd puzzelen; is dol op dieren.",
    "Helpt graag andere kinderen; praat veel over {zijn} knuffelkonijn.",
    "Is graag buiten, in de zandbak en op de fiets.",
    "Houdt van voorlezen, vooral boekjes over de brandweer.",
    "Tekent veel en kent al alle kleuren.",
]
NETWORK = [
    ("Oma Ria", NetworkMember.Role.GRANDPARENT, "Haalt op dinsdag en donderdag op."),
    ("Opa Ahmed", NetworkMember.Role.GRANDPARENT, "Woont om de hoek en springt vaak bij."),
    ("Buurvrouw Els", NetworkMember.Role.NEIGHBOUR, "Mag het kind ophalen in noodgevallen."),
    ("Jeugdverpleegkundige consultatiebureau", NetworkMember.Role.JGZ, "Contact over de taalontwikkeling."),
    ("Wijkteam Zuid, Marloes", NetworkMember.Role.WIJKTEAM, "Begeleidt het gezin sinds de verhuizing."),
    ("Logopedist De Klinker", NetworkMember.Role.THERAPIST, "Eens per week, op woensdag."),
]
ANSWERS = {
    10: [
        "Dat {hij} zich veilig voelt en respect leert.",
        "Rust en regelmaat, en veel buiten zijn.",
        "Dat {hij} leert dat fouten maken mag.",
    ],
    20: [
        "Dat {hij} vriendjes maakt.",
        "Dat {hij} leert delen en op {zijn} beurt wachten.",
        "Goed eten en genoeg slapen.",
    ],
    30: [
        "We lezen elke avond voor.",
        "Opa zingt liedjes met {hem} in zijn eigen taal.",
        "We gaan vaak naar de speeltuin.",
    ],
    40: [
        "Dat jullie laten weten hoe de dag ging.",
        "Dat jullie bellen als {hij} ziek wordt.",
        "Eerlijk zijn, ook als het minder gaat.",
    ],
    50: ["{Hij} is gek op muziek.", "{Hij} bouwt de mooiste torens.", "{Hij} kan al tot tien tellen."],
}


def seed_family_file(families, staff_by_group, today: datetime.date, rng: random.Random, *, genders: dict) -> None:
    for index, family in enumerate(families):
        questions = list(questions_to_ask(family))
        children = list(family.children.all())
        caregivers = list(family.caregivers.all())
        for child in children:
            child.talents = rng.choice(TALENTS).format(**words_for(child.first_name, genders[child.pk]))
            child.save(update_fields=["talents"])
        for name, role, notes in rng.sample(NETWORK, k=index % 3):
            NetworkMember.objects.create(family=family, name=name, role=role, notes=notes)
        Consent.objects.create(
            family=family,
            topic=Consent.Topic.PHOTOS_INTERNAL,
            given=index % 7 != 0,
            given_by=caregivers[0],
            recorded_on=today - datetime.timedelta(days=200),
        )
        if index % 4 == 0:
            Consent.objects.create(
                family=family,
                topic=Consent.Topic.OUTINGS,
                given=True,
                given_by=caregivers[0],
                recorded_on=today - datetime.timedelta(days=180),
                withdrawn_on=today - datetime.timedelta(days=20) if index % 8 == 0 else None,
            )
        # Every family had its intake (those placed before the go-live date on paper, entered since), except the
        # family that started three weeks ago.
        if family.name == NEW_FAMILY:
            continue
        group = children[0].placements.first().group
        # The intake speaks of the first child.
        words = words_for(children[0].first_name, genders[children[0].pk])
        answers = {q: rng.choice(ANSWERS[q.position]).format(**words) for q in questions if q.position in ANSWERS}
        intake_record(
            family=family,
            by=staff_by_group[group.name],
            held_on=max(
                children[0].placements.first().start_date - datetime.timedelta(days=7),
                today - datetime.timedelta(days=700),
            ),
            caregivers=caregivers,
            children=children,
            interpreter_used=family.interpreter_needed,
            told_always_welcome=index % 5 != 0,
            answers=answers,
        )
