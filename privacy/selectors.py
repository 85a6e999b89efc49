"""Reads for the AVG pages: a family's whole file for a request of access, what an erasure would remove, the
families past their organisation's retention period, and the records of erased files. The family itself is
found in the user's scope by the view (families.selectors), so another family's id is a 404 there."""

import calendar
import datetime

from django.db.models import Exists, F, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation
from audit.selectors import access_events_of
from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from contacts.selectors import contacts_visible_to, follow_ups_visible_to
from families.history import LABELS
from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from intakes.models import Intake, IntakeAnswer
from organisations.models import Organisation
from privacy.export import FileExport, Item, Record, Section, person, record, section
from privacy.graph import history_object_ids, history_plan, live_rows, parent_accounts
from privacy.models import ErasureRecord

# Exported in their place below (nested where they belong); any other model of the file gets its own section.
PLACED = {
    Family,
    Caregiver,
    Child,
    Placement,
    NetworkMember,
    Consent,
    Intake,
    IntakeAnswer,
    ContactMoment,
    Addendum,
    ChecklistTick,
    FollowUp,
    Agreement,
    AgreementVersion,
    Confirmation,
    Evaluation,
}


def family_export(user, family: Family) -> FileExport:
    """Everything the organisation holds about the family. Contacts follow the confidentiality rule of the one
    who exports: a coordinator gets all of them; anyone else gets the count of those left out."""
    contacts, hidden = _contacts(user, family)
    children = family.children.select_related("mentor").prefetch_related(
        Prefetch("placements", queryset=Placement.objects.select_related("group__location"))
    )
    intakes = family.intakes.select_related("conducted_by").prefetch_related(
        "caregivers", "children", "answers__question"
    )
    sections = [
        Section("family", str(Family._meta.verbose_name), [record(family)]),
        section("caregivers", Caregiver, _records(family.caregivers.select_related("user", "access_revoked_by"))),
        section("children", Child, [_with(child, ("placements", child.placements.all())) for child in children]),
        section("network", NetworkMember, _records(family.network.all())),
        section("consents", Consent, _records(family.consents.select_related("given_by", "recorded_by"))),
        section("intakes", Intake, [_with(intake, ("answers", intake.answers.all())) for intake in intakes]),
        section("contacts", ContactMoment, contacts),
        section("agreements", Agreement, _agreements(family)),
        *_other_sections(family, hidden),
        Section("history", _("History of changes"), _history(family, hidden), table=True),
        Section("access_log", _("Access log"), [_access(event) for event in access_events_of(family)], table=True),
    ]
    return FileExport(family, timezone.now(), person(user), sections, left_out=len(hidden))


def _records(queryset) -> list[Record]:
    return [record(obj) for obj in queryset]


def _with(obj, *nested) -> Record:
    """A record with its nested lists: (key, related objects)."""
    sections = []
    for key, objects in nested:
        objects = list(objects)
        if objects:
            sections.append(section(key, type(objects[0]), _records(objects)))
    return record(obj, sections=sections)


def _contacts(user, family) -> tuple[list[Record], set[int]]:
    """The contacts the exporter may read with their addenda, ticks and follow-ups, and the ids of the others.
    (A parent's request for a conversation is a thread: it has a section of its own, from the model graph.)"""
    visible = (
        contacts_visible_to(user)
        .filter(family=family)
        .select_related("author", "intake__family")
        .prefetch_related(
            "caregivers",
            "children",
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
            Prefetch("ticks", queryset=ChecklistTick.objects.select_related("item")),
        )
        .order_by("occurred_at", "pk")
    )
    everything = ContactMoment.objects.filter(family=family)
    hidden = set(everything.exclude(pk__in=visible.values("pk")).values_list("pk", flat=True))
    follow_ups = follow_ups_visible_to(user).filter(family=family).exclude(contact_id__in=hidden)
    by_contact = {}
    for follow_up in follow_ups.select_related("done_by", "created_by", "contact").order_by("created_at", "pk"):
        by_contact.setdefault(follow_up.contact_id, []).append(record(follow_up))
    contacts = [
        record(
            contact,
            sections=[
                section("addenda", Addendum, _records(contact.addenda.all())),
                section("checklist", ChecklistTick, _records(contact.ticks.all())),
                section("follow_ups", FollowUp, by_contact.get(contact.pk, [])),
            ],
        )
        for contact in visible
    ]
    return contacts, hidden


def _agreements(family) -> list[Record]:
    confirmations = Confirmation.objects.select_related("caregiver", "recorded_by", "contact")
    versions = AgreementVersion.objects.select_related("created_by", "agreement").prefetch_related(
        Prefetch("confirmations", queryset=confirmations)
    )
    agreements = (
        Agreement.objects.filter(family=family)
        .select_related("child", "current__agreement", "created_by")
        .prefetch_related(
            Prefetch("versions", queryset=versions),
            Prefetch("evaluations", queryset=Evaluation.objects.select_related("contact", "version__agreement")),
        )
        .order_by("created_at", "pk")
    )
    return [
        record(
            agreement,
            sections=[
                section(
                    "versions",
                    AgreementVersion,
                    [
                        _with(version, ("confirmations", version.confirmations.all()))
                        for version in agreement.versions.all()
                    ],
                ),
                section("evaluations", Evaluation, _records(agreement.evaluations.all())),
            ],
        )
        for agreement in agreements
    ]


