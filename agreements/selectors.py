"""Which agreements a user may read. Parents never see drafts, nor versions that were never proposed."""

from django.db.models import Case, Count, F, Prefetch, QuerySet, When
from django.shortcuts import get_object_or_404

from accounts.models import Role
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Reaction, Status
from families.selectors import families_visible_to


def agreements_visible_to(user) -> QuerySet[Agreement]:
    if not user.is_authenticated:
        return Agreement.objects.none()
    agreements = Agreement.objects.filter(family__in=families_visible_to(user))
    if user.role == Role.PARENT:
        agreements = agreements.exclude(status=Status.DRAFT)
    return agreements


def _confirmations() -> Prefetch:
    return Prefetch("confirmations", queryset=Confirmation.objects.select_related("caregiver", "contact"))


def family_agreements(user, family) -> QuerySet[Agreement]:
    """The family's agreements for the family page: open ones first, with what the parents said."""
    return (
        agreements_visible_to(user)
        .filter(family=family)
        .select_related("child", "current")
        .prefetch_related(Prefetch("current__confirmations", queryset=Confirmation.objects.select_related("caregiver")))
        .annotate(
            reaction_count=Count("reactions"),
            closed=Case(When(status=Status.CLOSED, then=1), default=0),
        )
        .order_by("closed", F("evaluation_on").asc(nulls_last=True), "-pk")
    )


def agreement_for(user, family_pk: int, pk: int) -> Agreement:
    """One agreement with its versions, confirmations, reactions and evaluations, or 404."""
    versions = AgreementVersion.objects.select_related("created_by").prefetch_related(_confirmations())
    queryset = (
        agreements_visible_to(user)
        .select_related("family", "child", "current", "created_by")
        .prefetch_related(
            Prefetch("versions", queryset=versions),
            Prefetch("reactions", queryset=Reaction.objects.select_related("caregiver", "version")),
            Prefetch("evaluations", queryset=Evaluation.objects.select_related("contact__author", "version")),
        )
    )
    return get_object_or_404(queryset, family_id=family_pk, pk=pk)


def portal_agreements(user) -> QuerySet[Agreement]:
    return (
        agreements_visible_to(user)
        .select_related("child", "current")
        .prefetch_related(_confirmations_of_versions())
        .order_by("-updated_at", "-pk")
    )


def _confirmations_of_versions() -> Prefetch:
    proposed = AgreementVersion.objects.filter(proposed_at__isnull=False).prefetch_related(_confirmations())
    return Prefetch("versions", queryset=proposed, to_attr="proposed_versions")


def portal_agreement_for(user, pk: int) -> Agreement:
    """A parent's agreement: only proposed versions, the reactions of the family."""
    queryset = (
        agreements_visible_to(user)
        .select_related("child", "current")
        .prefetch_related(
            _confirmations_of_versions(),
            Prefetch("reactions", queryset=Reaction.objects.select_related("caregiver", "version")),
        )
    )
    return get_object_or_404(queryset, pk=pk)
