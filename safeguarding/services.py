from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from safeguarding.models import SafeguardingNote


@transaction.atomic
def note_add(*, family, by, text: str) -> SafeguardingNote:
    if by.role not in (Role.STAFF, Role.COORDINATOR, Role.ADMIN):
        raise ValidationError(_("Only the organisation's staff write these notes."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write what you saw or heard, and with whom you talked.")})
    return SafeguardingNote.objects.create(family=family, author=by, text=text)
