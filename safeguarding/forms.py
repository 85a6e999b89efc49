from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.forms import CrispyFormMixin
from safeguarding.models import SafeguardingNote


class NoteForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = SafeguardingNote
        fields = ["text"]
        labels = {"text": _("Confidential note")}
        help_texts = {
            "text": _(
                "Facts: what you saw or heard, when, and with whom you talked about it. Only you and the "
                "coordinators read this; it never reaches the parent portal."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}
