from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import Role
from audit.models import AccessEvent, FileAccess
from families.models import Family


def access_events_of(family) -> QuerySet[AccessEvent]:
    """The access log of one family, newest first. The caller has already found the family in its scope."""
    return AccessEvent.objects.filter(family=family).order_by("-at", "-pk")


def opened_by(user) -> Exists:
    """A filter on families: the ones whose file `user` has opened with a reason that has not expired yet."""
    return Exists(FileAccess.objects.open().filter(user=user, family=OuterRef("pk")))


def open_file_access(user, family) -> FileAccess | None:
    """The reason `user` gave to open this family's file, while it holds (the latest if there are several)."""
    return FileAccess.objects.open().filter(user=user, family=family).order_by("-until", "-pk").first()


def file_needs_reason(user, family_pk) -> bool:
    """Whether an organisation admin must first say why they open this family's file: a family of their own
    organisation, not opened with a reason that still holds. Another organisation's family needs no reason:
    it is not theirs at all (404)."""
    if not user.is_authenticated or user.role != Role.ADMIN or user.organisation_id is None:
        return False
    return Family.objects.filter(pk=family_pk, organisation_id=user.organisation_id).exclude(opened_by(user)).exists()
