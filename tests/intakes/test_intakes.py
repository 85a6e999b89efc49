import pytest
from django.urls import reverse
from django.utils import timezone

from intakes.models import Intake
from intakes.selectors import questions_to_ask
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_seeded_questions_cover_the_sources(db):
    questions = questions_to_ask(f.FamilyFactory())
    texts = " ".join(questions.values_list("text", flat=True))
    for words in ["opvoeding", "verwacht u van ons", "thuis", "goed in"]:
        assert words in texts
    assert questions.filter(audience="professional").exists()


def _intake_data(world, answers=None):
    answers = answers or {}
    data = {
        "held_on": timezone.localdate().isoformat(),
        "caregivers": [world.caregiver.pk],
        "children": [world.child.pk],
        "told_always_welcome": "on",
        "tone": "positive",
    }
    for question in questions_to_ask(world.family):
        data[f"question_{question.pk}"] = answers.get(question.pk, "")
    return data


def test_staff_records_an_intake_and_the_family_page_shows_the_answers(world, client_for):
    client = client_for("staff")
    question = questions_to_ask(world.family).first()
    response = client.post(
        reverse("intakes:create", args=[world.family.pk]), _intake_data(world, {question.pk: "Veel buitenspelen"})
    )
    intake = Intake.objects.latest("pk")
    assert response["Location"] == intake.get_absolute_url()
    assert intake.conducted_by == world.users["staff"]
    page = client.get(world.family.get_absolute_url()).content.decode()
    assert "Veel buitenspelen" in page
    # The intake is also a contact moment on the family's timeline.
    assert intake.contact.kind == "intake"
    assert intake.contact.tone == "positive"


def test_an_intake_without_any_answer_is_refused(world, client_for):
    response = client_for("staff").post(reverse("intakes:create", args=[world.family.pk]), _intake_data(world))
    assert "Schrijf minstens één antwoord op" in response.content.decode()


def test_an_intake_with_a_caregiver_of_another_family_is_refused(world, client_for):
    data = _intake_data(world, {questions_to_ask(world.family).first().pk: "x"})
    data["caregivers"] = [world.other_family.caregivers.first().pk]
    before = Intake.objects.count()
    response = client_for("staff").post(reverse("intakes:create", args=[world.family.pk]), data)
    assert response.status_code == 200
    assert Intake.objects.count() == before


def test_rewording_a_question_keeps_the_old_intake_as_asked(world, client_for):
    question = world.question
    old_text = question.text
    client_for("coordinator").post(
        reverse("intakes:question_edit", args=[question.pk]),
        {"text": "Een nieuwe formulering", "hint": "", "audience": "parent", "source": "eigen"},
    )
    question.refresh_from_db()
    assert question.text == "Een nieuwe formulering"
    page = client_for("staff").get(world.intake.get_absolute_url()).content.decode()
    assert old_text in page
    assert "Een nieuwe formulering" not in page


def test_a_retired_question_is_not_asked_again_but_stays_on_old_intakes(world, client_for):
    client = client_for("coordinator")
    client.post(reverse("intakes:question_retire", args=[world.question.pk]))
    world.question.refresh_from_db()
    assert world.question.retired_on is not None
    form_page = client_for("staff").get(reverse("intakes:create", args=[world.family.pk])).content.decode()
    assert f'name="question_{world.question.pk}"' not in form_page
    assert world.question.text in client_for("staff").get(world.intake.get_absolute_url()).content.decode()


def test_coordinator_adds_and_reorders_questions(world, client_for):
    client = client_for("coordinator")
    client.post(
        reverse("intakes:question_add"),
        {"text": "Hoe slaapt uw kind?", "hint": "", "audience": "parent", "source": "eigen"},
    )
    new = questions_to_ask(world.family).get(text="Hoe slaapt uw kind?")
    assert list(questions_to_ask(world.family))[-1] == new
    client.post(reverse("intakes:question_move", args=[new.pk, "up"]))
    assert list(questions_to_ask(world.family))[-2] == new
    assert client.post(reverse("intakes:question_move", args=[new.pk, "sideways"])).status_code == 404


def test_staff_cannot_change_the_question_set(world, client_for):
    response = client_for("staff").post(reverse("intakes:question_retire", args=[world.question.pk]))
    assert response.status_code == 403


def test_intake_of_another_family_is_404(world, client_for):
    assert client_for("other_staff").get(world.intake.get_absolute_url()).status_code == 404
    url = reverse("intakes:detail", args=[world.other_family.pk, world.intake.pk])
    assert client_for("coordinator").get(url).status_code == 404


def test_a_coordinators_hint_is_shown_as_text_never_run_as_markup(world, client_for):
    """Issue 11, fault 1: a hint was rendered unescaped as the field's help text (stored XSS)."""
    question = questions_to_ask(world.family).first()
    question.hint = '<img src=x onerror="alert(1)">Vraag door'
    question.save()
    content = client_for("staff").get(reverse("intakes:create", args=[world.family.pk])).content.decode()
    assert '<img src=x onerror="alert(1)">' not in content
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Vraag door" in content
