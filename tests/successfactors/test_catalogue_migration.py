"""The data migrations that gave every organisation its own catalogues (intakes 0004, successfactors 0004), run
on a database as it was before: one shared catalogue, reworded and retired entries, ticks and answers of the
families of three organisations."""

import datetime
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from contacts.models import ChecklistTick
from intakes.models import IntakeAnswer, IntakeQuestion
from organisations.models import Organisation
from successfactors.models import ChecklistItem
from tests.migrations import migrate_to, state_before

BEFORE = {"intakes": "0002_seed_intake_questions", "successfactors": "0002_seed_checklist"}


def _old_database(apps):
    """Three organisations sharing the catalogues as migration 0002 seeded them, each with one family that has
    an intake and a contact with ticks."""
    import_module("intakes.migrations.0002_seed_intake_questions").seed(apps, None)
    import_module("successfactors.migrations.0002_seed_checklist").seed(apps, None)
    Question = apps.get_model("intakes", "IntakeQuestion")
    Item = apps.get_model("successfactors", "ChecklistItem")
    reworded = Question.objects.order_by("position").first()
    reworded.text = "Eerder herschreven vraag"
    reworded.save()
    Item.objects.filter(pk=Item.objects.order_by("position").first().pk).update(retired_on=datetime.date(2026, 1, 5))
    for n in range(3):
        organisation = apps.get_model("organisations", "Organisation").objects.create(name=f"Organisatie {n}")
        user = apps.get_model("accounts", "User").objects.create(username=f"medewerker{n}", organisation=organisation)
        family = apps.get_model("families", "Family").objects.create(organisation=organisation, name=f"Gezin {n}")
        intake = apps.get_model("intakes", "Intake").objects.create(family=family, conducted_by=user)
        for question in Question.objects.order_by("position")[:2]:
            intake.answers.create(question=question, question_text=question.text, answer=f"Antwoord {n}")
        contact = apps.get_model("contacts", "ContactMoment").objects.create(
            family=family, author=user, kind="informal", tone="positive", occurred_at=timezone.now()
        )
        for item in Item.objects.order_by("position")[:3]:
            contact.ticks.create(item=item, theme=item.theme, prompt=item.prompt)


@pytest.mark.django_db(transaction=True)
def test_every_organisation_gets_its_own_copy_and_its_families_ticks_and_answers_move_to_it():
    graph = MigrationExecutor(connection).loader.graph
    leaves = graph.leaf_nodes()
    before = state_before(graph, BEFORE)
    try:
        migrate_to(before)
        _old_database(MigrationExecutor(connection).loader.project_state([t for t in before if t[1]]).apps)
        # The tables have no organisation yet, so no ordering by it.
        shared_questions = set(IntakeQuestion.objects.order_by().values_list("pk", flat=True))
        shared_items = set(ChecklistItem.objects.order_by().values_list("pk", flat=True))
    finally:
        migrate_to(leaves)  # forwards through the data migrations, and back to the schema the other tests expect

    first, *others = Organisation.objects.order_by("pk")
    # The first organisation keeps the entries as they were, ids and all.
    assert set(IntakeQuestion.objects.filter(organisation=first).values_list("pk", flat=True)) == shared_questions
    assert set(ChecklistItem.objects.filter(organisation=first).values_list("pk", flat=True)) == shared_items
    for organisation in [first, *others]:
        questions = IntakeQuestion.objects.filter(organisation=organisation)
        items = ChecklistItem.objects.filter(organisation=organisation)
        # A copy of the catalogue as it was, rewordings and retirements included.
        assert questions.count() == len(shared_questions) and items.count() == len(shared_items)
        assert questions.first().text == "Eerder herschreven vraag"
        assert items.first().retired_on == datetime.date(2026, 1, 5)
        answers = IntakeAnswer.objects.filter(intake__family__organisation=organisation)
        ticks = ChecklistTick.objects.filter(contact__family__organisation=organisation)
        assert answers.count() == 2 and ticks.count() == 3
        assert not answers.exclude(question__organisation=organisation).exists()
        assert not ticks.exclude(item__organisation=organisation).exists()
        # What was answered and ticked keeps its wording, and points at the same entry of the copy.
        assert sorted(answers.values_list("question__position", flat=True)) == [10, 20]
        assert all(tick.prompt == tick.item.prompt or tick.item.retired_on for tick in ticks.select_related("item"))
    assert not IntakeQuestion.objects.filter(organisation__isnull=True).exists()
