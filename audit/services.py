"""Writing the access log. Every staff read of a family's file goes through `access_record`; an organisation
admin opens a family's file with `file_access_open` first (docs/security.md)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from audit.models import AccessEvent, FileAccess, FileReason, Read
from audit.selectors import open_file_access


def access_record(*, user, family, what: Read, object_id: int | None = None, reason: str = "") -> AccessEvent | None:
    """Note that `user` read `what` of `family`. Parents reading their own portal are not logged here: the
    log is about the organisation's people looking at a family."""
    if not user.is_authenticated or user.role == Role.PARENT:
        return None
    if not reason and user.role == Role.ADMIN:
        # Every read of an organisation admin carries the reason the file was opened for.
        opened = open_file_access(user, family)
        reason = opened.reason_text if opened else ""
    return AccessEvent.objects.create(
        user=user,
        user_name=user.get_full_name() or user.username,
        user_role=user.role,
        organisation_id=family.organisation_id,
        family=family,
        what=what,
        object_id=object_id,
        reason=reason[:500],
    )


@transaction.atomic
def file_access_open(*, user, family, reason: str, explanation: str) -> FileAccess:
    """The organisation admin `user` opens `family`'s file ("break the glass") for ADMIN_FILE_ACCESS_MINUTES,
    for a reason that is kept (in history too) and written to the family's access log."""
    if user.role != Role.ADMIN or family.organisation_id != user.organisation_id:
        raise PermissionDenied
    explanation = explanation.strip()
    if reason not in FileReason.values:
        raise ValidationError(_("Choose why you open the file."), code="reason")
    if not explanation:
        raise ValidationError(_("Explain in a few words why you open the file."), code="explanation")
    now = timezone.now()
    access = FileAccess.objects.create(
        user=user,
        family=family,
        reason=reason,
        explanation=explanation,
        opened_at=now,
        until=now + datetime.timedelta(minutes=settings.ADMIN_FILE_ACCESS_MINUTES),
    )
    access_record(user=user, family=family, what=Read.FAMILY, reason=access.reason_text)
    return access
