"""What every form of the project shares: crispy renders the fields, our templates hold the <form> element,
the CSRF token and the buttons (`partials/form_buttons.html`); dates use the browser's own pickers."""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The dates a person can mean in this app (a birth, a first day, a contact, an evaluation). Outside them a date is
# a typo or a forged form, and it would break pages later: 0001-01-01 00:00 in Amsterdam is a year-0 timestamp in
# UTC that Python cannot read back, and 9999-12-31 plus the weeks until a mentor conversation overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def plausible_date(value) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="implausible_date",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class CrispyFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def full_clean(self):
        # Here rather than in __init__: some forms add their fields after it.
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField) and plausible_date not in field.validators:
                field.validators.append(plausible_date)
        super().full_clean()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def model_fields(form: forms.ModelForm) -> dict:
    """The cleaned values of a model form's own fields, to hand to a service (which does the write)."""
    return {name: form.cleaned_data[name] for name in form._meta.fields if name in form.cleaned_data}
