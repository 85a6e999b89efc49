"""The change history of a family file, read from the event tables that django-pghistory's database
triggers fill (the app itself never writes or rewrites them)."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from pghistory.models import Events

from accounts.models import User

LABELS = {"insert": _("added"), "update": _("changed"), "delete": _("removed")}
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "family_id", "organisation_id"}


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
            _field_label(tracked, name)
            for name in (changes if changes else event.pgh_data)
            if name not in HIDDEN_FIELDS
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


def _field_label(model, name):
    try:
        return model._meta.get_field(name.removesuffix("_id")).verbose_name
    except Exception:
        return name
