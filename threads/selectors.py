"""Which threads a user may read. Staff see the threads of the families in their scope; a parent those of their
own family, except a summary's thread when they may not read summaries and another caregiver's feedback. A
thread outside that is a 404. Only what a page shows is loaded for a parent: never a contact's internal notes."""

import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, JSONObject
from django.shortcuts import get_object_or_404

from accounts.models import Role
from agreements.models import Agreement
from contacts.models import ContactMoment
from contacts.selectors import contacts_visible_to
from families.models import Caregiver, Child
from families.selectors import families_visible_to
from threads.models import Message, ReadMarker, State, Thread, Topic

NEVER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def threads_visible_to(user) -> QuerySet[Thread]:
    if not user.is_authenticated:
        return Thread.objects.none()
    threads = Thread.objects.filter(family__in=families_visible_to(user))
    if user.role == Role.PARENT:
        caregiver = (
            Caregiver.objects.filter(user=user).only("pk", "has_parental_authority", "summaries_allowed").first()
        )
        if caregiver is None:
            return Thread.objects.none()
        threads = threads.filter(~Q(topic=Topic.FEEDBACK) | Q(caregiver=caregiver))
        if not caregiver.reads_summaries:
            threads = threads.exclude(topic=Topic.SUMMARY)
    return threads


def _last_text(**filters) -> Subquery:
    latest = Message.objects.filter(thread=OuterRef("pk"), **filters).order_by("-created_at", "-pk")
    return Subquery(latest.values("text")[:1])


def _messages(for_parent: bool) -> Prefetch:
    messages = Message.objects.select_related("author")
    if for_parent:
        messages = messages.only("thread_id", "text", "from_parent", "created_at", "author__first_name")
    return Prefetch("messages", queryset=messages)


# --- The parent portal -----------------------------------------------------------------------------------------


def _with_unread(threads: QuerySet, user) -> QuerySet:
    """`unread`: staff answered or closed the thread after this parent last read it."""
    read_at = Coalesce(
        Subquery(ReadMarker.objects.filter(thread=OuterRef("pk"), user=user).values("read_at")[:1]), Value(NEVER)
    )
    answered = Message.objects.filter(thread=OuterRef("pk"), from_parent=False, created_at__gt=OuterRef("read_at"))
    return threads.annotate(read_at=read_at).annotate(
        unread=ExpressionWrapper(Exists(answered) | Q(closed_at__gt=F("read_at")), output_field=BooleanField())
    )


def portal_threads(user) -> QuerySet[Thread]:
    """The parent's threads, the newest activity first, each marked when it has an answer they have not read."""
    threads = (
        threads_visible_to(user)
        .select_related("agreement", "child", "caregiver")
        .only(
            "topic",
            "state",
            "last_message_at",
            "closed_at",
            "family_id",
            "agreement__title",
            "contact_id",
            "child__first_name",
            "caregiver__first_name",
        )
        .annotate(last_text=_last_text())
        .order_by("-last_message_at", "-pk")
    )
    return _with_unread(threads, user)


def portal_unread_count(user) -> int:
    return _with_unread(threads_visible_to(user), user).filter(unread=True).count()


def portal_thread_for(user, pk: int) -> Thread:
    threads = (
        threads_visible_to(user)
        .select_related("agreement", "child", "caregiver", "closed_by")
        .only(
            "topic",
            "state",
            "family_id",
            "contact_id",
            "preferred_moment",
            "preferred_place",
            "interpreter_wanted",
            "closed_reason",
            "closed_at",
            "created_at",
            "agreement__title",
            "agreement__status",
            "child__first_name",
            "caregiver__first_name",
            "closed_by__first_name",
        )
        .prefetch_related(_messages(for_parent=True))
    )
    return get_object_or_404(threads, pk=pk)


def _summaries(user, caregiver) -> QuerySet[ContactMoment]:
    if caregiver is None or not caregiver.reads_summaries:
        return ContactMoment.objects.none()
    return (
        contacts_visible_to(user)
        .select_related("author")
        .only("occurred_at", "kind", "shared_summary", "family_id", "author__first_name")
    )


def portal_summary_for(user, caregiver, pk: int) -> ContactMoment:
    """A summary shared with this caregiver, only its parent-facing fields; or 404."""
    return get_object_or_404(_summaries(user, caregiver), pk=pk)


def portal_summary_of(user, caregiver, thread) -> ContactMoment | None:
    """The summary a thread is about, while it is shared with this caregiver (staff may have made it internal
    since: the thread stays the parent's, the summary is no longer shown)."""
    return _summaries(user, caregiver).filter(pk=thread.contact_id).first() if thread.contact_id else None


def portal_threads_about(user, *, agreement=None, contact=None) -> list[Thread]:
    """The family's threads about one agreement or summary, oldest first, with their messages."""
    subject = {"agreement": agreement} if agreement is not None else {"contact": contact}
    threads = (
        threads_visible_to(user)
        .filter(**subject)
        .select_related("closed_by")
        .only("topic", "state", "family_id", "closed_reason", "closed_at", "created_at", "closed_by__first_name")
        .prefetch_related(_messages(for_parent=True))
        .order_by("created_at", "pk")
    )
    return list(threads)


