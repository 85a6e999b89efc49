"""The small set of pictograms an agreement can carry for who does what (success factor 22: creative ways to
explain; issue 17), so that a parent who reads little still sees the plan. Each is an SVG file shipped with the
app (static/pictograms/<key>.svg) with its word, which is also the picture's text alternative in the page's
language. A version keeps the keys it was written with; a key is never renamed or reused."""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

PICTOGRAMS = [
    ("eating", _("Eating and drinking")),
    ("sleeping", _("Sleeping")),
    ("outside", _("Playing outside")),
    ("reading", _("Reading a book")),
    ("talking", _("Talking together")),
    ("bringing", _("Bringing and collecting")),
    ("toilet", _("Toilet and nappy")),
    ("clothes", _("Clothes")),
    ("medicine", _("Medicine")),
    ("calm", _("Calm corner")),
    ("phone", _("Phone call")),
    ("meeting", _("Meeting")),
    ("home", _("At home")),
    ("group", _("At the group")),
]
CHOICES = PICTOGRAMS
KEYS = [key for key, _label in PICTOGRAMS]
LABELS = dict(PICTOGRAMS)

# The sides of an agreement, each with its field of pictograms, in reading order.
SIDES = [
    ("parents_pictograms", _("The parents do")),
    ("staff_pictograms", _("We (the team) do")),
    ("child_pictograms", _("The child does")),
]
FIELDS = tuple(name for name, _label in SIDES)


@dataclass(frozen=True)
class Pictogram:
    key: str
    label: str

    @property
    def url(self) -> str:
        return static(f"pictograms/{self.key}.svg")


def pictograms(keys) -> list[Pictogram]:
    """The known pictograms among `keys`, in the set's order (an unknown key is ignored, never shown raw)."""
    chosen = set(keys or ())
    return [Pictogram(key, LABELS[key]) for key in KEYS if key in chosen]
