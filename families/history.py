"""The change history of a family file, read from the event tables that django-pghistory's database
triggers fill (the app itself never writes or rewrites them)."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from pghistory.models import Events

from accounts.models import User

LABELS = {"insert": _("added"), "update": _("changed"), "delete": _("removed")}
# Bookkeeping columns: they change with every save and mean nothing to the reader of a file's history.
HIDDEN_FIELDS = {
    "id",
    "version",
    "lock_version",
    "current",
    "current_id",
    "created_at",
    "updated_at",
    "family_id",
    "organisation_id",
}
# Names for the few tracked columns whose model gives no translated name (a model change for a label would be a
# migration of its own); a foreign key without one is named after the model it points to.
FIELD_LABELS = {
    "agreed_at": _("agreed on"),
    "proposed_at": _("proposed on"),
    "closed_on": _("closed on"),
    "created_by": _("created by"),
    "recorded_by": _("recorded by"),
    "done_by": _("done by"),
    "by": _("by"),
    "number": _("version number"),
    "level": _("level"),
    "question_text": _("question"),
    "prompt": _("prompt"),
    "theme": _("theme"),
}


def family_history(family, limit: int = 200) -> list[dict]:
    # references() takes objects of one model at a time: the family (caregivers, children, network, consents,
    # intakes point to it) and its children (placements point to them).
    events = _newest(Events.objects.references(family), limit)
    children = list(family.children.all())
    if children:
        events = sorted(
            events + _newest(Events.objects.references(children), limit),
            key=lambda event: event.pgh_created_at,
            reverse=True,
        )[:limit]
    user_ids = {(event.pgh_context or {}).get("user") for event in events} - {None}
    users = User.objects.in_bulk(user_ids)
    rows = []
    for event in events:
        tracked = apps.get_model(event.pgh_obj_model)
        changes = event.pgh_diff or {}
        fields = [
            field_label(tracked, name) for name in (changes if changes else event.pgh_data) if name not in HIDDEN_FIELDS
        ]
        context = event.pgh_context or {}
        rows.append(
            {
                "when": event.pgh_created_at,
                "who": users.get(context.get("user")),
                "what": tracked._meta.verbose_name,
                "action": LABELS.get(event.pgh_label, event.pgh_label),
                "fields": fields if changes else [],
            }
        )
    return rows


def _newest(events, limit):
    return list(events.order_by("-pgh_created_at", "-pgh_id")[:limit])


def field_label(model, name):
    """The field's name for the reader, translated: never a column name such as "lock version"."""
    name = name.removesuffix("_id")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return FIELD_LABELS.get(name, name.replace("_", " "))
    if isinstance(field.verbose_name, Promise):
        return field.verbose_name
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    if field.is_relation and field.related_model is not None:
        return field.related_model._meta.verbose_name
    return field.verbose_name