# --- Staff -----------------------------------------------------------------------------------------------------


def _mine(user):
    """Whether the user is the mentor: of the child the thread is about, or else of a child of the family."""
    mentored = Exists(Child.objects.filter(family=OuterRef("family_id"), mentor=user))
    return ExpressionWrapper(Q(child__mentor=user) | (Q(child__isnull=True) & mentored), output_field=BooleanField())


def waiting_threads_for(user) -> QuerySet[Thread]:
    """Parents' messages without an answer in the user's families, the longest waiting first."""
    if not user.is_authenticated or user.role == Role.PARENT:
        return Thread.objects.none()
    return (
        threads_visible_to(user)
        .filter(state=State.WAITING)
        .select_related("family", "caregiver", "child", "agreement")
        .annotate(mine=_mine(user), last_parent_text=_last_text(from_parent=True))
        .order_by("waiting_since", "pk")
    )


def with_waiting_threads(families: QuerySet, user) -> QuerySet:
    """Each family with its parents' messages waiting for an answer, the longest waiting first, as JSON rows in the
    query that loads the families (the staff home stays within its number of queries); `waiting_of` reads them."""
    threads = (
        Thread.objects.filter(family=OuterRef("pk"), state=State.WAITING)
        .order_by("waiting_since", "pk")
        .values(
            json=JSONObject(
                pk="pk",
                topic="topic",
                waiting_since="waiting_since",
                caregiver="caregiver__first_name",
                child="child__first_name",
                agreement="agreement__title",
                mine=_mine(user),
                text=_last_text(from_parent=True),
            )
        )
    )
    return families.annotate(waiting_threads=ArraySubquery(threads))


def waiting_of(families) -> list[Thread]:
    """The waiting threads of families loaded `with_waiting_threads`, as threads for the templates (not saved),
    the longest waiting first."""
    threads = []
    for family in families:
        for row in family.waiting_threads or []:
            thread = Thread(
                pk=row["pk"],
                family=family,
                topic=row["topic"],
                waiting_since=datetime.datetime.fromisoformat(row["waiting_since"]),
            )
            thread.caregiver = Caregiver(first_name=row["caregiver"]) if row["caregiver"] is not None else None
            thread.child = Child(first_name=row["child"]) if row["child"] is not None else None
            thread.agreement = Agreement(title=row["agreement"]) if row["agreement"] is not None else None
            thread.mine, thread.last_parent_text = row["mine"], row["text"]
            threads.append(thread)
    return sorted(threads, key=lambda thread: (thread.waiting_since, thread.pk))


def waiting_count(user) -> int:
    if not user.is_authenticated or user.role == Role.PARENT:
        return 0
    return threads_visible_to(user).filter(state=State.WAITING).count()


def family_threads(user, family, *, open_only: bool = False) -> QuerySet[Thread]:
    """A family's threads (found in the user's scope by the caller): waiting first, the longest waiting first;
    then the others, the newest activity first."""
    threads = threads_visible_to(user).filter(family=family)
    if open_only:
        threads = threads.exclude(state=State.CLOSED)
    return (
        threads.select_related("caregiver", "child", "agreement", "closed_by")
        .annotate(
            mine=_mine(user),
            last_parent_text=_last_text(from_parent=True),
            waiting=ExpressionWrapper(Q(state=State.WAITING), output_field=BooleanField()),
        )
        .order_by("-waiting", "waiting_since", "-last_message_at", "-pk")
    )


def agreement_threads(user, agreement) -> list[Thread]:
    """The threads about one agreement with their messages, for the staff's agreement page."""
    threads = (
        threads_visible_to(user)
        .filter(agreement=agreement)
        .select_related("caregiver", "closed_by")
        .prefetch_related(_messages(for_parent=False))
        .order_by("created_at", "pk")
    )
    return list(threads)


def family_thread_for(user, family_pk: int, pk: int) -> Thread:
    if not user.is_authenticated or user.role == Role.PARENT:
        return get_object_or_404(Thread.objects.none(), pk=pk)
    contact_visible = Exists(contacts_visible_to(user).filter(pk=OuterRef("contact_id")))
    threads = (
        threads_visible_to(user)
        .select_related("family", "caregiver", "agreement", "contact__author", "feedback", "child", "closed_by")
        .prefetch_related(_messages(for_parent=False))
        .annotate(contact_visible=contact_visible, mine=_mine(user))
    )
    return get_object_or_404(threads, family_id=family_pk, pk=pk)


def families_with_waiting_threads() -> QuerySet[Thread]:
    """For a filter on families (`Exists(...)`): a waiting thread of the family in the outer query."""
    return Thread.objects.filter(family=OuterRef("pk"), state=State.WAITING)
