"""The import itself: the plan of imports/planning.py written in one transaction, in bulk, families first. The
caller holds the transaction (services.run_process): a failure anywhere leaves nothing imported."""

import datetime
from collections import defaultdict

from django.db.models import F
from django.utils import timezone

from families.models import Caregiver, Child, Family, Placement
from imports.models import ImportedRecord
from imports.planning import Op, Plan

Kind = ImportedRecord.Kind
BATCH = 1000


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _fields(kind: str, values: dict) -> dict:
    """The model's field values from an op's values (keys as the planning system's, dates as ISO text)."""
    if kind == Kind.FAMILY:
        return {"name": values["name"]}
    if kind == Kind.CHILD:
        fields = {
            "first_name": values["first_name"],
            "last_name": values["last_name"],
            "date_of_birth": _date(values["date_of_birth"]),
        }
        if "mentor" in values:
            fields["mentor_id"] = values["mentor"]
        return fields
    if kind == Kind.CAREGIVER:
        return dict(values)
    return {
        "group_id": values["group"],
        "start_date": _date(values["start_date"]),
        "end_date": _date(values["end_date"]),
    }


MODELS = {Kind.FAMILY: Family, Kind.CAREGIVER: Caregiver, Kind.CHILD: Child, Kind.PLACEMENT: Placement}
# The record's pointer to the object, per kind.
POINTER = {Kind.FAMILY: "family", Kind.CAREGIVER: "caregiver", Kind.CHILD: "child", Kind.PLACEMENT: "placement"}


def execute(plan: Plan, *, organisation, run, progress=None) -> None:
    """Families, then caregivers and children (they point at a family), then placements (they point at a child)."""
    pks = {kind: {} for kind in Kind.values}
    steps = [Kind.FAMILY, Kind.CAREGIVER, Kind.CHILD, Kind.PLACEMENT]
    for done, kind in enumerate(steps):
        ops = list(plan.ops[kind].values())
        for op in ops:
            if op.record is not None:
                pks[kind][op.key] = getattr(op.record, f"{POINTER[kind]}_id")
        _create(kind, [op for op in ops if op.action == "created"], pks, organisation=organisation, run=run)
        _update(kind, [op for op in ops if op.action == "updated"], pks, run=run)
        if progress:
            progress(0.55 + 0.45 * (done + 1) / len(steps))


def _parent(kind: str, op: Op, pks: dict) -> dict:
    if kind in (Kind.CAREGIVER, Kind.CHILD):
        return {"family_id": pks[Kind.FAMILY][op.parent_key]}
    if kind == Kind.PLACEMENT:
        return {"child_id": pks[Kind.CHILD][op.parent_key]}
    return {}


def _create(kind: str, ops: list[Op], pks: dict, *, organisation, run) -> None:
    if not ops:
        return
    model = MODELS[kind]
    extra = {"organisation": organisation} if kind == Kind.FAMILY else {}
    objects = [model(**extra, **_parent(kind, op, pks), **_fields(kind, op.values)) for op in ops]
    model.objects.bulk_create(objects, batch_size=BATCH)
    records = []
    for op, obj in zip(ops, objects, strict=True):
        pks[kind][op.key] = obj.pk
        records.append(
            ImportedRecord(
                organisation=organisation,
                kind=kind,
                external_id=op.key,
                values=op.values,
                run=run,
                **{POINTER[kind]: obj},
            )
        )
    ImportedRecord.objects.bulk_create(records, batch_size=BATCH)


def _update(kind: str, ops: list[Op], pks: dict, *, run) -> None:
    """Only the fields whose value changed in the planning system, grouped so that each group is one bulk
    update; a family's version and update time move as with any save (partnership/locking.py)."""
    if not ops:
        return
    model = MODELS[kind]
    by_fields = defaultdict(list)
    now = timezone.now()
    for op in ops:
        fields = _fields(kind, {name: op.values.get(name) for name in op.values})
        changed = _changed_fields(kind, op)
        op.record.values = op.values
        op.record.run = run
        op.record.updated_at = now
        if not changed:
            continue
        obj = model(pk=pks[kind][op.key], **{name: fields[name] for name in changed})
        if kind == Kind.FAMILY:
            obj.version = F("version") + 1
            obj.updated_at = now
            changed = [*changed, "version", "updated_at"]
        by_fields[tuple(changed)].append(obj)
    for fields, objects in by_fields.items():
        model.objects.bulk_update(objects, list(fields), batch_size=BATCH)
    ImportedRecord.objects.bulk_update([op.record for op in ops], ["values", "run", "updated_at"], batch_size=BATCH)


# An op's value names that are not the model's field names.
FIELD_OF = {"mentor": "mentor_id", "group": "group_id", "family": None}


def _changed_fields(kind: str, op: Op) -> list[str]:
    fields = []
    for name in op.changed:
        field = FIELD_OF.get(name, name)
        if field is not None:
            fields.append(field)
    return fields
