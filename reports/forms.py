from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.selectors import (
    MAX_MONTHS,
    Scope,
    add_months,
    default_period,
    month_of,
    months_between,
    report_locations,
    report_scope,
)

FIRST_YEAR = 2000


class MonthInput(forms.DateInput):
    """The browser's own month picker; it sends "2026-03"."""

    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


class MonthField(forms.DateField):
    widget = MonthInput

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m"], **kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not FIRST_YEAR <= day.year <= timezone.localdate().year:
            raise ValidationError(_("Choose a month from %(year)s up to now."), params={"year": FIRST_YEAR})
        return month_of(day) if day else day


class ReportFilterForm(forms.Form):
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=None, required=False, empty_label=_("All my locations")
    )
    first = MonthField(label=_("From (month)"), required=False)
    last = MonthField(label=_("Up to and including (month)"), required=False)

    def __init__(self, *args, locations, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        self.fields["location"].queryset = locations
        self.fields["first"].widget.attrs["placeholder"] = period[0].strftime("%Y-%m")
        self.fields["last"].widget.attrs["placeholder"] = period[1].strftime("%Y-%m")
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-select" if name == "location" else "form-control"

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        default_last = self.period[1]
        last = cleaned.get("last") or default_last
        # Without a first month, the twelve months up to the last.
        first = cleaned.get("first") or add_months(last, -11)
        if last > default_last:
            self.add_error("last", _("Choose a month up to this one: later months have no figures yet."))
        elif first > last:
            self.add_error("first", _("Choose a first month before the last one."))
        elif len(months_between(first, last)) > MAX_MONTHS:
            self.add_error("first", _("Choose at most %(n)d months.") % {"n": MAX_MONTHS})
        cleaned["first"], cleaned["last"] = first, last
        return cleaned


def report_filter(user, data) -> tuple[ReportFilterForm, Scope]:
    """A report page's filter and the scope it chooses: while the filter is empty or wrong, the last twelve months
    of all the user's locations (the form then says what is wrong)."""
    period = default_period()
    form = ReportFilterForm(
        data or None, locations=report_locations(user), period=period, initial={"first": period[0], "last": period[1]}
    )
    first, last, location = *period, None
    if form.is_bound and form.is_valid():
        first, last, location = form.cleaned_data["first"], form.cleaned_data["last"], form.cleaned_data["location"]
    return form, report_scope(user, first=first, last=last, location=location)
