from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.forms import count_characters
from moments.images import MAX_UPLOAD_BYTES, TOO_LARGE
from moments.models import TEXT_LIMIT
from partnership.forms import CrispyFormMixin


class MomentForm(CrispyFormMixin, forms.Form):
    """A short, concrete positive moment, and a photo only where the family's consent allows it (the service
    checks the consent again and re-encodes the photo)."""

    text = forms.CharField(
        label=_("What went well?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": _("For example: Noor built a tower with Sem and laughed a lot.")}
        ),
        help_text=_("Short and concrete, in words the parents will understand."),
    )
    photo = forms.ImageField(
        label=_("Photo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Stored in the app and shown only to the parents and the team; never sent by e-mail."),
    )

    def __init__(self, *args, photos_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        count_characters(self.fields["text"], always=True)
        if not photos_allowed:
            del self.fields["photo"]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return photo
