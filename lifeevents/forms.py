from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifeevents.models import DESCRIPTION_LIMIT, Kind
from partnership.forms import CrispyFormMixin, DateInput


class LifeEventForm(CrispyFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=Kind.choices)
    description = forms.CharField(
        label=_("In a few words"),
        max_length=DESCRIPTION_LIMIT,
        help_text=_("What colleagues need to know to understand the child or the parent now. No more than that."),
    )
    happened_on = forms.DateField(label=_("Date"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Shows until (optional)"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Empty: it fades by itself: a move or an illness after 3 months, a new baby or a lost job after 6 "
            "months, a bereavement or a separation after 12 months, anything else after 3 months."
        ),
    )
    parents_know = forms.BooleanField(
        label=_("The parents know that this is noted here"),
        help_text=_("Note a life event only with the parents' knowledge: ask them first."),
        error_messages={"required": _("Note a life event only when the parents know it is noted.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_on"].initial = timezone.localdate()


class EndDateForm(CrispyFormMixin, forms.Form):
    ends_on = forms.DateField(label=_("Shows until"), widget=DateInput())
