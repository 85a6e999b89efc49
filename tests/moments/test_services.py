"""Sharing a positive moment, without HTTP: the parents are told that a moment waits (never its words or photo), a
photo only with the family's consent for photos in the parent app, and the photos go when that consent ends."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from families import services as family_services
from families.models import Consent
from moments import services
from moments.models import Moment, MomentPhoto
from moments.selectors import moments_visible_to, photo_for, photos_allowed
from notifications.models import Kind, Notification
from privacy.services import family_erase
from tests import factories as f
from tests.moments.photos import jpeg_with_gps

pytestmark = pytest.mark.django_db


def _share(world, **kwargs):
    kwargs.setdefault("text", "Noor hielp vandaag een vriendje met zijn jas.")
    return services.moment_share(family=world.family, child=world.child, by=world.users["staff"], **kwargs)


def _with_email(user):
    user.email = f"{user.username}@example.org"
    user.save()
    return user


def test_sharing_tells_the_parents_with_a_link_and_never_the_words(world):
    _with_email(world.users["parent"])
    moment = _share(world)
    notification = Notification.objects.get(recipient=world.users["parent"])
    assert notification.kind == Kind.POSITIVE_MOMENT
    assert notification.link == moment.get_portal_url()
    assert "jas" not in notification.link and "jas" not in notification.event


def test_a_caregiver_whose_access_was_revoked_is_not_told(world):
    _with_email(world.users["parent"])
    world.caregiver.access_revoked_at = timezone.now()
    world.caregiver.save()
    _share(world)
    assert not Notification.objects.exists()


def test_the_world_family_gave_consent_for_photos(world):
    assert world.consent.topic == Consent.Topic.PHOTOS_INTERNAL and photos_allowed(world.family)


def test_a_photo_is_stored_re_encoded_with_consent(world):
    moment = _share(world, photo=jpeg_with_gps(size=(3000, 2000)))
    photo = MomentPhoto.objects.get(moment=moment)
    assert max(photo.width, photo.height) == 1600
    assert b"Exif" not in bytes(photo.data)


def test_a_photo_is_refused_without_consent_and_nothing_is_stored(world):
    family_services.consent_withdraw(consent=world.consent)
    with pytest.raises(ValidationError) as refused:
        _share(world, photo=jpeg_with_gps())
    assert "photo" in refused.value.message_dict
    assert Moment.objects.count() == 1 and not Notification.objects.exists()  # the world's moment only


def test_a_photo_is_refused_when_the_newest_record_says_no(world):
    family_services.consent_record(
        family=world.family,
        by=world.users["staff"],
        topic=Consent.Topic.PHOTOS_INTERNAL,
        given=False,
        recorded_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    assert not photos_allowed(world.family)
    with pytest.raises(ValidationError):
        _share(world, photo=jpeg_with_gps())


def test_a_consent_for_the_website_does_not_allow_photos_in_the_app(world):
    world.consent.delete()
    f.ConsentFactory(family=world.family, topic=Consent.Topic.PHOTOS_PUBLIC)
    assert not photos_allowed(world.family)


def test_withdrawing_the_consent_deletes_the_photos_and_keeps_the_texts(world):
    with_photo = _share(world, photo=jpeg_with_gps())
    other = f.FamilyFactory(organisation=world.organisation)
    other_child = f.ChildFactory(family=other)
    f.ConsentFactory(family=other)
    kept = services.moment_share(
        family=other, child=other_child, by=world.users["staff"], text="Ander gezin.", photo=jpeg_with_gps()
    )
    family_services.consent_withdraw(consent=world.consent)
    with_photo.refresh_from_db()
    assert not MomentPhoto.objects.filter(moment=with_photo).exists()
    assert with_photo.text.startswith("Noor") and with_photo.photo_removed_at is not None
    # Another family's consent still holds: its photo stays.
    assert MomentPhoto.objects.filter(moment=kept).exists()


def test_a_parent_cannot_share_a_moment(world):
    with pytest.raises(PermissionDenied):
        services.moment_share(family=world.family, child=world.child, by=world.users["parent"], text="Hallo")


def test_a_child_of_another_family_is_refused(world):
    other_child = f.ChildFactory(family=world.other_family)
    with pytest.raises(ValidationError):
        services.moment_share(family=world.family, child=other_child, by=world.users["staff"], text="Hallo")


@pytest.mark.parametrize("text", ["", "   ", "x" * 501, "nul\x00teken"])
def test_an_empty_too_long_or_odd_text_is_refused(world, text):
    before = Moment.objects.count()
    with pytest.raises(ValidationError):
        _share(world, text=text)
    assert Moment.objects.count() == before


def test_the_parent_reads_their_own_family_moments_only(world):
    moment = _share(world)
    other_child = f.ChildFactory(family=world.other_family)
    services.moment_share(family=world.other_family, child=other_child, by=world.users["coordinator"], text="Twee")
    seen = list(moments_visible_to(world.users["parent"]))
    assert moment in seen and all(m.family_id == world.family.pk for m in seen)
    assert not moments_visible_to(world.users["other_staff"]).exists()


def test_another_familys_photo_is_not_found(world):
    from django.http import Http404

    moment = _share(world, photo=jpeg_with_gps())
    assert photo_for(world.users["parent"], moment.pk).moment_id == moment.pk
    for role in ("other_parent", "other_staff"):
        with pytest.raises(Http404):
            photo_for(world.users[role], moment.pk)


def test_erasing_the_family_removes_its_moments_and_photos(world):
    _share(world, photo=jpeg_with_gps())
    family_erase(family=world.family, by=world.users["coordinator"], reason="request")
    assert not Moment.objects.filter(family_id=world.family.pk).exists() and not MomentPhoto.objects.exists()
