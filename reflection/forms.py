from crispy_forms.bootstrap import InlineRadios
from crispy_forms.layout import Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.forms import count_characters
from partnership.forms import CrispyFormMixin
from reflection.models import Reflection

PRIVATE = _("Only you read this: not your colleagues, not the coordinator, not the organisation admin.")


def _text_area():
    return forms.Textarea(attrs={"rows": 3})


class ReflectionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["assumed", "parent_need", "moved"]
        help_texts = {
            "assumed": _("About the parent, the child or the situation, before or during the contact."),
            "parent_need": _("What was behind what they said or did? Behaviour is often a reaction to stress."),
            "moved": _("What touched you, annoyed you or stayed with you? Professional closeness is allowed."),
        }
        widgets = {"assumed": _text_area(), "parent_need": _text_area(), "moved": _text_area()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            count_characters(self.fields[name])


SCALE = [
    (1, _("1 · not at all")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 · completely")),
]


class PulseForm(CrispyFormMixin, forms.Form):
    location = forms.ModelChoiceField(queryset=None, label=_("Your team (location)"), empty_label=None)
    relatie = forms.TypedChoiceField(
        label=_("This month I felt connected with my colleagues and supported by them."),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    competentie = forms.TypedChoiceField(
        label=_("This month I felt capable in my work with the children and the parents."),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    autonomie = forms.TypedChoiceField(
        label=_("This month I could do my work in my own way and had a say in decisions."),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        if len(locations) == 1:
            self.fields["location"].initial = locations[0].pk
            self.fields["location"].widget = forms.HiddenInput()
        self.helper.layout = Layout(
            "location", InlineRadios("relatie"), InlineRadios("competentie"), InlineRadios("autonomie")
        )
