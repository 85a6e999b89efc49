"""The dry run: what an export would create, update and leave alone, and which rows are skipped and why. It
reads the database and writes nothing; the import itself (imports/writing.py) runs the same plan again inside
its transaction, so what is written is what the plan says at that moment.

Records are matched on the planning system's ids (ImportedRecord): a family on its family number, a child on its
child number, a caregiver on their own number or else as parent 1 or 2 of the family, a placement on its number
or else as the child's placement in that group. A record is updated only where the file's value differs from
the value the last import wrote, so an unchanged file changes nothing, and a correction made in the app stays
until the planning system's value changes. Rows of a family are taken together: when one of them has an error,
the family's other rows wait too, so that no family is imported half."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.models import Role, User
from families.models import Placement
from imports.models import ImportedRecord
from imports.rows import check_row
from organisations.models import Group

Kind = ImportedRecord.Kind
ACTIONS = ("created", "updated", "unchanged")
# How many created or updated rows and row errors a report lists one by one (the counts are always whole).
REPORT_LINES = 2000


@dataclass
class Op:
    """One record the file describes, and what the import does with it."""

    kind: str
    key: str
    values: dict
    row: int
    parent_key: str = ""  # the family of a caregiver or child, the child of a placement
    label: str = ""  # what the report calls it
    record: ImportedRecord | None = None
    changed: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.record is None:
            return "created"
        return "updated" if self.changed else "unchanged"


@dataclass
class Plan:
    ops: dict[str, dict[str, Op]] = field(default_factory=lambda: {kind: {} for kind in Kind.values})
    errors: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: dict[int, str] = field(default_factory=dict)
    rows_total: int = 0
    rows_ok: int = 0

    def report(self) -> dict:
        counts = {kind: dict.fromkeys(ACTIONS, 0) for kind in Kind.values}
        changes = []
        for kind, ops in self.ops.items():
            for op in ops.values():
                counts[kind][op.action] += 1
                if op.action != "unchanged":
                    changes.append([op.row, kind, op.action, op.label])
        order = [Kind.FAMILY, Kind.CHILD, Kind.CAREGIVER, Kind.PLACEMENT]
        changes.sort(key=lambda change: (change[0], order.index(change[1])))
        errors = sorted([row, " ".join(messages)] for row, messages in self.errors.items())
        notes = sorted([row, note] for row, note in self.notes.items())
        return {
            "counts": counts,
            "rows_total": self.rows_total,
            "rows_ok": self.rows_ok,
            "rows_skipped": self.rows_total - self.rows_ok,
            "error_count": len(errors),
            "errors": errors[:REPORT_LINES],
            "notes": notes[:REPORT_LINES],
            "change_count": len(changes),
            "changes": changes[:REPORT_LINES],
        }


def _full_last_name(infix: str, last: str) -> str:
    return f"{infix} {last}".strip() if infix else last


def _family_name(row: dict) -> str:
    name = row.get("family_name") or _full_last_name(row["child_infix"], row["child_last_name"])
    return name[:1].upper() + name[1:]


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _group_lookup(organisation) -> tuple[dict, dict]:
    groups = Group.objects.filter(location__organisation=organisation).select_related("location")
    by_name, by_place = defaultdict(list), {}
    for group in groups:
        by_name[group.name.strip().lower()].append(group)
        by_place[(group.location.name.strip().lower(), group.name.strip().lower())] = group
    return by_name, by_place


def _resolve_group(row: dict, by_name: dict, by_place: dict, columns: dict):
    name = row["group"].strip().lower()
    if row.get("location"):
        group = by_place.get((row["location"].strip().lower(), name))
        if group is None:
            raise LookupError(
                _(
                    "There is no group “%(group)s” at location “%(location)s” in the app. Add it under Groups, "
                    "or fix the name."
                )
                % {"group": row["group"], "location": row["location"]}
            )
        return group
    found = by_name.get(name, [])
    if not found:
        raise LookupError(
            _("There is no group “%(group)s” in the app. Add it under Groups, or fix the name.")
            % {"group": row["group"]}
        )
    if len(found) > 1:
        raise LookupError(
            _("Group “%(group)s” exists at more than one location: choose the Location column too.")
            % {"group": row["group"]}
        )
    return found[0]


def _mentor_lookup(organisation) -> dict[str, User]:
    staff = User.objects.filter(organisation=organisation, role=Role.STAFF, is_active=True).exclude(email="")
    return {user.email.lower(): user for user in staff}


def check_rows(*, organisation, table, columns: dict, progress=None) -> tuple[Plan, list[tuple[int, dict]]]:
    """Each row checked on its own: its values, its group, its mentor."""
    plan = Plan(rows_total=len(table.rows))
    index = {key: table.headers.index(header) for key, header in columns.items() if header in table.headers}
    by_name, by_place = _group_lookup(organisation)
    mentors = _mentor_lookup(organisation) if "mentor_email" in index else {}
    good = []
    for done, (number, cells) in enumerate(table.rows, start=1):
        values = {key: cells[position] for key, position in index.items()}
        row, errors = check_row(values, columns)
        if row is not None:
            try:
                row["group_obj"] = _resolve_group(row, by_name, by_place, columns)
            except LookupError as error:
                errors.append(str(error))
            email = (row.get("mentor_email") or "").lower()
            if email and email not in mentors:
                errors.append(
                    _("%(column)s: no active staff member has the e-mail address %(email)s.")
                    % {"column": columns.get("mentor_email"), "email": email}
                )
            row["mentor_obj"] = mentors.get(email)
        if errors:
            plan.errors[number] = errors
        else:
            good.append((number, row))
        if progress and done % 500 == 0:
            progress(done / len(table.rows) / 2)
    return plan, good


def build_plan(*, organisation, table, columns: dict, progress=None) -> Plan:
    plan, good = check_rows(organisation=organisation, table=table, columns=columns, progress=progress)
    position = table.headers.index(columns["family_id"]) if columns.get("family_id") in table.headers else None
    family_of_row = {
        number: str(cells[position]).strip() if position is not None else "" for number, cells in table.rows
    }
    records = _records(organisation)
    rows = _consistent(plan, good, records, columns)
    _family_rows_together(plan, rows, family_of_row)
    ok = [(number, row) for number, row in rows if number not in plan.errors and number not in plan.notes]
    for number, row in ok:
        _describe_row(plan, number, row, columns)
    for kind, ops in plan.ops.items():
        for op in ops.values():
            op.record = records.get((kind, op.key))
            if op.record is not None:
                op.changed = [name for name, value in op.values.items() if op.record.values.get(name) != value]
    plan.rows_ok = len(ok)
    if progress:
        progress(0.55)
    return plan


def _records(organisation) -> dict:
    found = ImportedRecord.objects.filter(organisation=organisation).only(
        "kind", "external_id", "values", "family_id", "caregiver_id", "child_id", "placement_id"
    )
    return {(record.kind, record.external_id): record for record in found}


def _consistent(plan: Plan, good: list, records: dict, columns: dict) -> list:
    """Rows that agree with each other and with the app: one child is one child, a row twice is skipped once."""
    children, placements, periods = {}, {}, defaultdict(list)
    kept = []
    for number, row in good:
        child = (row["family_id"], row["child_first_name"], row["child_last_name"], row["child_date_of_birth"])
        earlier = children.setdefault(row["child_id"], (number, child))
        if earlier[1] != child:
            plan.errors[number].append(
                _("Child number %(id)s is also in row %(row)d, with another name, date of birth or family.")
                % {"id": row["child_id"], "row": earlier[0]}
            )
            continue
        key = _placement_key(row)
        period = (row["start_date"], row["end_date"])
        seen = placements.get(key)
        if seen is not None:
            if seen[1] == (row["group_obj"].pk, period):
                plan.notes[number] = _("The same as row %(row)d: skipped.") % {"row": seen[0]}
            else:
                plan.errors[number].append(
                    _("This placement is also in row %(row)d, with other dates.") % {"row": seen[0]}
                )
            continue
        for other_number, other in periods[(row["child_id"], row["group_obj"].pk)]:
            if _overlap(period, other):
                plan.errors[number].append(
                    _("This child's placement in the same group overlaps with row %(row)d.") % {"row": other_number}
                )
                break
        else:
            placements[key] = (number, (row["group_obj"].pk, period))
            periods[(row["child_id"], row["group_obj"].pk)].append((number, period))
            kept.append((number, row))
    _check_against_app(plan, kept, records)
    return kept


def _placement_key(row: dict) -> str:
    return row["placement_id"] or f"{row['child_id']}@{row['group_obj'].pk}"


def _overlap(one, other) -> bool:
    far = datetime.date.max
    return one[0] <= (other[1] or far) and other[0] <= (one[1] or far)


def _check_against_app(plan: Plan, rows: list, records: dict) -> None:
    """A child the app already has stays in its family, and a new placement may not overlap one the app holds
    for the same child and group (a placement added by hand, say)."""
    child_pks = {}
    for number, row in rows:
        child = records.get((Kind.CHILD, row["child_id"]))
        family = records.get((Kind.FAMILY, row["family_id"]))
        if child is not None and (family is None or child.values.get("family") != row["family_id"]):
            plan.errors[number].append(
                _("Child number %(id)s belongs to another family in the app. Change the family there by hand.")
                % {"id": row["child_id"]}
            )
        elif child is not None:
            child_pks[number] = child.child_id
    existing = defaultdict(list)
    placements = Placement.objects.filter(child_id__in=set(child_pks.values())).values_list(
        "pk", "child_id", "group_id", "start_date", "end_date"
    )
    for pk, child_id, group_id, start, end in placements:
        existing[(child_id, group_id)].append((pk, (start, end)))
    for number, row in rows:
        if number not in child_pks:
            continue
        own = records.get((Kind.PLACEMENT, _placement_key(row)))
        for pk, period in existing[(child_pks[number], row["group_obj"].pk)]:
            if (own is None or own.placement_id != pk) and _overlap((row["start_date"], row["end_date"]), period):
                plan.errors[number].append(
                    _("The app already has a placement of this child in this group from %(start)s that overlaps.")
                    % {"start": period[0].strftime("%d-%m-%Y")}
                )
                break


def _family_rows_together(plan: Plan, rows: list, family_of_row: dict) -> None:
    broken = {}
    for number in sorted(plan.errors):
        broken.setdefault(family_of_row.get(number), number)
    broken.pop("", None)
    for number, row in rows:
        if number not in plan.errors and row["family_id"] in broken:
            plan.errors[number].append(
                _("Skipped with its family: row %(row)d of the same family has an error.")
                % {"row": broken[row["family_id"]]}
            )


def _describe_row(plan: Plan, number: int, row: dict, columns: dict) -> None:
    family_id, child_id = row["family_id"], row["child_id"]
    name = _family_name(row)
    plan.ops[Kind.FAMILY].setdefault(family_id, Op(Kind.FAMILY, family_id, {"name": name}, number, label=name))
    child = {
        "first_name": row["child_first_name"],
        "last_name": _full_last_name(row["child_infix"], row["child_last_name"]),
        "date_of_birth": row["child_date_of_birth"].isoformat(),
        "family": family_id,
    }
    if "mentor_email" in columns:
        child["mentor"] = row["mentor_obj"].pk if row["mentor_obj"] else None
    label = f"{child['first_name']} {child['last_name']}"
    plan.ops[Kind.CHILD].setdefault(child_id, Op(Kind.CHILD, child_id, child, number, family_id, label))
    for n in (1, 2):
        if not row[f"p{n}_first_name"]:
            continue
        key = row[f"p{n}_id"] or f"{family_id}/{n}"
        caregiver = {
            "first_name": row[f"p{n}_first_name"],
            "last_name": _full_last_name(row[f"p{n}_infix"], row[f"p{n}_last_name"]),
            "email": row[f"p{n}_email"],
            "phone": row[f"p{n}_phone"],
            "relation": row[f"p{n}_relation"],
            "has_parental_authority": row[f"p{n}_gezag"],
        }
        # Only what the file has: an unmapped column leaves the app's value alone.
        caregiver = {name: value for name, value in caregiver.items() if _mapped(columns, n, name)}
        label = f"{caregiver['first_name']} {caregiver['last_name']}"
        plan.ops[Kind.CAREGIVER].setdefault(key, Op(Kind.CAREGIVER, key, caregiver, number, family_id, label))
    placement = {
        "group": row["group_obj"].pk,
        "start_date": _jsonable(row["start_date"]),
        "end_date": _jsonable(row["end_date"]),
    }
    label = f"{child['first_name']} · {row['group_obj'].name} · {row['start_date']:%d-%m-%Y}"
    op = Op(Kind.PLACEMENT, _placement_key(row), placement, number, child_id, label)
    plan.ops[Kind.PLACEMENT][op.key] = op


CAREGIVER_COLUMNS = {
    "first_name": "first_name",
    "last_name": "last_name",
    "email": "email",
    "phone": "phone",
    "relation": "relation",
    "has_parental_authority": "gezag",
}


def _mapped(columns: dict, n: int, name: str) -> bool:
    return name in ("first_name", "last_name") or f"p{n}_{CAREGIVER_COLUMNS[name]}" in columns
