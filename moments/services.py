"""Writes of positive moments. Sharing one tells the parents through the outbox (notifications.services.notify)
that a moment waits, with a link: never the words, never the photo. A photo is stored only while the family's
consent for photos in the parent app holds; when it ends, the photos already shared are deleted and the texts
stay (photos_follow_consent, called by families.services)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from families.models import Caregiver, Child, Family
from moments.images import reencode
from moments.models import TEXT_LIMIT, Moment, MomentPhoto
from moments.selectors import photos_allowed
from notifications.models import Kind as NotificationKind
from notifications.services import notify

NO_PHOTO_CONSENT = _(
    "The parents have not given consent for photos in the parent app: share the moment without a photo."
)


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the moment in a sentence or two.")})
    if len(text) > TEXT_LIMIT:
        raise ValidationError({"text": _("At most %(n)d characters.") % {"n": TEXT_LIMIT}})
    if "\x00" in text:
        raise ValidationError({"text": _("The text contains a character that cannot be stored.")})
    return text


@transaction.atomic
def moment_share(*, family: Family, child: Child, by, text: str, photo=None) -> Moment:
    """`photo` is an uploaded file or None. The family must be one the caller may change (the view looks it up
    in the user's scope); the child must be of the family."""
    if by is None or not by.is_authenticated or by.role == Role.PARENT:
        raise PermissionDenied
    if family.archived_on:
        raise ValidationError(_("This family is archived."))
    if child.family_id != family.pk:
        raise ValidationError(_("Choose a child of this family."))
    text = _text(text)
    clean = None
    if photo is not None:
        if not photos_allowed(family):
            raise ValidationError({"photo": NO_PHOTO_CONSENT})
        try:
            clean = reencode(photo)
        except ValidationError as error:
            raise ValidationError({"photo": error.messages}) from None
    moment = Moment.objects.create(family=family, child=child, author=by, text=text)
    if clean is not None:
        MomentPhoto.objects.create(moment=moment, data=clean.data, width=clean.width, height=clean.height)
    _tell_the_parents(moment)
    return moment


def _tell_the_parents(moment: Moment) -> None:
    caregivers = Caregiver.objects.filter(
        family_id=moment.family_id, user__isnull=False, access_revoked_at__isnull=True
    ).select_related("user")
    for caregiver in caregivers:
        notify(
            recipient=caregiver.user,
            kind=NotificationKind.POSITIVE_MOMENT,
            event=f"moment:{moment.pk}",
            link=moment.get_portal_url(),
        )


@transaction.atomic
def photos_follow_consent(*, family: Family) -> int:
    """When the family's consent for photos in the parent app no longer holds, its moments' photos are deleted
    (the texts stay, marked "photo removed"). Returns how many photos were deleted."""
    if photos_allowed(family):
        return 0
    photos = MomentPhoto.objects.filter(moment__family=family)
    moment_ids = list(photos.values_list("moment_id", flat=True))
    if not moment_ids:
        return 0
    photos.delete()
    Moment.objects.filter(pk__in=moment_ids).update(photo_removed_at=timezone.now())
    return len(moment_ids)
