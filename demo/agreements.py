"""Demo agreements in every stage, a few reactions (threads, some answered), and the parents' own feedback (a
remark is a thread to answer), so that the portal, the staff home and the coordinator's dashboard have something
real to show."""

import datetime
import random

from django.utils import timezone

from agreements import services
from agreements.models import Agreement, AgreementVersion
from contacts.choices import Kind, Tone
from contacts.services import ContactData
from demo.data import SINGLE_LOW_FEEDBACK, WORRIED
from portal.models import PartnershipFeedback
from threads import services as thread_services
from threads.models import Topic

AGREEMENTS = [
    (
        "Slapen op de groep",
        {
            "goal": "{child} slaapt 's middags rustig en wordt uitgerust wakker.",
            "agreed_points": "Een vast ritueel helpt: knuffel, slaapzak, liedje.",
            "open_points": "Thuis slaapt {child} soms niet meer overdag; wij zien dat het op de groep nog nodig is.",
            "parents_do": "De knuffel en de slaapzak van thuis meegeven.",
            "staff_do": "Het ritueel van thuis volgen en na twee weken vertellen hoe het gaat.",
            "how_we_work": "Bij het halen vertellen we kort hoe het slapen ging.",
        },
    ),
    (
        "Zindelijkheid",
        {
            "goal": "{child} leert zonder luier naar de wc, in een tempo dat bij {child} past.",
            "agreed_points": "We dwingen niets af en prijzen elke poging.",
            "parents_do": "Reservekleren meegeven en thuis dezelfde woorden gebruiken.",
            "staff_do": "Na het eten en na het slapen samen naar de wc gaan.",
            "child_does": "Zelf aangeven als {child} moet plassen.",
            "how_we_work": "We houden een week bij hoe het gaat en bespreken het daarna.",
        },
    ),
    (
        "Afscheid bij het brengen",
        {
            "goal": "Het afscheid 's ochtends is kort en voorspelbaar, zodat {child} zich veilig voelt.",
            "agreed_points": "Een vaste zwaaiplek bij het raam.",
            "open_points": "Vader wil liever lang blijven; wij denken dat kort beter werkt. We proberen het "
            "twee weken.",
            "parents_do": "Kort gedag zeggen en bij het raam zwaaien.",
            "staff_do": "{child} opvangen en een foto sturen als het weer goed gaat.",
            "child_voice": "{child} zegt dat zwaaien bij het raam leuk is.",
        },
    ),
]
REACTIONS = [
    "Fijn dat jullie dit zo doen. Thuis gaat het ook beter.",
    "Kunnen we het over twee weken nog even bespreken?",
]
FEEDBACK_ANSWER = "Dank voor uw eerlijke antwoord. Zullen we deze week even samen praten? Ik spreek u bij het ophalen."
ANSWER = "Dank u wel! We spreken elkaar bij het ophalen, dan vertel ik hoe het op de groep gaat."


