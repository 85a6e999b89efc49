from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import Role
from contacts.models import ContactMoment
from organisations.models import Location
from reflection.models import PulseAnswered, PulseResponse, Reflection
from reflection.selectors import month_of, pulse_locations


def _location_for(contact: ContactMoment, author) -> Location | None:
    """The author's location where the family's child is placed; else the author's first location."""
    locations = Location.objects.filter(groups__memberships__user=author).order_by("name")
    return (
        locations.filter(groups__placements__child__family_id=contact.family_id).first()
        or locations.first()
        or Location.objects.filter(assignments__user=author).order_by("name").first()
    )


@transaction.atomic
def reflection_save(
    *, contact: ContactMoment, by, assumed: str, parent_need: str, moved: str, reflection: Reflection | None = None
) -> Reflection:
    if contact.author_id != by.pk or (reflection is not None and reflection.author_id != by.pk):
        raise PermissionDenied
    texts = {"assumed": assumed.strip(), "parent_need": parent_need.strip(), "moved": moved.strip()}
    if not any(texts.values()):
        raise ValidationError(_("Answer at least one of the three questions."))
    if reflection is None:
        reflection = Reflection(
            author=by, contact=contact, location=_location_for(contact, by), month=month_of(), **texts
        )
    else:
        for name, value in texts.items():
            setattr(reflection, name, value)
    reflection.save()
    return reflection


@transaction.atomic
def reflection_delete(*, reflection: Reflection, by) -> None:
    if reflection.author_id != by.pk:
        raise PermissionDenied
    reflection.delete()


@transaction.atomic
def pulse_answer(*, by, location: Location, relatie: int, competentie: int, autonomie: int) -> None:
    """Stores the scores without the user, and apart from them that the user answered this month."""
    if by.role != Role.STAFF:
        raise PermissionDenied
    if not pulse_locations(by).filter(pk=location.pk).exists():
        raise ValidationError({"location": _("Choose one of your own locations.")})
    month = month_of()
    try:
        with transaction.atomic():
            PulseAnswered.objects.create(user=by, month=month)
    except IntegrityError:
        raise ValidationError(_("You already answered the pulse this month. Thank you!")) from None
    PulseResponse.objects.create(
        location=location, month=month, relatie=relatie, competentie=competentie, autonomie=autonomie
    )
