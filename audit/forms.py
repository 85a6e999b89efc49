from django import forms
from django.utils.translation import gettext_lazy as _

from audit.models import FileReason
from partnership.forms import CrispyFormMixin


class FileAccessForm(CrispyFormMixin, forms.Form):
    """Why an organisation admin opens a family's file: one of the reasons, and a short explanation that the
    family's access log shows."""

    reason = forms.ChoiceField(
        label=_("Why do you open this file?"), choices=FileReason.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        min_length=10,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A short sentence that says what you need, e.g. which request or which incident."),
    )
