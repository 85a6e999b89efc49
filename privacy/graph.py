"""The shape of a family's file, read from the model graph rather than listed by hand, so that a model added
later (and pointing at the family, a child, a contact, ...) is exported and erased without changes here.

- Live rows: everything that Django would delete with the family (foreign keys with CASCADE, followed to the
  end), plus the same for the parents' portal accounts.
- History: django-pghistory's event tables. Their rows copy the foreign keys of the tracked row, so the
  history of a row that no longer exists (a removed network member) is still found through the family."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from pghistory.models import Event

from accounts.models import Role, User
from families.models import Caregiver, Family


def is_append_only(model) -> bool:
    """History, the access log and the erasure records: only the erasure function removes their rows."""
    triggers = getattr(model._meta, "triggers", [])
    return issubclass(model, Event) or any(trigger.name == "append_only" for trigger in triggers)


def _foreign_keys(model):
    return [f for f in model._meta.concrete_fields if (f.many_to_one or f.one_to_one) and f.related_model]


def _live_models():
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or is_append_only(model):
            continue
        yield model


@dataclass
class LiveRows:
    """The rows to delete (model -> primary keys) and the references to them from rows that stay."""

    rows: dict = field(default_factory=lambda: defaultdict(set))
    set_null: list = field(default_factory=list)  # (model, field, pks of the rows that stay)
    protected: list = field(default_factory=list)  # "app.Model.field" of rows that stay and may not lose it


def live_rows(*, family: Family, users: list[User]) -> LiveRows:
    """The family and its portal accounts with every row that depends on them, as Django's deletion would
    find them, but without loading the objects and without Django's refusal of PROTECT between rows that are
    all going (an evaluation protects its contact; both go)."""
    incoming = defaultdict(list)
    for model in _live_models():
        for fk in _foreign_keys(model):
            incoming[fk.related_model._meta.concrete_model].append((model, fk))
    found = LiveRows()
    found.rows[Family] = {family.pk}
    found.rows[User] = {user.pk for user in users}
    todo = [(Family, {family.pk}), (User, set(found.rows[User]))]
    while todo:
        target, pks = todo.pop()
        for model, fk in incoming[target]:
            if fk.remote_field.on_delete is not models.CASCADE:
                continue
            new = set(model._base_manager.filter(**{f"{fk.attname}__in": pks}).values_list("pk", flat=True))
            new -= found.rows[model]
            if new:
                found.rows[model] |= new
                todo.append((model._meta.concrete_model, new))
    for target, pks in list(found.rows.items()):
        for model, fk in incoming[target]:
            if fk.remote_field.on_delete is models.CASCADE or not pks:
                continue
            staying = model._base_manager.filter(**{f"{fk.attname}__in": pks}).exclude(pk__in=found.rows[model])
            staying_pks = list(staying.values_list("pk", flat=True))
            if not staying_pks:
                continue
            if fk.remote_field.on_delete is models.SET_NULL:
                found.set_null.append((model, fk, staying_pks))
            elif fk.remote_field.on_delete in (models.PROTECT, models.RESTRICT):
                found.protected.append(f"{model._meta.label}.{fk.name}")
    return found


@dataclass
class Tracked:
    """A tracked model of the family file, its event models, and per event model the columns that lead to the
    rows it hangs from (tracked models earlier in the plan)."""

    model: type
    events: list
    links: dict  # event model -> [(attname, column, tracked model it points to)]


def history_plan() -> list[Tracked]:
    """The tracked models of the family file, each after the ones it hangs from (the family first). Only
    foreign keys with CASCADE count: a row dies with its family, so its history belongs to the family's."""
    events = defaultdict(list)
    for model in apps.get_models():
        if issubclass(model, Event) and getattr(model, "pgh_tracked_model", None) is not None:
            events[model.pgh_tracked_model._meta.concrete_model].append(model)
    plan = {Family: Tracked(Family, events[Family], {event: [] for event in events[Family]})}
    candidates = sorted((m for m in events if m is not Family), key=lambda m: m._meta.label)
    added = True
    while added:
        added = False
        for model in candidates:
            if model in plan:
                continue
            parents = [
                fk
                for fk in _foreign_keys(model)
                if fk.remote_field.on_delete is models.CASCADE and fk.related_model in plan
            ]
            if not parents:
                continue
            links = {}
            for event in events[model]:
                fields = {f.name: f for f in event._meta.concrete_fields}
                links[event] = [
                    (fields[fk.name].attname, fields[fk.name].column, fk.related_model)
                    for fk in parents
                    if fk.name in fields
                ]
            plan[model] = Tracked(model, events[model], links)
            added = True
    return list(plan.values())


def caregiver_user_field(event):
    """The field of a caregiver's event that names the caregiver's portal account (None if not tracked)."""
    fields = {f.name: f for f in event._meta.concrete_fields}
    return fields.get(Caregiver._meta.get_field("user").name)


def history_object_ids(family: Family) -> dict:
    """Tracked model -> primary keys of every row the family's history mentions, gone or not."""
    found = {Family: {family.pk}}
    for tracked in history_plan()[1:]:
        pks = set()
        for event, links in tracked.links.items():
            condition = models.Q()
            for attname, _column, target in links:
                if found.get(target):
                    condition |= models.Q(**{f"{attname}__in": found[target]})
            if condition:
                pks |= set(event.objects.filter(condition).values_list("pgh_obj_id", flat=True))
        found[tracked.model] = pks
    return found


def parent_accounts(family: Family) -> list[User]:
    """The portal accounts of the family's caregivers, now or before (a caregiver's history keeps the link).
    Only parent accounts: a staff member's account is never part of a family's file."""
    user_ids = set(Caregiver.objects.filter(family=family, user__isnull=False).values_list("user_id", flat=True))
    caregivers = history_object_ids(family).get(Caregiver, set())
    for tracked in history_plan():
        if tracked.model is not Caregiver or not caregivers:
            continue
        for event in tracked.events:
            if user_field := caregiver_user_field(event):
                rows = event.objects.filter(pgh_obj_id__in=caregivers, **{f"{user_field.attname}__isnull": False})
                user_ids |= set(rows.values_list(user_field.attname, flat=True))
    return list(User.objects.filter(pk__in=user_ids, role=Role.PARENT))
