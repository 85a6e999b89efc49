"""An uploaded photo, checked by its content (not its name) and re-encoded: at most MAX_SIDE pixels on its
longest side, as a JPEG written without any of the original's metadata (EXIF, GPS location, comments, colour
profile), turned upright first so that dropping the EXIF orientation does not turn it on its side."""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
# A small file can claim a huge picture (a "decompression bomb"): refuse anything a phone would not make.
MAX_PIXELS = 60_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
JPEG_QUALITY = 82

NOT_AN_IMAGE = _("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.")
TOO_LARGE = _("The photo is too large: at most 10 MB.")


@dataclass(frozen=True)
class Photo:
    data: bytes
    width: int
    height: int


def reencode(upload) -> Photo:
    """The upload as a clean JPEG, or ValidationError. `upload` is a file-like object (an UploadedFile)."""
    size = getattr(upload, "size", None)
    if size is None or size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as original:
                if original.format not in ACCEPTED_FORMATS:
                    raise ValidationError(NOT_AN_IMAGE)
                if original.width * original.height > MAX_PIXELS:
                    raise ValidationError(NOT_AN_IMAGE)
                original.load()
                image = ImageOps.exif_transpose(original)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError,
            ValueError, SyntaxError):  # fmt: skip
        raise ValidationError(NOT_AN_IMAGE) from None
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image with only the pixels: nothing of the original's info (EXIF, ICC, comments) can travel along.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Photo(out.getvalue(), clean.width, clean.height)
