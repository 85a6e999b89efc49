"""Receivers: every login, however it happened, starts the session's clocks and the person's language; every save
of an inactive user ends that user's sessions."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts import services, sessions
from accounts.models import User
from accounts.selectors import has_two_factor
from partnership import languages


@receiver(user_logged_in)
def start_session_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.mark_login(request.session)
        request.session[sessions.HAS_TWO_FACTOR] = has_two_factor(user)


@receiver(user_logged_in)
def use_the_persons_language(sender, request, user, **kwargs):
    # A parent reads the portal in the language they chose (or staff chose for them when inviting).
    languages.on_login(request, user)


@receiver(post_save, sender=User)
def end_sessions_of_inactive_user(sender, instance, created, update_fields=None, **kwargs):
    """The auth middleware already refuses an inactive user's session on its next request; this also removes
    the sessions from the store, whichever way the account was deactivated (the service, the Django admin, the
    portal's revoke)."""
    if created or instance.is_active:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    services.sessions_end(user=instance)
