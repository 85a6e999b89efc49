from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Tone
from partnership.forms import CrispyFormMixin
from successfactors.models import ChecklistItem


class ChecklistItemForm(CrispyFormMixin, forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Prompt at these kinds of contact"), choices=Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    tones = forms.MultipleChoiceField(
        label=_("Only when the parent seems"),
        choices=Tone.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty to prompt at every contact of these kinds."),
    )

    class Meta:
        model = ChecklistItem
        fields = ["theme", "prompt", "hint", "source", "kinds", "tones"]
        help_texts = {
            "prompt": _("Short, in the professional's words: what did I do? Earlier contacts keep the old wording."),
            "hint": _("One line that helps to do it well."),
        }
