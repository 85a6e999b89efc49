"""Each organisation keeps its own intake questions: a new organisation starts from the reference set, and a
coordinator sees and changes only her organisation's questions; an intake asks the family's organisation's."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from intakes import reference, services
from intakes.models import Intake, IntakeAnswer, IntakeQuestion
from tests import factories as f

pytestmark = pytest.mark.django_db


def _questions(organisation):
    return IntakeQuestion.objects.for_organisation(organisation)


def _snapshot(organisation):
    return list(_questions(organisation).values_list("pk", "text", "hint", "position", "retired_on"))


def test_a_new_organisation_gets_the_full_reference_question_set(db):
    organisation = f.OrganisationFactory()
    fields = ["audience", "text", "hint", "source", "position"]
    assert list(_questions(organisation).values(*fields)) == reference.entries()
    assert not _questions(organisation).filter(retired_on__isnull=False).exists()


def test_two_organisations_have_their_own_copies_of_the_same_questions(world, elsewhere):
    ours, theirs = _questions(world.organisation), _questions(elsewhere.organisation)
    assert list(ours.values_list("text", flat=True)) == list(theirs.values_list("text", flat=True))
    assert not set(ours.values_list("pk", flat=True)) & set(theirs.values_list("pk", flat=True))


def test_a_coordinator_rewords_a_question_and_another_organisations_question_is_unchanged(world, elsewhere, client_for):
    ours = world.question
    theirs = _questions(elsewhere.organisation).get(text=ours.text)
    before = _snapshot(elsewhere.organisation)
    response = client_for("coordinator").post(
        reverse("intakes:question_edit", args=[ours.pk]),
        {"text": "Alleen bij ons anders gezegd", "hint": "", "audience": "parent", "source": "eigen"},
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.text == "Alleen bij ons anders gezegd"
    assert theirs.text != ours.text and _snapshot(elsewhere.organisation) == before


@pytest.mark.parametrize("role", ["coordinator", "admin"])
@pytest.mark.parametrize(
    "method, name, extra",
    [
        ("get", "intakes:question_edit", {}),
        ("post", "intakes:question_edit", {}),
        ("get", "intakes:question_move", {"direction": "up"}),
        ("post", "intakes:question_move", {"direction": "up"}),
        ("post", "intakes:question_move", {"direction": "down"}),
        ("get", "intakes:question_retire", {}),
        ("post", "intakes:question_retire", {}),
    ],
)
def test_a_coordinator_gets_404_for_another_organisations_question_and_nothing_changes(
    world, elsewhere, client_for, role, method, name, extra
):
    theirs = list(_questions(elsewhere.organisation).active())[1]
    before = _snapshot(elsewhere.organisation)
    body = {"text": "Ingeslopen", "hint": "", "audience": "parent", "source": "eigen"} if method == "post" else {}
    url = reverse(name, kwargs={"question_pk": theirs.pk, **extra})
    response = getattr(client_for(role), method)(url, body)
    # A POST-only URL answers a GET with 405 before it looks anything up; either way nothing is found.
    assert response.status_code == (405 if method == "get" and name == "intakes:question_move" else 404)
    assert _snapshot(elsewhere.organisation) == before


def test_the_question_list_shows_only_her_organisations_questions(world, elsewhere, client_for):
    theirs = _questions(elsewhere.organisation).first()
    theirs.text = "Een vraag van Elders"
    theirs.save()
    content = client_for("coordinator").get(reverse("intakes:questions")).content.decode()
    assert "Een vraag van Elders" not in content
    assert reverse("intakes:question_edit", args=[theirs.pk]) not in content
    for question in _questions(world.organisation):
        assert escape(question.text) in content and reverse("intakes:question_edit", args=[question.pk]) in content
    assert content.count('<td class="text-end">') == _questions(world.organisation).count()  # one row each


def test_a_new_question_goes_into_her_organisations_set_only(world, elsewhere, client_for):
    client_for("coordinator").post(
        reverse("intakes:question_add"),
        {"text": "Hoe slaapt uw kind?", "hint": "", "audience": "parent", "source": "eigen"},
    )
    new = IntakeQuestion.objects.get(text="Hoe slaapt uw kind?")
    assert new.organisation == world.organisation
    assert new.position > max(q.position for q in _questions(world.organisation).exclude(pk=new.pk))
    assert _questions(elsewhere.organisation).count() == len(reference.QUESTIONS)


def test_a_retired_question_of_one_organisation_is_still_asked_by_another(world, elsewhere, client_for):
    client_for("coordinator").post(reverse("intakes:question_retire", args=[world.question.pk]))
    world.question.refresh_from_db()
    assert world.question.retired_on == timezone.localdate()
    assert not _questions(elsewhere.organisation).filter(retired_on__isnull=False).exists()


def test_the_intake_form_shows_only_the_familys_organisations_questions(world, elsewhere, client_for):
    theirs = _questions(elsewhere.organisation).first()
    theirs.text = "Een vraag van Elders"
    theirs.save()
    content = client_for("staff").get(reverse("intakes:create", args=[world.family.pk])).content.decode()
    for question in _questions(world.organisation):
        assert f'name="question_{question.pk}"' in content
    for question in _questions(elsewhere.organisation):
        assert f'name="question_{question.pk}"' not in content
    assert "Een vraag van Elders" not in content


def test_an_answer_to_another_organisations_question_is_not_stored(world, elsewhere, client_for):
    ours = _questions(world.organisation).first()
    theirs = _questions(elsewhere.organisation).first()
    data = {
        "held_on": timezone.localdate().isoformat(),
        "caregivers": [world.caregiver.pk],
        "tone": "positive",
        f"question_{ours.pk}": "Rust en regelmaat",
        f"question_{theirs.pk}": "Ingeslopen antwoord",
    }
    response = client_for("staff").post(reverse("intakes:create", args=[world.family.pk]), data)
    assert response.status_code == 302
    assert not IntakeAnswer.objects.filter(question=theirs).exists()
    assert not IntakeAnswer.objects.filter(answer="Ingeslopen antwoord").exists()


def test_the_intake_service_refuses_a_question_of_another_organisation(world, elsewhere):
    theirs = _questions(elsewhere.organisation).first()
    before = Intake.objects.count()
    with pytest.raises(ValidationError):
        services.intake_record(
            family=world.family,
            by=world.users["staff"],
            held_on=timezone.localdate(),
            caregivers=[world.caregiver],
            children=[],
            interpreter_used=False,
            told_always_welcome=True,
            answers={theirs: "Ingeslopen antwoord"},
        )
    assert Intake.objects.count() == before


def test_moving_a_question_reorders_her_set_only(world, elsewhere, client_for):
    first, second = list(_questions(world.organisation).active())[:2]
    before = _snapshot(elsewhere.organisation)
    client_for("coordinator").post(reverse("intakes:question_move", args=[second.pk, "up"]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.position < first.position
    assert _snapshot(elsewhere.organisation) == before


def test_moving_the_first_question_up_changes_nothing(world, client_for):
    before = _snapshot(world.organisation)
    first = _questions(world.organisation).active().first()
    response = client_for("coordinator").post(reverse("intakes:question_move", args=[first.pk, "up"]))
    assert response.status_code == 302 and _snapshot(world.organisation) == before
