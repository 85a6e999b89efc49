"""Erasing a family's file: on the parents' request (AVG article 17) or at the end of the organisation's retention
period (`manage.py apply_retention`). One transaction: either everything goes, or nothing."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DEFAULT_DB_ALIAS, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.services import sessions_end
from families.models import Family
from privacy.erasure_sql import erase_history
from privacy.graph import live_rows, parent_accounts
from privacy.models import ErasureRecord


class ErasureRefused(ValidationError):
    pass


@transaction.atomic
def family_erase(*, family: Family, by: User | None, reason: str) -> ErasureRecord:
    """Delete the family and everything that belongs to it: every row that depends on it, its parents' portal
    accounts with their sessions and login records, then (privacy/erasure_sql.py) its history, its access log
    and their request contexts. What remains is an ErasureRecord with counts only."""
    family_pk, organisation_pk = family.pk, family.organisation_id
    # Two erasures of one family at once (a coordinator and the retention run): the second waits here, then
    # finds nothing to erase.
    if not Family.objects.select_for_update().filter(pk=family_pk).exists():
        raise ErasureRefused(_("This file has already been erased."))
    users = parent_accounts(family)
    found = live_rows(family=family, users=users)
    if found.protected:
        raise ErasureRefused(
            _("The file cannot be erased: other records still refer to it (%(what)s).")
            % {"what": ", ".join(sorted(set(found.protected)))}
        )
    for user in users:
        sessions_end(user=user)
    _forget_logins([user.username for user in users])
    _forget_notifications(family_pk)
    _forget_admin_log(found.rows)
    for model, fk, pks in found.set_null:
        model._base_manager.filter(pk__in=pks).update(**{fk.attname: None})
    counts = {}
    # Raw deletes in any order: the foreign keys are checked at commit (PostgreSQL, DEFERRABLE INITIALLY
    # DEFERRED), when every row that pointed at a deleted one is gone too.
    for model, pks in found.rows.items():
        if pks:
            deleted = model._base_manager.filter(pk__in=pks)._raw_delete(DEFAULT_DB_ALIAS)
            if not model._meta.auto_created:
                counts[model._meta.label] = deleted
    record_pk = erase_history(family_pk=family_pk, organisation_pk=organisation_pk, by=by, reason=reason, counts=counts)
    return ErasureRecord.objects.get(pk=record_pk)


def _forget_logins(usernames: list[str]) -> None:
    """django-axes keeps failed and successful logins by username (the login log of the admin's page)."""
    if not usernames or not apps.is_installed("axes"):
        return
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        for username in usernames:
            model._base_manager.filter(username__iexact=username).delete()


def _forget_notifications(family_pk: int) -> None:
    """Notifications to staff that link to the family's pages (the parents' own go with their accounts)."""
    if not apps.is_installed("notifications"):
        return
    try:
        model = apps.get_model("notifications", "Notification")
        model._meta.get_field("link")
    except (LookupError, FieldDoesNotExist):
        return
    model._base_manager.filter(link__startswith=reverse("families:detail", args=[family_pk])).delete()


def _forget_admin_log(rows: dict) -> None:
    """The Django admin's log names the objects it changed (object_repr): those of the file go."""
    if not apps.is_installed("django.contrib.admin"):
        return
    log_entry = apps.get_model("admin", "LogEntry")
    for model, pks in rows.items():
        if pks and not model._meta.auto_created:
            content_type = ContentType.objects.get_for_model(model)
            log_entry.objects.filter(content_type=content_type, object_id__in=[str(pk) for pk in pks]).delete()
