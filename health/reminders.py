"""What a staff member should not forget: overdue evaluations, follow-ups that are due, mentor conversations
due, families without contact. The same list feeds the in-app page and the daily e-mail digest; the digest
uses first names only."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agreements.models import Status
from agreements.selectors import agreements_visible_to
from contacts.selectors import mentor_conversations_due, my_open_follow_ups, with_last_contact
from families.selectors import families_visible_to, family_list_for
from health.models import Acknowledgement, Kind
from health.rules import limits
from organisations.selectors import quiet_days_for


@dataclass
class Reminder:
    kind: str
    text: str  # for the app: may name the family and the agreement
    digest: str  # for the e-mail: first names only
    url: str
    due_on: datetime.date | None = None


def _first_names(children) -> str:
    return ", ".join(child.first_name for child in children) or _("the family")


def reminders_for(user, *, today: datetime.date | None = None) -> list[Reminder]:
    today = today or timezone.localdate()
    items = []
    overdue = (
        agreements_visible_to(user)
        .filter(status__in=[Status.AGREED, Status.EVALUATED], evaluation_on__lt=today, family__archived_on__isnull=True)
        .filter(Q(child__mentor=user) | Q(created_by=user) | Q(child__isnull=True))
        .select_related("family", "child")
        .prefetch_related("family__children")
        .order_by("evaluation_on")
    )
    for agreement in overdue:
        names = agreement.child.first_name if agreement.child else _first_names(agreement.family.children.all())
        items.append(
            Reminder(
                "evaluation",
                _("Evaluate “%(title)s” with %(family)s (due %(date)s)")
                % {
                    "title": agreement.title,
                    "family": agreement.family.name,
                    "date": date_format(agreement.evaluation_on, "j F"),
                },
                _("An evaluation of an agreement is overdue (%(names)s)") % {"names": names},
                agreement.get_absolute_url(),
                agreement.evaluation_on,
            )
        )
    soon = today + datetime.timedelta(days=2)
    for follow_up in my_open_follow_ups(user).filter(due_on__lte=soon).prefetch_related("family__children"):
        names = _first_names(follow_up.family.children.all())
        items.append(
            Reminder(
                "follow_up",
                f"{follow_up.description} · {follow_up.family.name}",
                _("A follow-up is due (%(names)s)") % {"names": names},
                follow_up.get_absolute_url(),
                follow_up.due_on,
            )
        )
    for child in mentor_conversations_due(user, today=today):
        if child.due_on <= today + datetime.timedelta(days=7):
            items.append(
                Reminder(
                    "mentor",
                    _("Mentor conversation with the parents of %(name)s") % {"name": child.first_name},
                    _("Mentor conversation due (%(names)s)") % {"names": child.first_name},
                    child.family.get_absolute_url(),
                    child.due_on,
                )
            )
    items += _look_again(user, today)
    quiet = timezone.now() - datetime.timedelta(days=quiet_days_for(user))
    # The user's families first, then the last contact of those only: in one statement the planner looked up the
    # last contact of every family of the organisation before it tested the scope (15 times slower at 10,000).
    scope = list(family_list_for(user).values_list("pk", flat=True))
    families = with_last_contact(family_list_for(user).filter(pk__in=scope), user).filter(
        Q(last_contact_at__lt=quiet) | Q(last_contact_at__isnull=True)
    )
    for family in families:
        # The parents of a child, not "of Boukhari": a surname is no person to have contact with.
        names = _first_names(family.children.all())
        items.append(
            Reminder(
                "contact",
                _("No contact with the parents of %(names)s (%(family)s) for a while")
                % {"names": names, "family": family.name},
                _("No contact for a while (%(names)s)") % {"names": names},
                family.get_absolute_url(),
            )
        )
    return items


def _look_again(user, today: datetime.date) -> list[Reminder]:
    """Time the user gave a signal whose look-again day has come: from that day the signal counts again, and
    the one who chose to give time is asked to look. It stays until someone marks the signal again (seen or
    time given) or for the period a "seen" holds; one query."""
    since = today - datetime.timedelta(days=limits()["acknowledgement_days"])
    later = Acknowledgement.objects.filter(
        family=OuterRef("family"), signal=OuterRef("signal"), created_at__gt=OuterRef("created_at"), withdrawn_at=None
    )
    due = (
        Acknowledgement.objects.filter(
            kind=Kind.TIME,
            by=user,
            withdrawn_at=None,
            look_again_on__lte=today,
            look_again_on__gt=since,
            family__in=families_visible_to(user).filter(archived_on__isnull=True).values("pk"),
        )
        .exclude(Exists(later))
        .select_related("family")
        .prefetch_related("family__children")
        .order_by("look_again_on", "pk")
    )
    items = []
    for acknowledgement in due:
        names = _first_names(acknowledgement.family.children.all())
        items.append(
            Reminder(
                "look_again",
                _("Look again: you gave “%(signal)s” time for %(family)s until %(date)s")
                % {
                    "signal": acknowledgement.get_signal_display(),
                    "family": acknowledgement.family.name,
                    "date": date_format(acknowledgement.look_again_on, "j F"),
                },
                _("A signal you gave time counts again (%(names)s)") % {"names": names},
                reverse("health:family", args=[acknowledgement.family_id]),
                acknowledgement.look_again_on,
            )
        )
    return items
