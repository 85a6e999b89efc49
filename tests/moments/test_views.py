"""The pages of positive moments per role: staff share one from the staff home in two taps, parents read them in
the portal, and the photo goes only to the family's parents and the staff who see the family, never cached."""

import pytest
from django.conf import settings
from django.urls import reverse

from families import services as family_services
from moments import services
from moments.models import Moment, MomentPhoto
from tests.moments.photos import jpeg_with_gps

pytestmark = pytest.mark.django_db


def _share(world, **kwargs):
    kwargs.setdefault("text", "Noor bouwde een hoge toren.")
    return services.moment_share(family=world.family, child=world.child, by=world.users["staff"], **kwargs)


def test_the_staff_home_has_a_positive_moment_button_per_child(world, client_for):
    page = client_for("staff").get(reverse("families:mine")).content.decode()
    assert reverse("moments:share", args=[world.family.pk, world.child.pk]) in page


def test_staff_share_a_moment_in_two_taps_and_go_back_home(world, client_for):
    client = client_for("staff")
    home = reverse("families:mine")
    url = reverse("moments:share", args=[world.family.pk, world.child.pk]) + f"?next={home}"
    form = client.get(url)
    assert form.status_code == 200 and 'name="photo"' in form.content.decode()
    response = client.post(url, {"text": "Noor hielp met opruimen.", "next": home})
    assert response.status_code == 302 and response["Location"] == home
    moment = Moment.objects.get(text="Noor hielp met opruimen.")
    assert (moment.child, moment.author, moment.text) == (world.child, world.users["staff"], "Noor hielp met opruimen.")


def test_staff_share_a_moment_with_a_photo(world, client_for):
    url = reverse("moments:share", args=[world.family.pk, world.child.pk])
    client_for("staff").post(url, {"text": "Met foto.", "photo": jpeg_with_gps()})
    assert MomentPhoto.objects.filter(moment__text="Met foto.").exists()


def test_the_form_has_no_photo_field_without_consent_and_a_forged_photo_is_ignored(world, client_for):
    family_services.consent_withdraw(consent=world.consent)
    client = client_for("staff")
    url = reverse("moments:share", args=[world.family.pk, world.child.pk])
    assert 'name="photo"' not in client.get(url).content.decode()
    client.post(url, {"text": "Zonder foto.", "photo": jpeg_with_gps()})
    assert Moment.objects.filter(text="Zonder foto.").exists() and not MomentPhoto.objects.exists()


def test_a_text_that_is_too_long_shows_the_form_again(world, client_for):
    url = reverse("moments:share", args=[world.family.pk, world.child.pk])
    response = client_for("staff").post(url, {"text": "x" * 501})
    assert response.status_code == 400 and Moment.objects.count() == 1  # the world's moment only


def test_a_non_image_photo_is_refused_in_the_form(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("moments:share", args=[world.family.pk, world.child.pk])
    fake = SimpleUploadedFile("photo.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client_for("staff").post(url, {"text": "Hallo", "photo": fake})
    assert response.status_code == 400 and Moment.objects.count() == 1  # the world's moment only


def test_staff_cannot_share_for_a_child_of_another_family(world, client_for):
    from tests import factories as f

    other_child = f.ChildFactory(family=world.other_family)
    url = reverse("moments:share", args=[world.family.pk, other_child.pk])
    assert client_for("staff").post(url, {"text": "Hallo"}).status_code == 404
    assert not Moment.objects.filter(text="Hallo").exists()


def test_the_parent_sees_moments_on_the_portal_home_and_the_list(world, client_for):
    moment = _share(world, photo=jpeg_with_gps())
    client = client_for("parent")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    for url in (reverse("portal:home"), reverse("moments:portal_list")):
        page = client.get(url).content.decode()
        assert "Noor bouwde een hoge toren." in page
        assert reverse("moments:photo", args=[moment.pk]) in page


def test_the_other_parent_does_not_see_the_moment(world, client_for):
    _share(world)
    page = client_for("other_parent").get(reverse("moments:portal_list")).content.decode()
    assert "hoge toren" not in page


def test_the_photo_is_served_to_the_parent_without_caching(world, client_for):
    moment = _share(world, photo=jpeg_with_gps())
    response = client_for("parent").get(reverse("moments:photo", args=[moment.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"\xff\xd8") and b"Exif" not in response.content


@pytest.mark.parametrize("role", ["other_parent", "other_staff"])
def test_another_familys_photo_is_not_found(world, client_for, role):
    moment = _share(world, photo=jpeg_with_gps())
    assert client_for(role).get(reverse("moments:photo", args=[moment.pk])).status_code == 404


def test_a_removed_photo_is_not_found_and_the_text_says_why(world, client_for):
    moment = _share(world, photo=jpeg_with_gps())
    family_services.consent_withdraw(consent=world.consent)
    client = client_for("parent")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(reverse("moments:photo", args=[moment.pk])).status_code == 404
    page = client.get(reverse("moments:portal_list")).content.decode()
    assert "The photo was removed" in page and "hoge toren" in page


def test_the_staff_page_of_a_family_lists_its_moments(world, client_for):
    _share(world)
    page = client_for("coordinator").get(reverse("moments:family", args=[world.family.pk])).content.decode()
    assert "hoge toren" in page


def test_the_portal_list_loads_in_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    for number in range(5):
        _share(world, text=f"Moment {number}", photo=jpeg_with_gps() if number % 2 else None)
    client = client_for("parent")
    with django_assert_max_num_queries(12):
        client.get(reverse("moments:portal_list"))
