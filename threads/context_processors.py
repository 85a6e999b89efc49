"""The unread count in the navigation: for a parent, threads with an answer they have not read; for staff,
parents' messages waiting for an answer in their families. One query, and only on a page that shows it."""

from django.utils.functional import SimpleLazyObject

from accounts.models import Role
from threads.selectors import portal_unread_count, waiting_count


def unread(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = portal_unread_count if user.role == Role.PARENT else waiting_count
    return {"threads_unread": SimpleLazyObject(lambda: count(user))}
