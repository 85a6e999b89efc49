"""Uploading an export and choosing which of its columns holds which field."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from imports.fields import FIELDS
from partnership.forms import CrispyFormMixin


class UploadForm(CrispyFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Export from the planning system"),
        help_text=_(
            "CSV (semicolons or commas, any common character set) or Excel (.xlsx), with the column names in the "
            "first row."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB. Export fewer columns or split it.")
                % {"mb": settings.IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        return upload


class MappingForm(CrispyFormMixin, forms.Form):
    """One choice per field: a column of the file, or none. Required fields must have one."""

    save_as = forms.CharField(
        label=_("Save these columns as"),
        max_length=100,
        required=False,
        help_text=_("For example “Kindplanner export”: the next file with the same columns gets them at once."),
    )

    def __init__(self, *args, headers, sample, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —")), *((header, header) for header in headers)]
        examples = dict(zip(headers, sample, strict=False))
        fields = {}
        for field in FIELDS:
            fields[field.key] = forms.ChoiceField(
                label=field.label, choices=choices, required=field.required, initial=self.initial.get(field.key, "")
            )
        self.fields = {**fields, "save_as": self.fields["save_as"]}
        self.examples = examples

    @property
    def rows(self):
        """(bound field, example from the file's first row, required) for the template."""
        for field in FIELDS:
            bound = self[field.key]
            yield bound, field.required

    def columns(self) -> dict:
        return {field.key: self.cleaned_data[field.key] for field in FIELDS if self.cleaned_data.get(field.key)}
