from django import forms
from django.utils.translation import gettext_lazy as _

from health.models import Level, Signal
from partnership.forms import CrispyFormMixin, DateInput


class DashboardFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name of parent or child"), required=False, max_length=100)
    location = forms.ModelChoiceField(label=_("Location"), queryset=None, required=False)
    group = forms.ModelChoiceField(label=_("Group"), queryset=None, required=False)
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None, required=False)
    signal = forms.ChoiceField(label=_("Signal"), choices=[("", _("All signals")), *Signal.choices], required=False)
    messages = forms.ChoiceField(
        label=_("Parents' messages"),
        choices=[("", _("All families")), ("unanswered", _("With unanswered messages"))],
        required=False,
    )
    status = forms.TypedChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, locations, groups, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["group"].queryset = groups
        self.fields["mentor"].queryset = mentors
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"


class AcknowledgeForm(CrispyFormMixin, forms.Form):
    signal = forms.ChoiceField(choices=Signal.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Seen: why no action is needed now"),
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. discussed in the team; mentor calls next week")}),
    )


class GiveTimeForm(CrispyFormMixin, forms.Form):
    """Trust takes time: hold a signal on purpose, with the reason and a day to look again."""

    signal = forms.ChoiceField(choices=Signal.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why we give this time"),
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. the mother needs time after a bad experience")}),
    )
    look_again_on = forms.DateField(label=_("Look again on"), widget=DateInput())
