"""Wording and small layout faults found on a phone and a laptop (issue 13): dates, the history's field names,
reminders, the printable agreement and retiring a catalogue entry."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from agreements import services as agreement_services
from health.reminders import reminders_for
from successfactors.models import ChecklistItem

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def _render_date(day, language):
    with translation.override(language):
        return Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": day}))


def test_short_dates_are_lower_case_in_dutch_and_capitalised_in_english():
    assert _render_date(datetime.date(2026, 12, 1), "nl") == "1 dec 2026"
    assert _render_date(datetime.date(2026, 5, 28), "nl") == "28 mei 2026"
    assert _render_date(datetime.date(2026, 12, 1), "en") == "1 Dec 2026"


def test_templates_name_their_date_formats_instead_of_capitalising_dutch_months():
    # Django's "M" writes "Dec" and "Mei"; templates use the named formats of partnership/formats/.
    offenders = [
        f"{path.relative_to(TEMPLATES)}: {match}"
        for path in TEMPLATES.rglob("*.html")
        for match in re.findall(r'date:"([^"]*)"', path.read_text())
        if not re.fullmatch(r"[A-Z_]+_FORMAT", match) and "M" in match
    ]
    assert not offenders


def test_the_history_page_names_fields_in_words_not_columns(world, client_for):
    agreement = world.agreement
    # Eva's akkoord changes the agreement's status, agreed-on date and lock version in one history event.
    agreement_services.agreement_confirm(agreement=agreement, version=agreement.current, by=world.users["parent"])
    page = client_for("coordinator").get(reverse("families:history", args=[world.family.pk])).content.decode()
    for column in ("lock version", "lock_version", "agreed at", "updated at", "proposed at"):
        assert column not in page
    assert "afgesproken op" in page


def test_every_tracked_field_on_the_history_page_has_a_translated_name():
    from django.apps import apps
    from django.utils.functional import Promise
    from pghistory.models import Event

    from families.history import HIDDEN_FIELDS, field_label

    untranslated = []
    for model in apps.get_models():
        tracked = getattr(model, "pgh_tracked_model", None)
        if not issubclass(model, Event) or tracked is None:
            continue
        for field in tracked._meta.concrete_fields:
            if field.attname in HIDDEN_FIELDS or field.name in HIDDEN_FIELDS:
                continue
            if not isinstance(field_label(tracked, field.attname), Promise):
                untranslated.append(f"{tracked.__name__}.{field.name}")
    assert not untranslated


def test_a_quiet_family_reminder_reads_as_the_parents_of_the_child(world):
    world.contact.__class__.objects.filter(family=world.family).update(
        occurred_at=timezone.now() - datetime.timedelta(days=365)
    )
    with translation.override("nl"):
        texts = [reminder.text for reminder in reminders_for(world.users["staff"], today=timezone.localdate())]
    assert "Al een tijd geen contact met de ouders van Noor (Familie Eén)" in texts


def test_the_printable_agreement_names_the_organisation_and_has_a_print_button(world, client_for):
    url = reverse("agreements:print", args=[world.family.pk, world.agreement.pk])
    page = client_for("staff").get(url).content.decode()
    assert "Kinderopvang Test" in page
    assert re.search(r"<button[^>]*data-print[^>]*>Afdrukken</button>", page)
    assert "js/print.js" in page


def test_retiring_a_checklist_item_asks_first_and_only_a_post_retires(world, client_for):
    item = world.item
    client = client_for("coordinator")
    url = reverse("successfactors:item_retire", args=[item.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Niet meer gebruiken?" in page.content.decode()
    assert ChecklistItem.objects.get(pk=item.pk).retired_on is None
    client.post(url)
    assert ChecklistItem.objects.get(pk=item.pk).retired_on == timezone.localdate()
    # Using it again needs no confirmation: the list's button posts straight away.
    listing = client.get(reverse("successfactors:items")).content.decode()
    assert f'action="{url}"' in listing
