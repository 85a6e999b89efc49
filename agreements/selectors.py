"""Which agreements a user may read. Parents never see drafts, nor versions that were never proposed."""

from django.db.models import Case, Count, F, Prefetch, QuerySet, When
from django.shortcuts import get_object_or_404

from accounts.models import Role
from agreements.gezag import with_portal_use
from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Status
from families.models import Caregiver
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


def _caregivers() -> Prefetch:
    """The family's caregivers, each marked whether they use the portal, for where each one's akkoord stands."""
    return Prefetch(
        "family__caregivers", queryset=with_portal_use(Caregiver.objects.all()), to_attr="akkoord_caregivers"
    )


def portal_akkoord_caregivers(agreement) -> QuerySet[Caregiver]:
    """For a parent's page: of the family's caregivers only the first name, gezag and whether they use the
    portal (where each one's akkoord stands), never their contact details."""
    caregivers = Caregiver.objects.filter(family_id=agreement.family_id).only(
        "first_name", "family_id", "has_parental_authority"
    )
    return with_portal_use(caregivers)


def family_agreements(user, family) -> QuerySet[Agreement]:
    """The family's agreements for the family page: open ones first, with how many threads the parents started
    about each."""
    return (
        agreements_visible_to(user)
        .filter(family=family)
        .select_related("child", "current")
        .prefetch_related(Prefetch("current__confirmations", queryset=Confirmation.objects.select_related("caregiver")))
        .annotate(
            thread_count=Count("threads"),
            closed=Case(When(status=Status.CLOSED, then=1), default=0),
        )
        .order_by("closed", F("evaluation_on").asc(nulls_last=True), "-pk")
    )


def agreement_for(user, family_pk: int, pk: int) -> Agreement:
    """One agreement with its versions, confirmations and evaluations, or 404 (its threads: threads.selectors)."""
    versions = AgreementVersion.objects.select_related("created_by").prefetch_related(_confirmations())
    queryset = (
        agreements_visible_to(user)
        .select_related("family__organisation", "child", "current", "created_by")
        .prefetch_related(
            _caregivers(),
            Prefetch("versions", queryset=versions),
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
    """A parent's agreement: only proposed versions (the family's threads about it: threads.selectors)."""
    queryset = (
        agreements_visible_to(user).select_related("child", "current").prefetch_related(_confirmations_of_versions())
    )
    return get_object_or_404(queryset, pk=pk)
