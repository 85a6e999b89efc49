"""The feedback form for a phone and for low literacy (issue 15): one question per card, each asking one thing, a
five-point scale with a face and a word on every point (positive at the high end), the meaning of the scale above
the questions, an optional remark; without JavaScript. Each dimension keeps its score for the health signal and
the reports: the lowest answer of its questions."""

import re

import pytest
from django.urls import reverse

from families.models import Family
from health.computation import families_with_health
from health.models import Signal
from portal.models import QUESTIONS, PartnershipFeedback
from tests import factories as f


def _page(client_for) -> str:
    return client_for("parent").get(reverse("portal:feedback")).content.decode()


def _post(client_for, **scores):
    body = {name: str(score) for name, score in f.feedback_answers(**scores).items()}
    return client_for("parent").post(reverse("portal:feedback"), body)


def test_each_question_is_a_card_of_its_own_that_asks_one_thing(world, client_for):
    page = _page(client_for)
    cards = re.findall(r'<fieldset class="card mb-3 feedback-question.*?</fieldset>', page, re.S)
    assert len(cards) == len(QUESTIONS) == 5
    questions = [re.search(r"<legend[^>]*>(.*?)</legend>", card).group(1) for card in cards]
    assert questions == [
        "Het team luistert naar mij.",
        "Ik weet hoe het hier met mijn kind gaat.",
        "Ik weet hoe ik mijn kind kan helpen.",
        "Ik kan mijn kind opvoeden op mijn eigen manier.",
        "Over mijn kind beslissen we samen.",
    ]
    # One thing each: no question joins two with "en" or "and" any more.
    assert not any(" en " in question for question in questions)


def test_every_point_of_the_scale_has_a_face_and_a_word_and_yes_is_the_high_end(world, client_for):
    page = _page(client_for)
    card = re.search(r'<fieldset class="card mb-3 feedback-question.*?</fieldset>', page, re.S).group(0)
    points = re.findall(
        r'<input type="radio" name="relatie" value="(\d)".*?<label class="scale-option" for="[^"]+">'
        r'(<svg class="face face-\d".*?</svg>)\s*<span class="scale-number">\d</span>'
        r'<span class="scale-word">(.*?)</span>',
        card,
        re.S,
    )
    assert [(value, word) for value, _face, word in points] == [
        ("1", "Nee"),
        ("2", "Niet echt"),
        ("3", "Een beetje"),
        ("4", "Meestal"),
        ("5", "Ja"),
    ]
    assert all(f"face-{value}" in face for value, face, _word in points)


def test_the_meaning_of_the_scale_comes_before_the_questions(world, client_for):
    page = _page(client_for)
    meaning = page.index("Het verdrietige gezicht betekent: nee. Het blije gezicht betekent: ja.")
    assert meaning < page.index("feedback-question")
    assert page.count('aria-describedby="scale-meaning') == len(QUESTIONS)
    assert "Wilt u ons nog iets vertellen?" in page  # the optional remark, last
    assert "<script" not in page.split('<main id="main"')[1].split("</main>")[0]  # nothing of it needs a script


def test_each_answer_is_stored_and_a_dimension_gets_the_lowest_of_its_questions(world, client_for):
    response = _post(
        client_for, relatie=4, competentie_child=5, competentie_help=2, autonomie_own_way=3, autonomie_together=4
    )
    assert response.status_code == 302
    feedback = PartnershipFeedback.objects.get()
    assert (feedback.competentie_child, feedback.competentie_help) == (5, 2)
    assert (feedback.autonomie_own_way, feedback.autonomie_together) == (3, 4)
    assert (feedback.relatie, feedback.competentie, feedback.autonomie) == (4, 2, 3)


def test_one_low_answer_to_half_of_a_dimension_reaches_the_health_signal(world, client_for):
    _post(client_for, competentie_child=5, competentie_help=1)
    family = families_with_health(Family.objects.filter(pk=world.family.pk))[0]
    assert getattr(family, f"level_{Signal.FEEDBACK}") == 1


@pytest.mark.parametrize("missing", [name for name, _dimension in QUESTIONS])
def test_a_question_without_an_answer_is_asked_again_on_its_card(world, client_for, missing):
    body = {name: "4" for name, _dimension in QUESTIONS if name != missing}
    page = client_for("parent").post(reverse("portal:feedback"), body).content.decode()
    assert not PartnershipFeedback.objects.exists()
    assert f'id="{missing}-error">Kies een gezicht bij deze zin.</p>' in page
    assert "Bij sommige zinnen staat nog geen antwoord." in page
    # What was chosen stays chosen.
    other = next(name for name, _dimension in QUESTIONS if name != missing)
    assert re.search(rf'name="{other}" value="4"[^>]*checked', page)


def test_the_portal_home_speaks_of_five_short_sentences(world, client_for):
    assert "Vijf korte zinnen, één keer per maand." in client_for("parent").get(reverse("portal:home")).content.decode()
