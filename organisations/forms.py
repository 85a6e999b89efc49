"""The organisation admin's set-up forms: locations, groups, staff accounts and the organisation's settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from health.rules import DEFAULTS
from organisations.models import Group, Location, Organisation
from organisations.thresholds import BOUNDS, PAIRS, SINGLE, check_order
from partnership.forms import CrispyFormMixin, DateInput

# The roles an admin gives in the app; parents get their account through the portal's invitation.
STAFF_ROLE_CHOICES = [
    (Role.STAFF, Role.STAFF.label),
    (Role.COORDINATOR, Role.COORDINATOR.label),
    (Role.ADMIN, Role.ADMIN.label),
]


class LocationForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "address"]


class GroupForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Group
        fields = ["location", "name", "kind", "age_from_months", "age_to_months", "capacity"]
        help_texts = {
            "age_from_months": _("For example 0 for a baby group, 24 for a toddler group, 48 for BSO."),
            "age_to_months": _("For example 24, 48 (4 years) or 156 (13 years)."),
        }

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["location"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("age_from_months"), cleaned.get("age_to_months")
        if low is not None and high is not None and low >= high:
            self.add_error("age_to_months", _("The upper age must be above the lower age."))
        return cleaned


class PeopleChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class GroupChoices(PeopleChoices):
    def label_from_instance(self, group):
        return f"{group.name} ({group.location.name})"


class StaffForm(CrispyFormMixin, forms.Form):
    """A person who works with families: their name, role, and where they work (groups for pedagogical staff,
    locations for coordinators; an admin sees the whole organisation)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=STAFF_ROLE_CHOICES, initial=Role.STAFF)
    groups = GroupChoices(
        label=_("Groups"),
        queryset=Group.objects.none(),
        required=False,
        help_text=_("For pedagogical staff: they see the families of these groups."),
    )
    locations = PeopleChoices(
        label=_("Locations"),
        queryset=Location.objects.none(),
        required=False,
        help_text=_("For coordinators: they see every family of these locations."),
    )

    def __init__(self, *args, groups, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = groups.order_by("location__name", "name")
        self.fields["locations"].queryset = locations.order_by("name")
        # static/js/staff_form.js shows only the choice that fits the role.
        self.fields["role"].widget.attrs["data-role-choice"] = ""

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role == Role.STAFF and not cleaned.get("groups"):
            self.add_error("groups", _("Choose the groups this staff member works in."))
        if role == Role.COORDINATOR and not cleaned.get("locations"):
            self.add_error("locations", _("Choose the locations this coordinator is responsible for."))
        return cleaned


class StaffInviteForm(StaffForm):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=150,
        help_text=_("The invitation to choose a password goes here; the address is also the username."),
    )
    field_order = ["first_name", "last_name", "email", "role", "groups", "locations"]


class OrganisationSettingsForm(CrispyFormMixin, forms.ModelForm):
    """The organisation's own settings, and the health thresholds it may move within safe bounds (one number
    field per threshold; empty keeps the default of DESIGN.md)."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "go_live",
            "retention_months",
            "contact_quiet_days",
            "safeguarding_officer_name",
            "safeguarding_officer_phone",
            "safeguarding_officer_email",
        ]
        widgets = {"go_live": DateInput()}
        help_texts = {
            "safeguarding_officer_name": _(
                "The aandachtsfunctionaris for the Meldcode: a family's page names this person to staff who worry "
                "about a child's safety."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["go_live"].required = True
        self.fields["contact_quiet_days"].help_text = _(
            "Between 7 and 90. Empty: %(default)d days (the app's default)."
        ) % {"default": Organisation().quiet_days}
        current = self.instance.health_thresholds or {}
        for name, bound in BOUNDS.items():
            self.fields[name] = forms.IntegerField(
                label=bound.label,
                required=False,
                min_value=bound.low,
                max_value=bound.high,
                initial=current.get(name),
                help_text=_("%(low)d to %(high)d; empty: %(default)d")
                % {
                    "low": bound.low,
                    "high": bound.high,
                    "default": DEFAULTS[name],
                },
            )
            self.fields[name].widget.attrs["placeholder"] = DEFAULTS[name]

    @property
    def threshold_groups(self) -> list[tuple]:
        """The threshold fields by signal, for the template: (title, [bound fields])."""
        groups = [(pair.signal, [self[pair.attention.name], self[pair.concern.name]]) for pair in PAIRS]
        groups.append((_("Overdue items"), [self[bound.name] for bound in SINGLE]))
        return groups

    def thresholds(self) -> dict:
        return {name: self.cleaned_data[name] for name in BOUNDS if self.cleaned_data.get(name) is not None}

    def clean(self):
        cleaned = super().clean()
        if not any(name in self.errors for name in BOUNDS):
            try:
                check_order(self.thresholds(), DEFAULTS)
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned
