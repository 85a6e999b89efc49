"""A family file with one of everything and a marker text in every text field, and a search of every text, json
and array column of the database for the marker: what the erasure tests use to show that nothing is left."""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import UnlockPin, User
from agreements import services as agreement_services
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation
from audit.models import FileAccess, FileReason, Read
from audit.services import access_record
from childpages.models import ChildPage, Suggestion
from contacts.choices import Tone, Visibility
from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from contacts.services import ContactData
from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from health.models import Acknowledgement, Snapshot
from intakes.models import Intake, IntakeAnswer
from moments.models import Moment, MomentPhoto
from notifications.models import Notification, Preference
from portal.models import PartnershipFeedback
from reflection.models import Reflection
from successfactors.models import ChecklistItem
from tests import factories as f
from threads import services as thread_services
from threads.models import Message, ReadMarker, Thread


def file_querysets(family, parent_ids) -> list:
    """Every row that belongs to the family's file, model by model (the parents' accounts included)."""
    return [
        Family.objects.filter(pk=family.pk),
        Caregiver.objects.filter(family=family),
        Child.objects.filter(family=family),
        Placement.objects.filter(child__family=family),
        NetworkMember.objects.filter(family=family),
        Consent.objects.filter(family=family),
        Intake.objects.filter(family=family),
        IntakeAnswer.objects.filter(intake__family=family),
        ContactMoment.objects.filter(family=family),
        ChecklistTick.objects.filter(contact__family=family),
        FollowUp.objects.filter(family=family),
        Addendum.objects.filter(contact__family=family),
        Agreement.objects.filter(family=family),
        AgreementVersion.objects.filter(agreement__family=family),
        Confirmation.objects.filter(version__agreement__family=family),
        Evaluation.objects.filter(agreement__family=family),
        PartnershipFeedback.objects.filter(family=family),
        Acknowledgement.objects.filter(family=family),
        Snapshot.objects.filter(family=family),
        FileAccess.objects.filter(family=family),
        Thread.objects.filter(family=family),
        Message.objects.filter(thread__family=family),
        ReadMarker.objects.filter(thread__family=family),
        Reflection.objects.filter(contact__family=family),
        ChildPage.objects.filter(child__family=family),
        Suggestion.objects.filter(child__family=family),
        Moment.objects.filter(family=family),
        MomentPhoto.objects.filter(moment__family=family),
        User.objects.filter(pk__in=parent_ids),
        UnlockPin.objects.filter(user__in=parent_ids),
        TOTPDevice.objects.filter(user__in=parent_ids),
        StaticDevice.objects.filter(user__in=parent_ids),
        StaticToken.objects.filter(device__user__in=parent_ids),
        Notification.objects.filter(recipient__in=parent_ids),
        Preference.objects.filter(user__in=parent_ids),
    ]


def _marked(field, marker):
    """The marker as the field holds it; None for fields that hold no free text (codes from a list of choices)."""
    if field.choices or getattr(getattr(field, "base_field", None), "choices", None):
        return None
    if isinstance(field, ArrayField) and isinstance(field.base_field, models.CharField):
        return [marker]
    if isinstance(field, models.JSONField):
        return {"marker": marker}
    if isinstance(field, models.CharField | models.TextField):
        assert field.max_length is None or field.max_length >= len(marker), f"{field} is shorter than the marker"
        return marker
    return None


def mark_every_text_field(querysets, marker) -> None:
    """Write the marker into every free-text, array and json field of every row (an UPDATE: history records it)."""
    for queryset in querysets:
        values = {}
        for field in queryset.model._meta.concrete_fields:
            if field.primary_key or field.is_relation:
                continue
            if (value := _marked(field, marker)) is not None:
                values[field.attname] = value
        assert queryset.exists(), f"nothing of {queryset.model._meta.label} seeded"
        queryset.update(**values)


