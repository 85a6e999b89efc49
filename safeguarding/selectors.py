"""Who reads the confidential safeguarding notes: their author, and the coordinators (who see the family)."""

from django.db.models import QuerySet

from accounts.models import Role
from safeguarding.models import SafeguardingNote


def notes_visible_to(user, family) -> QuerySet[SafeguardingNote]:
    """Within a family the user already sees (the caller took it from families.selectors)."""
    notes = SafeguardingNote.objects.filter(family=family).select_related("author")
    if user.role == Role.COORDINATOR:
        return notes
    if user.role in (Role.STAFF, Role.ADMIN):
        return notes.filter(author=user)
    return SafeguardingNote.objects.none()
