"""A photo is re-encoded before it is stored: bounded in size, turned upright, without any of its metadata;
anything that is not a photo, or is too large, is refused by its content, whatever its name says."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from moments.images import MAX_SIDE, MAX_UPLOAD_BYTES, reencode
from tests.moments.photos import GPS_IFD, jpeg_with_gps, png


def test_the_test_photo_really_carries_a_gps_location():
    with Image.open(jpeg_with_gps()) as original:
        assert original.getexif().get_ifd(GPS_IFD)


def test_exif_and_gps_are_stripped():
    photo = reencode(jpeg_with_gps())
    with Image.open(io.BytesIO(photo.data)) as clean:
        assert clean.format == "JPEG"
        assert not clean.getexif()
        assert not clean.getexif().get_ifd(GPS_IFD)
        assert "exif" not in clean.info and "comment" not in clean.info and "icc_profile" not in clean.info
    assert b"Exif" not in photo.data and b"Telefoon" not in photo.data and b"kinderopvang" not in photo.data


def test_a_large_photo_is_bounded_on_its_longest_side():
    photo = reencode(jpeg_with_gps(size=(4000, 3000)))
    assert (photo.width, photo.height) == (MAX_SIDE, 1200)
    with Image.open(io.BytesIO(photo.data)) as clean:
        assert clean.size == (MAX_SIDE, 1200)


def test_a_small_photo_keeps_its_size():
    photo = reencode(jpeg_with_gps(size=(300, 200)))
    assert (photo.width, photo.height) == (300, 200)


def test_the_exif_orientation_is_applied_before_it_is_dropped():
    # Orientation 6: the camera held on its side; the stored photo is upright without needing the tag.
    photo = reencode(jpeg_with_gps(size=(200, 100), orientation=6))
    assert (photo.width, photo.height) == (100, 200)


def test_a_png_with_transparency_becomes_a_jpeg():
    photo = reencode(png())
    with Image.open(io.BytesIO(photo.data)) as clean:
        assert clean.format == "JPEG" and clean.mode == "RGB"


@pytest.mark.parametrize(
    "content",
    [b"not a photo at all", b"\x89PNG\r\n\x1a\n\x00\x00\x00", b"<svg xmlns='http://www.w3.org/2000/svg'/>", b""],
)
def test_a_file_that_is_not_a_photo_is_refused_whatever_its_name(content):
    with pytest.raises(ValidationError):
        reencode(SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg"))


def test_a_file_over_ten_megabytes_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"\x00" * MAX_UPLOAD_BYTES, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="10 MB"):
        reencode(upload)


def test_a_picture_that_claims_too_many_pixels_is_refused():
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, format="PNG")  # small file, 81 million pixels
    with pytest.raises(ValidationError):
        reencode(SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png"))