def fill_file(*, family, child, caregiver, staff, marker) -> None:
    """One of everything in the family's file, created as the app creates it, each text with the marker."""
    parent = caregiver.user
    Caregiver.objects.create(family=family, first_name=marker, last_name=marker, has_parental_authority=False)
    NetworkMember.objects.create(family=family, name=marker, role="neighbour", notes=marker)
    Consent.objects.create(family=family, topic="other", details=marker, given_by=caregiver)
    f.IntakeFactory(family=family, conducted_by=staff, answer=marker)
    internal = f.ContactMomentFactory(family=family, author=staff, summary=marker, notes=marker)
    f.FollowUpFactory(contact=internal, owner=staff, description=marker)
    f.FollowUpFactory(
        contact=internal,
        owner=staff,
        description=marker,
        referral_to="other",
        referral_other=marker,
        referral_status="referred",
    )
    Addendum.objects.create(contact=internal, author=staff, text=marker)
    Reflection.objects.create(
        author=staff,
        contact=internal,
        month=timezone.localdate().replace(day=1),
        assumed=marker,
        parent_need=marker,
        moved=marker,
    )
    ChildPage.objects.create(child=child, language="tr", comfort=marker, words=marker, updated_by=caregiver)
    Suggestion.objects.create(child=child, topic="sleep", text=marker, author=staff)
    item = ChecklistItem.objects.for_organisation(family.organisation_id).active().first()
    ChecklistTick.objects.create(contact=internal, item=item, theme=item.theme, prompt=marker)
    f.ContactMomentFactory(
        family=family, author=staff, visibility=Visibility.CONFIDENTIAL, summary=marker, notes=marker
    )
    f.ContactMomentFactory(
        family=family, author=staff, visibility=Visibility.SHARED, summary=marker, shared_summary=marker
    )
    agreement = f.proposed_agreement(family=family, by=staff, child=child, title=marker, goal=marker)
    agreement_services.agreement_confirm(agreement=agreement, version=agreement.current, by=parent)
    agreement_services.agreement_update(
        agreement=agreement,
        by=staff,
        expected_version=Agreement.objects.get(pk=agreement.pk).lock_version,
        title=marker,
        child=child,
        content=f.agreement_content(goal=marker, child_voice=marker),
    )
    agreement.refresh_from_db()
    thread_services.thread_start(caregiver=caregiver, by=parent, topic="agreement", agreement=agreement, text=marker)
    agreement_services.agreement_evaluate(
        agreement=agreement,
        by=staff,
        contact_data=ContactData(
            kind="evaluation", occurred_at=timezone.now(), tone=Tone.NEUTRAL, summary=marker, caregivers=[caregiver]
        ),
        outcome="continue",
        next_evaluation_on=timezone.localdate() + datetime.timedelta(days=60),
    )
    PartnershipFeedback.objects.create(
        family=family, caregiver=caregiver, relatie=2, competentie=3, autonomie=4, remark=marker
    )
    thread_services.conversation_request(
        caregiver=caregiver, by=parent, child=child, text=marker, preferred_moment=marker
    )
    question = thread_services.thread_start(caregiver=caregiver, by=parent, topic="question", text=marker)
    thread_services.thread_reply(thread=question, by=staff, text=marker)
    thread_services.thread_read(thread=question, by=parent)
    thread_services.thread_close(thread=question, by=staff, reason=marker)
    Acknowledgement.objects.create(family=family, signal="contact", level=1, note=marker, by=staff)
    moment = Moment.objects.create(family=family, child=child, author=staff, text=marker)
    MomentPhoto.objects.create(moment=moment, data=marker.encode(), width=1, height=1)
    Snapshot.objects.create(family=family, day=timezone.localdate(), level=1, levels={"contact": 1})
    FileAccess.objects.create(
        user=staff, family=family, reason=FileReason.AVG_ACCESS, explanation=marker, until=timezone.now()
    )
    access_record(user=staff, family=family, what=Read.FAMILY, reason=marker)
    _fill_account(parent, family=family, staff=staff, marker=marker)


def _fill_account(parent, *, family, staff, marker) -> None:
    # The logins are found by username: the one the parent has when the file is erased.
    User.objects.filter(pk=parent.pk).update(username=marker)
    parent.refresh_from_db()
    UnlockPin.objects.create(user=parent, pin_hash=marker)
    TOTPDevice.objects.create(user=parent, name=marker, confirmed=True)
    StaticToken.objects.create(device=StaticDevice.objects.create(user=parent, name=marker), token=marker)
    Preference.objects.create(user=parent)
    Notification.objects.create(
        recipient=parent, kind="reply", event=marker, link=f"/portal/{marker}", send_after=timezone.now()
    )
    # A notification to staff that links to the family's file.
    Notification.objects.create(
        recipient=staff,
        kind="parent_message",
        event=f"family-{family.pk}",
        link=f"/families/{family.pk}/#{marker}",
        send_after=timezone.now(),
    )
    AccessAttempt.objects.create(
        username=parent.username, ip_address="127.0.0.1", user_agent=marker, failures_since_start=1
    )
    AccessLog.objects.create(username=parent.username, ip_address="127.0.0.1", user_agent=marker)
    AccessFailureLog.objects.create(username=parent.username, ip_address="127.0.0.1", user_agent=marker)
    LogEntry.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(Family),
        object_id=str(family.pk),
        object_repr=marker,
        action_flag=ADDITION,
        change_message=marker,
    )


def set_past_retention(family, *, days_ago: int) -> None:
    """The family's children all left `days_ago` days ago, and the family was archived that day."""
    left = timezone.localdate() - datetime.timedelta(days=days_ago)
    Placement.objects.filter(child__family=family).update(start_date=left - datetime.timedelta(days=400), end_date=left)
    Family.objects.filter(pk=family.pk).update(archived_on=left)


def marker_hits(marker: str) -> dict[str, int]:
    """Rows per table.column of every text, varchar, json, jsonb and array column that contain the marker."""
    quote = connection.ops.quote_name
    hits = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
        )
        for table, column in cursor.fetchall():
            cursor.execute(
                f"SELECT count(*) FROM {quote(table)} WHERE {quote(column)}::text LIKE %s",  # noqa: S608
                [f"%{marker}%"],
            )
            if count := cursor.fetchone()[0]:
                hits[f"{table}.{column}"] = count
    return hits
