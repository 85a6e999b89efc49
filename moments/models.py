"""Positive moments (success factors 1, 31, 37 and 39: information and positive feedback about the child, a
positive basic attitude, reciprocity between home and group): a staff member shares a short, concrete moment of
the child's day with the parents, with a photo only while the family's consent for photos in the parent app
holds.

The photo lives in the database (the app runs on more than one server: no media folder) in its own model, which
is not tracked by django-pghistory on purpose: a copy of the bytes in the history would outlive the withdrawal
of the consent. A moment's text is tracked like the rest of the family's file."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_LIMIT = 500


@pghistory.track()
class Moment(models.Model):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="moments")
    child = models.ForeignKey(
        "families.Child", verbose_name=_("child"), on_delete=models.CASCADE, related_name="moments"
    )
    # Kept when the account goes: the moment is the family's.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("shared by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("the moment"), max_length=TEXT_LIMIT)
    created_at = models.DateTimeField(_("shared at"), default=timezone.now)
    # When the photo was removed because the consent for photos ended; the text stays.
    photo_removed_at = models.DateTimeField(_("photo removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("positive moment")
        verbose_name_plural = _("positive moments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["family", "-created_at"])]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="moment_not_empty")]

    # Its name shows up in logs and Django's admin: never the words of the moment.
    def __str__(self):
        return _("Positive moment %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("moments:family", args=[self.family_id]) + f"#moment-{self.pk}"

    def get_portal_url(self):
        return reverse("moments:portal_list") + f"#moment-{self.pk}"


class MomentPhoto(models.Model):
    """The photo of a moment, re-encoded as a JPEG of bounded size without metadata (moments/images.py). Served
    only through `moments:photo`, which checks who asks."""

    moment = models.OneToOneField(Moment, verbose_name=_("moment"), on_delete=models.CASCADE, related_name="photo")
    data = models.BinaryField(_("photo"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo of a positive moment")
        verbose_name_plural = _("photos of positive moments")

    def __str__(self):
        return _("Photo of positive moment %(pk)s") % {"pk": self.moment_id}
