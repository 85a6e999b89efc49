"""The organisation admin's import runs and saved column mappings: their own organisation's only (another's is
a 404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Role
from imports.models import ImportMapping, ImportRun


def _admin_organisation(user) -> int | None:
    return user.organisation_id if user.role == Role.ADMIN else None


def runs_for(user) -> QuerySet[ImportRun]:
    organisation = _admin_organisation(user)
    if organisation is None:
        return ImportRun.objects.none()
    return ImportRun.objects.filter(organisation_id=organisation).select_related("created_by").defer("content")


def run_for(user, pk: int) -> ImportRun:
    return get_object_or_404(runs_for(user), pk=pk)


def run_status_for(user, pk: int) -> ImportRun:
    """Only what the progress bar needs: polled every second, it must stay cheap."""
    runs = runs_for(user).select_related(None).only("status", "processed_rows", "total_rows", "organisation_id")
    return get_object_or_404(runs, pk=pk)


def mappings_for(user) -> QuerySet[ImportMapping]:
    organisation = _admin_organisation(user)
    if organisation is None:
        return ImportMapping.objects.none()
    return ImportMapping.objects.filter(organisation_id=organisation)


def mapping_for(user, pk: int) -> ImportMapping:
    return get_object_or_404(mappings_for(user), pk=pk)
