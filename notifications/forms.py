from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Frequency
from partnership.forms import CrispyFormMixin


class PreferenceForm(CrispyFormMixin, forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail me when something new is waiting for me"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