def seed_agreements(families, today: datetime.date, rng: random.Random) -> None:
    for index, family in enumerate(families):
        if index % 3 == 2:
            continue
        child = family.children.first()
        mentor = child.mentor
        # Only caregivers with parental authority (gezag) agree; every one of them has to.
        holders = [c for c in family.caregivers.all() if c.has_parental_authority]
        caregiver = holders[0]
        title, texts = AGREEMENTS[index % len(AGREEMENTS)]
        # Spread the stages: agreed with an evaluation ahead, agreed but overdue, waiting for the parents, draft.
        stage = index % 5
        content = {name: text.format(child=child.first_name) for name, text in texts.items()}
        content["evaluation_on"] = today + datetime.timedelta(days=rng.randint(10, 60))
        agreement = services.agreement_create(family=family, by=mentor, title=title, child=child, content=content)
        if stage == 4:
            continue  # a draft
        services.agreement_propose(agreement=agreement, by=mentor, expected_version=agreement.lock_version)
        proposed_days_ago = rng.randint(3, 40)
        _age(agreement, proposed_days_ago)
        if stage == 3:
            continue  # still waiting for the parents
        for holder in holders:
            if holder.user_id:
                services.agreement_confirm(agreement=agreement, version=agreement.current, by=holder.user)
        without_portal = [holder for holder in holders if not holder.user_id]
        if without_portal:
            contact = _conversation(family, mentor, today - datetime.timedelta(days=proposed_days_ago))
            services.agreement_record_agreed(agreement=agreement, by=mentor, caregivers=without_portal, contact=contact)
        if stage == 1 and index % 3 == 1:
            # The evaluation date passed without an evaluation: something the dashboard should flag.
            Agreement.objects.filter(pk=agreement.pk).update(evaluation_on=today - datetime.timedelta(days=12))
        if index % 4 == 0 and caregiver.user_id:
            thread = thread_services.thread_start(
                caregiver=caregiver,
                by=caregiver.user,
                topic=Topic.AGREEMENT,
                agreement=agreement,
                text=rng.choice(REACTIONS),
            )
            if index % 8 == 0:
                thread_services.thread_reply(thread=thread, by=mentor, text=ANSWER)
        if stage == 2 and index % 2 == 0:
            services.agreement_evaluate(
                agreement=agreement,
                by=mentor,
                contact_data=ContactData(
                    kind=Kind.EVALUATION,
                    occurred_at=timezone.now() - datetime.timedelta(days=2),
                    tone=Tone.POSITIVE,
                    caregivers=[caregiver],
                    summary="Samen teruggekeken: het gaat goed, we gaan zo door.",
                    interpreter_used=family.interpreter_needed,
                ),
                outcome="continue",
                next_evaluation_on=today + datetime.timedelta(days=90),
            )
    _feedback(families, rng)


def _age(agreement, days_ago: int) -> None:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Agreement.objects.filter(pk=agreement.pk).update(proposed_at=moment)
    AgreementVersion.objects.filter(pk=agreement.current_id).update(proposed_at=moment, created_at=moment)
    agreement.refresh_from_db()


def _conversation(family, mentor, day):
    from contacts.services import contact_log

    return contact_log(
        family=family,
        by=mentor,
        data=ContactData(
            kind=Kind.PARENT_CONVERSATION,
            occurred_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(13, 30))),
            tone=Tone.POSITIVE,
            caregivers=list(family.caregivers.all()[:1]),
            summary="Afspraak samen doorgenomen; ouders gaan akkoord.",
            interpreter_used=family.interpreter_needed,
        ),
    )


def _feedback(families, rng: random.Random) -> None:
    answers = []  # (feedback, days ago)
    for index, family in enumerate(families):
        if index % 2 and family.name not in WORRIED:
            continue
        caregiver = family.caregivers.first()
        low = family.name in WORRIED  # the worried families feel less heard, and say so more than once
        if low:
            answers.append((_answer(family, caregiver, rng, low=True, remark=""), rng.randint(70, 100)))
        single = family.name in SINGLE_LOW_FEEDBACK
        feedback = _answer(
            family, caregiver, rng, low=low, remark="Ik mis soms wat er op de groep gebeurt." if low or single else ""
        )
        if single:
            feedback.competentie = 2
        answers.append((feedback, rng.randint(5, 60)))
    PartnershipFeedback.objects.bulk_create([feedback for feedback, _days in answers])
    for feedback, days in answers:
        feedback.created_at = timezone.now() - datetime.timedelta(days=days)
        PartnershipFeedback.objects.filter(pk=feedback.pk).update(created_at=feedback.created_at)
        thread = thread_services.feedback_thread(feedback=feedback)  # a remark is a message someone answers
        if thread and days > 4:
            # Staff answered the older remarks; a recent one still waits.
            mentor = feedback.family.children.first().mentor
            thread_services.thread_reply(thread=thread, by=mentor, text=FEEDBACK_ANSWER)


def _answer(family, caregiver, rng: random.Random, *, low: bool, remark: str) -> PartnershipFeedback:
    return PartnershipFeedback(
        family=family,
        caregiver=caregiver,
        relatie=rng.randint(1, 2) if low else rng.randint(4, 5),
        competentie=rng.randint(2, 4) if low else rng.randint(3, 5),
        autonomie=rng.randint(2, 3) if low else rng.randint(4, 5),
        remark=remark,
    )
