"""Optimistic locking, written once: two people editing the same record never lose an update silently. A
record carries a version number; a save names the version the user started from, and applies only while the
record is still at that version. The second save is refused (StaleEdit) and answered with a 409 that shows
the current version beside what the user typed."""

from django.contrib import messages
from django.db import models
from django.db.models import F
from django.forms import CheckboxInput, Form
from django.forms.widgets import ChoiceWidget
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


class StaleEdit(Exception):
    """Someone else saved the record after the user opened it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def save_if_current(instance: models.Model, *, expected: int | None, **fields) -> None:
    """Write `fields` to the row of `instance` while its version is still `expected` (None: whatever it is
    now, for writes that follow a rule rather than a form the user filled in), move the version on and
    `updated_at` to now, and refresh `instance`. Raises StaleEdit when someone else saved in between.

    The model names its version field in `lock_field` (default "version") and the message of a refused
    edit in `stale_message`."""
    model = type(instance)
    lock_field = getattr(model, "lock_field", "version")
    rows = model._default_manager.filter(pk=instance.pk)
    if expected is not None:
        rows = rows.filter(**{lock_field: expected})
    fields[lock_field] = F(lock_field) + 1
    # QuerySet.update() skips auto_now, so the time of the change is set here for every locked model.
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        fields["updated_at"] = timezone.now()
    if not rows.update(**fields):
        raise StaleEdit(model.stale_message)
    instance.refresh_from_db()


def lock_if_current(instance: models.Model, *, expected: int) -> None:
    """Hold the row of `instance` for the rest of the transaction if it is still at version `expected`, else
    StaleEdit; for a write that creates related rows (a new agreement version) before the version moves on,
    so that of two simultaneous saves the second waits here and is refused, instead of failing later."""
    model = type(instance)
    lock_field = getattr(model, "lock_field", "version")
    rows = model._default_manager.select_for_update().filter(pk=instance.pk, **{lock_field: expected})
    if not rows.exists():
        raise StaleEdit(model.stale_message)


def typed_text(refused: Form, current: Form) -> list[tuple[str, str]]:
    """The text a user typed into a refused form where it differs from the current version, field by field,
    so that nothing they wrote is lost."""
    typed = []
    for bound in refused:
        value = refused.data.get(refused.add_prefix(bound.name), "")
        if bound.is_hidden or isinstance(bound.field.widget, (ChoiceWidget, CheckboxInput)):
            continue  # choices are quickly made again; only written text is worth keeping
        now = current[bound.name].value() if bound.name in current.fields else None
        if isinstance(value, str) and value.strip() and value.strip() != str(now or "").strip():
            typed.append((str(bound.label), value))
    return typed


def stale_edit_response(
    request: HttpRequest, template: str, context: dict, *, stale: StaleEdit, refused: Form, current: Form
) -> HttpResponse:
    """The answer to a refused stale edit: 409, the message, a form with the current version to start again
    from, and what the user typed beside it."""
    messages.error(request, stale.message)
    return render(request, template, context | {"form": current, "typed": typed_text(refused, current)}, status=409)
