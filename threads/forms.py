from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.forms import CrispyFormMixin
from threads.models import Message
from threads.services import REASON_MAX_LENGTH


class MessageForm(CrispyFormMixin, forms.Form):
    """A message, from a parent or from staff. Markup is kept as the person typed it and shown as plain text."""

    text = forms.CharField(
        label=_("Your message"),
        max_length=Message.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, label=None, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label is not None:
            self.fields["text"].label = label
        if help_text is not None:
            self.fields["text"].help_text = help_text


class CloseForm(CrispyFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why can this thread be closed?"),
        max_length=REASON_MAX_LENGTH,
        help_text=_("The parents read this too. For example: we talked about it at pick-up on Tuesday."),
        widget=forms.TextInput(),
    )
