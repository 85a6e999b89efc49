"""Demo positive moments: every family that is in regular contact heard something positive about its child in the
last weeks (the families that went quiet did not: their health shows it), the demo parent's family a few, one
with a small drawn photo where the family's consent for photos allows it; and pictograms on the demo parent's
agreement, so that the portal shows the plan in pictures."""

import datetime
import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from agreements.models import Agreement, AgreementVersion
from demo import data
from moments.models import Moment
from moments.selectors import photos_allowed
from moments.services import moment_share

TEXTS = [
    "{name} hielp vandaag een jonger kindje met het aantrekken van de jas. Wat lief!",
    "{name} heeft vandaag voor het eerst helemaal zelf de beker ingeschonken.",
    "{name} bouwde met de blokken een hoge toren en was er heel trots op.",
    "{name} zong bij de kring het liedje van de week helemaal mee.",
    "{name} heeft vandaag lekker buiten gespeeld in de zandbak en samen een taart gebakken.",
    "{name} troostte een vriendje dat verdrietig was. Mooi om te zien.",
]
# The demo parents' families: a few moments each, so the portal shows what a parent sees.
PARENT_FAMILIES = {family for family, _first in data.PARENT_LOGINS.values()}
PICTOGRAMS = {"parents_pictograms": ["bringing", "home"], "staff_pictograms": ["sleeping", "reading"]}


def _drawing() -> SimpleUploadedFile:
    """A small picture of a block tower, made here: the demo ships no photos of children."""
    image = Image.new("RGB", (640, 480), (234, 244, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 400, 640, 480), fill=(196, 164, 120))
    for level, colour in enumerate([(220, 60, 60), (60, 140, 220), (250, 200, 40), (80, 170, 90), (230, 120, 30)]):
        draw.rectangle((270 + level * 4, 340 - level * 60, 370 - level * 4, 400 - level * 60), fill=colour)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return SimpleUploadedFile("toren.jpg", out.getvalue(), content_type="image/jpeg")


def _share(family, child, author, text, days_ago, photo=None) -> Moment:
    moment = moment_share(family=family, child=child, by=author, text=text, photo=photo)
    Moment.objects.filter(pk=moment.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    return moment


def seed_moments(families, today: datetime.date, rng: random.Random) -> None:
    for family in families:
        if family.name in data.QUIET or family.name == data.NEW_FAMILY:
            continue
        children = [child for child in family.children.all() if child.mentor_id]
        if not children:
            continue
        count = 3 if family.name in PARENT_FAMILIES else 1
        for number, text in enumerate(rng.sample(TEXTS, count)):
            child = children[number % len(children)]
            text = text.format(name=child.first_name)
            photo = _drawing() if number == 0 and family.name in PARENT_FAMILIES and photos_allowed(family) else None
            # The newest within the signal's 30 days; the others older.
            days_ago = rng.randint(1, 25) if number == 0 else rng.randint(2, 60)
            _share(family, child, child.mentor, text, days_ago=days_ago, photo=photo)
        if family.name == data.PARENT_LOGINS["parent"][0]:
            # The plan in pictures on the demo parent's first agreement, as written with its version.
            agreement = Agreement.objects.filter(family=family).order_by("pk").first()
            if agreement is not None:
                AgreementVersion.objects.filter(pk=agreement.current_id).update(**PICTOGRAMS)
