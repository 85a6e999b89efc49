"""Who reads which positive moments. A parent reads those of their own family, staff those of the families they
see (families.selectors.families_visible_to); a moment or photo of another family is a 404. Lists never load a
photo's bytes: they ask only whether there is one."""

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from families.models import Consent, Family
from families.selectors import families_visible_to
from moments.models import Moment, MomentPhoto

PORTAL_HOME_MOMENTS = 3


def photos_allowed(family: Family) -> bool:
    """The family's newest record on photos in the parent app says yes and was not withdrawn."""
    newest = (
        Consent.objects.filter(family=family, topic=Consent.Topic.PHOTOS_INTERNAL)
        .order_by("-recorded_on", "-pk")
        .only("given", "withdrawn_on")
        .first()
    )
    return newest is not None and newest.is_active


def moments_visible_to(user) -> QuerySet[Moment]:
    if not user.is_authenticated:
        return Moment.objects.none()
    return (
        Moment.objects.filter(family__in=families_visible_to(user))
        .select_related("child", "author")
        .annotate(has_photo=Exists(MomentPhoto.objects.filter(moment=OuterRef("pk"))))
        .order_by("-created_at", "-pk")
    )


def family_moments(user, family: Family) -> QuerySet[Moment]:
    return moments_visible_to(user).filter(family=family)


def photo_for(user, moment_pk: int) -> MomentPhoto:
    visible = Moment.objects.filter(family__in=families_visible_to(user)) if user.is_authenticated else []
    return get_object_or_404(MomentPhoto.objects.filter(moment__in=visible), moment_id=moment_pk)


def child_for_moment(family: Family, child_pk: int):
    return get_object_or_404(family.children.all(), pk=child_pk)
