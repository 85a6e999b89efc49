"""Photos made in the tests: a JPEG with EXIF (a GPS location, an orientation, a camera) as a phone makes it."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def jpeg_with_gps(size=(200, 100), *, orientation=1, name="photo.jpg") -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[MAKE] = "Telefoon 9"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (52.0, 5.0, 30.0)  # GPSLatitude: somewhere in Utrecht
    gps[3] = "E"
    gps[4] = (5.0, 7.0, 10.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"kinderopvang")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png(size=(64, 64)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 128, 0, 128)).save(out, format="PNG")
    return SimpleUploadedFile("drawing.png", out.getvalue(), content_type="image/png")
