"""One row of an export, checked by a Django form: dates in the ways Dutch exports write them (31-12-2024,
31/12/2024, 2024-12-31, Excel dates), e-mail addresses, lengths, yes/no for parental authority. A row's errors are
said in plain words, with the file's own column names."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imports.fields import BY_KEY

DATE_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y", "%Y/%m/%d"]
YES = {"ja", "j", "yes", "y", "1", "true", "waar", "x", "gezag"}
NO = {"nee", "n", "no", "0", "false", "onwaar", "geen", "geen gezag"}
# The oldest child a childcare organisation imports (BSO ends at 13; a file may still list one who left).
OLDEST_YEARS = 20


class YesNoField(forms.Field):
    default_error_messages = {"invalid": gettext_lazy("write yes or no (ja/nee)")}

    def to_python(self, value):
        text = str(value or "").strip().lower()
        if text == "" or text in YES:
            return True  # a caregiver has parental authority unless the file says otherwise (as in the app)
        if text in NO:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


def _text(max_length, required=False):
    return forms.CharField(max_length=max_length, required=required)


def _date(required=False):
    return forms.DateField(
        input_formats=DATE_FORMATS,
        required=required,
        error_messages={"invalid": gettext_lazy("is not a date; write it as 31-12-2024")},
    )


class RowForm(forms.Form):
    """The fields of a row, declared as a form; check_row() cleans a row with them."""

    family_id = _text(100, required=True)
    family_name = _text(200)
    child_id = _text(100, required=True)
    child_first_name = _text(100, required=True)
    child_infix = _text(20)
    child_last_name = _text(80, required=True)
    child_date_of_birth = _date(required=True)
    location = _text(200)
    group = _text(200, required=True)
    placement_id = _text(100)
    start_date = _date(required=True)
    end_date = _date()
    mentor_email = forms.EmailField(
        required=False, error_messages={"invalid": gettext_lazy("is not an e-mail address")}
    )
    p1_id = _text(100)
    p1_first_name = _text(100)
    p1_infix = _text(20)
    p1_last_name = _text(80)
    p1_email = forms.EmailField(required=False, error_messages={"invalid": gettext_lazy("is not an e-mail address")})
    p1_phone = _text(40)
    p1_relation = _text(100)
    p1_gezag = YesNoField(required=False)
    p2_id = _text(100)
    p2_first_name = _text(100)
    p2_infix = _text(20)
    p2_last_name = _text(80)
    p2_email = forms.EmailField(required=False, error_messages={"invalid": gettext_lazy("is not an e-mail address")})
    p2_phone = _text(40)
    p2_relation = _text(100)
    p2_gezag = YesNoField(required=False)


FIELDS = RowForm.base_fields


# The checks beyond a single field's type: each is given the field's clean value and returns it (or raises).
def _born(value):
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(_("lies in the future"))
    if value < datetime.date(today.year - OLDEST_YEARS, today.month, min(today.day, 28)):
        raise forms.ValidationError(_("is more than %(n)d years ago") % {"n": OLDEST_YEARS})
    return value


def _plausible(value):
    if value is not None and not datetime.date(1990, 1, 1) <= value <= datetime.date(2100, 12, 31):
        raise forms.ValidationError(_("is not a plausible date"))
    return value


CHECKS = {"child_date_of_birth": _born, "start_date": _plausible, "end_date": _plausible}


def _row_errors(cleaned: dict) -> dict[str, str]:
    """What is wrong between the fields of a row ("__all__" for the row as a whole)."""
    errors = {}
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        errors["end_date"] = _("lies before the first day")
    for n in (1, 2):
        first, last = cleaned.get(f"p{n}_first_name"), cleaned.get(f"p{n}_last_name")
        if (first or last) and not (first and last):
            errors[f"p{n}_last_name" if first else f"p{n}_first_name"] = _("is empty")
    if not errors and not (cleaned.get("p1_first_name") and cleaned.get("p1_last_name")):
        errors["__all__"] = _(
            "This child has no parent or caregiver in the file: fill in at least the first parent's name."
        )
    return errors


def check_row(values: dict, columns: dict) -> tuple[dict | None, list[str]]:
    """The row's cleaned values, or None and its errors in plain words ("Geboortedatum: is not a date; ...").
    Each value is cleaned by its Django form field, without building a form per row (10,000 forms cost
    seconds)."""
    cleaned, problems = {}, {}
    for key, field in FIELDS.items():
        try:
            value = field.clean(values.get(key, ""))
            cleaned[key] = CHECKS[key](value) if key in CHECKS and value is not None else value
        except forms.ValidationError as error:
            problems[key] = error.messages
    if not problems:
        problems = {key: [message] for key, message in _row_errors(cleaned).items()}
    if not problems:
        return cleaned, []
    errors = []
    for key, messages in problems.items():
        for message in messages:
            errors.append(message if key == "__all__" else _say(key, message, values.get(key), columns))
    return None, errors


def _say(key: str, message: str, shown, columns: dict) -> str:
    column = columns.get(key) or str(BY_KEY[key].label)
    if message == str(forms.Field.default_error_messages["required"]):
        return _("%(column)s is empty.") % {"column": column}
    if message[:1].isupper():
        return _("%(column)s: %(problem)s") % {"column": column, "problem": message}
    if shown not in (None, "") and not isinstance(shown, datetime.date):
        return _("%(column)s “%(value)s” %(problem)s.") % {
            "column": column,
            "value": str(shown)[:60],
            "problem": message,
        }
    return _("%(column)s %(problem)s.") % {"column": column, "problem": message}
