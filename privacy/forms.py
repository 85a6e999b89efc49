from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partnership.forms import CrispyFormMixin
from privacy.models import ON_REQUEST


class EraseForm(CrispyFormMixin, forms.Form):
    """Erasing cannot be undone: the coordinator types the family's name, so that a slip of the finger on the
    wrong family's page erases nothing, and says why (a category only: a free text could name the family)."""

    reason = forms.ChoiceField(label=_("Why is the file erased?"), choices=ON_REQUEST, widget=forms.RadioSelect)
    family_name = forms.CharField(label=_("Type the family's name to confirm"), max_length=200)

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.family = family
        self.fields["family_name"].widget.attrs["autocomplete"] = "off"

    def clean_family_name(self):
        typed = " ".join(self.cleaned_data["family_name"].split())
        if typed.casefold() != " ".join(self.family.name.split()).casefold():
            raise ValidationError(_("This is not the family's name. Type it as it is written above."))
        return typed