def _other_sections(family, hidden: set[int]) -> list[Section]:
    """Every other model of the file (feedback, health acknowledgements and snapshots, opened files, ...),
    found from the model graph. Rows about a contact the exporter may not read are left out."""
    sections = []
    rows = live_rows(family=family, users=[]).rows
    for model in sorted(rows, key=lambda m: m._meta.label):
        if model in PLACED or model._meta.auto_created or not rows[model]:
            continue
        # A staff member's private reflection (reflection/) is erased with the family but is the author's note
        # on their own work, not the family's file: docs/privacy.md.
        if getattr(model, "left_out_of_family_export", False):
            continue
        objects = list(model._base_manager.filter(pk__in=rows[model]).order_by("pk"))
        for fk in [f for f in model._meta.concrete_fields if f.related_model is Family]:
            for obj in objects:  # their titles name the family: no query per row for it
                if getattr(obj, fk.attname) == family.pk:
                    fk.set_cached_value(obj, family)
        contact_fields = [f.attname for f in model._meta.concrete_fields if f.related_model is ContactMoment]
        kept = [obj for obj in objects if not any(getattr(obj, name) in hidden for name in contact_fields)]
        sections.append(section(model._meta.label_lower.replace(".", "_"), model, _records(kept)))
    return sections


def _history(family, hidden: set[int]) -> list[Record]:
    """Every event of the file's history, oldest first, with the state of the record after the change."""
    found = history_object_ids(family)
    events = []
    for tracked in history_plan():
        for event_model in tracked.events:
            for event in event_model.objects.filter(pgh_obj_id__in=found.get(tracked.model, ())).select_related(
                "pgh_context"
            ):
                about_hidden = tracked.model is ContactMoment and event.pgh_obj_id in hidden
                if about_hidden or getattr(event, "contact_id", None) in hidden:
                    continue
                events.append((tracked.model, event))
    events.sort(key=lambda pair: (pair[1].pgh_created_at, pair[1].pgh_id))
    user_ids = {_context_user(event) for _, event in events} - {None}
    users = User.objects.in_bulk(user_ids)
    return [_event_record(model, event, users) for model, event in events]


def _context_user(event):
    context = getattr(event, "pgh_context", None)
    return (context.metadata or {}).get("user") if context else None


def _event_record(model, event, users) -> Record:
    what = str(model._meta.verbose_name)
    data = {
        f.attname: getattr(event, f.attname)
        for f in event._meta.concrete_fields
        if not f.name.startswith("pgh_") and f.related_model is not Family
    }
    who = person(users.get(_context_user(event)))
    return Record(
        f"{what} {event.pgh_label}",
        [
            Item("when", _("When"), event.pgh_created_at.isoformat(), event.pgh_created_at),
            Item("who", _("Who"), who, who or _("system")),
            Item("what", _("What"), model._meta.label, what),
            Item("object_id", _("ID"), event.pgh_obj_id, event.pgh_obj_id),
            Item("action", _("Kind of change"), event.pgh_label, LABELS.get(event.pgh_label, event.pgh_label)),
            Item("data", _("Content after the change"), data, None),
        ],
    )


def _access(event) -> Record:
    return Record(
        event.get_what_display(),
        [
            Item("at", _("When"), event.at.isoformat(), event.at),
            Item("who", _("Who"), event.user_name, event.user_name),
            Item("role", _("Role"), event.user_role, dict(Role.choices).get(event.user_role, event.user_role)),
            Item("what", _("What"), event.what, event.get_what_display()),
            Item("object_id", "id", event.object_id, None),
            Item("reason", _("Reason"), event.reason, event.reason),
        ],
    )


# --- Erasure and retention ---------------------------------------------------------------------------------


def erasure_preview(family: Family) -> dict:
    """What an erasure of the family would remove, in counts, for the confirmation page."""
    today = timezone.localdate()
    return {
        "children": family.children.count(),
        "caregivers": family.caregivers.count(),
        "contacts": family.contacts.count(),
        "agreements": family.agreements.count(),
        "accounts": len(parent_accounts(family)),
        "still_placed": Placement.objects.filter(child__family=family)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .exists(),
    }


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def families_past_retention(organisation: Organisation, *, today: datetime.date) -> QuerySet[Family]:
    """Families of the organisation whose children have all left (no placement that runs today or later), on a
    day (the last placement's end, or the archive date, whichever is later) longer ago than the organisation's
    retention period. A family without placements and never archived has no day it left: it is not taken."""
    placements = Placement.objects.filter(child__family=OuterRef("pk"))
    still_placed = placements.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    last_end = placements.order_by().values("child__family").annotate(last=Max("end_date")).values("last")
    return (
        Family.objects.filter(organisation=organisation)
        .filter(~Exists(still_placed))
        .annotate(left_on=Greatest(Subquery(last_end), F("archived_on")))
        .filter(left_on__lt=months_before(today, organisation.retention_months))
        .order_by("pk")
    )


def organisations_for_retention() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("pk")


def erasures_for(user) -> QuerySet[ErasureRecord]:
    """The erasure records of the user's organisation (counts only: nothing of the erased files)."""
    if not user.is_authenticated or user.organisation_id is None:
        return ErasureRecord.objects.none()
    return ErasureRecord.objects.filter(organisation_id=user.organisation_id).select_related("by")
