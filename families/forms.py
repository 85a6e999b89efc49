from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from families.models import Caregiver, Child, Consent, Family, Language, NetworkMember, Placement
from families.selectors import overlapping_placements
from partnership.forms import CrispyFormMixin, DateInput

MENTOR_REQUIRED = _(
    "Choose a mentor: every placed child has one, a staff member of the child's group whom the parents know as "
    "their first contact."
)


def _group_has_mentors(field: forms.ModelChoiceField, groups) -> bool:
    """Whether anyone the form offers as mentor works in these groups (a group without staff cannot give one)."""
    return field.queryset.filter(memberships__group__in=groups).exists()


class FamilyForm(CrispyFormMixin, forms.ModelForm):
    home_languages = forms.MultipleChoiceField(
        label=_("Home languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    # The version the user started editing; a save from a stale version is refused (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Family
        fields = ["name", "home_languages", "interpreter_needed", "interpreter_notes", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class NewFamilyForm(CrispyFormMixin, forms.Form):
    """A family arrives with its first child and that child's first placement: without a placement nobody
    but the admin would see the family."""

    family_name = forms.CharField(label=_("Family name"), max_length=200)
    home_languages = forms.MultipleChoiceField(
        label=_("Home languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    interpreter_needed = forms.BooleanField(label=_("Interpreter needed"), required=False)
    child_first_name = forms.CharField(label=_("First name of the child"), max_length=100)
    child_last_name = forms.CharField(label=_("Last name of the child"), max_length=100)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=DateInput())
    group = forms.ModelChoiceField(label=_("Group"), queryset=None)
    start_date = forms.DateField(label=_("First day in the group"), widget=DateInput(), initial=timezone.localdate)
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None, required=False)

    def __init__(self, *args, groups, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["mentor"].queryset = mentors

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate():
            raise ValidationError(_("The date of birth cannot be in the future."))
        return born

    def clean(self):
        cleaned = super().clean()
        mentor, group = cleaned.get("mentor"), cleaned.get("group")
        if mentor and group and not mentor.memberships.filter(group=group).exists():
            self.add_error("mentor", _("The mentor must work in the child's group."))
        if not mentor and group and "mentor" not in self.errors and _group_has_mentors(self.fields["mentor"], [group]):
            self.add_error("mentor", MENTOR_REQUIRED)
        return cleaned


class CaregiverForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Caregiver
        fields = [
            "first_name",
            "last_name",
            "relation",
            "has_parental_authority",
            "summaries_allowed",
            "email",
            "phone",
            "preferred_language",
            "preferred_contact",
        ]

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.family = family

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_name"), cleaned.get("last_name")
        if first and last:
            same = self.family.caregivers.filter(first_name__iexact=first, last_name__iexact=last)
            if same.exclude(pk=self.instance.pk).exists():
                raise ValidationError(_("This caregiver is already part of the family."))
        return cleaned


class ChildForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Child
        fields = ["first_name", "last_name", "date_of_birth", "mentor", "talents"]
        widgets = {"date_of_birth": DateInput(), "talents": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, family, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.family = family
        self.fields["mentor"].queryset = mentors

    def clean(self):
        cleaned = super().clean()
        first, born = cleaned.get("first_name"), cleaned.get("date_of_birth")
        if first and born:
            same = self.family.children.filter(first_name__iexact=first, date_of_birth=born)
            if same.exclude(pk=self.instance.pk).exists():
                raise ValidationError(_("This child is already part of the family."))
        mentor = cleaned.get("mentor")
        if mentor and self.instance.pk:
            groups = self.instance.placements.values("group")
            if not mentor.memberships.filter(group__in=groups).exists():
                self.add_error("mentor", _("The mentor must work in one of the child's groups."))
        if not mentor and self.instance.pk and "mentor" not in self.errors:
            today = timezone.localdate()
            # Placed today or later: a child who has left keeps no mentor.
            placed = self.instance.placements.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            if _group_has_mentors(self.fields["mentor"], placed.values("group")):
                self.add_error("mentor", MENTOR_REQUIRED)
        return cleaned


class NewChildForm(ChildForm):
    group = forms.ModelChoiceField(label=_("Group"), queryset=None)
    start_date = forms.DateField(label=_("First day in the group"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups

    def clean(self):
        cleaned = super().clean()
        mentor, group = cleaned.get("mentor"), cleaned.get("group")
        if mentor and group and not mentor.memberships.filter(group=group).exists():
            self.add_error("mentor", _("The mentor must work in the child's group."))
        if not mentor and group and "mentor" not in self.errors and _group_has_mentors(self.fields["mentor"], [group]):
            self.add_error("mentor", MENTOR_REQUIRED)
        return cleaned


class PlacementForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Placement
        fields = ["group", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, child, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child
        self.fields["group"].queryset = groups

    def clean(self):
        cleaned = super().clean()
        group, start, end = cleaned.get("group"), cleaned.get("start_date"), cleaned.get("end_date")
        if group and start:
            if end and end < start:
                self.add_error("end_date", _("The end date cannot be before the start date."))
            elif overlapping_placements(
                child=self.instance.child, group=group, start_date=start, end_date=end, exclude_pk=self.instance.pk
            ).exists():
                raise ValidationError(_("This child already has a placement in this group in that period."))
        return cleaned


class NetworkMemberForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = NetworkMember
        fields = ["name", "role", "contact", "notes"]


PHOTO_CONSENT_HELP = _(
    "Photos in the parent app: only with this consent can a positive moment carry a photo. When it is withdrawn "
    "(or recorded as not given), the photos already shared are deleted; the texts of the moments stay."
)


class ConsentForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["topic", "details", "given", "given_by", "recorded_on"]
        widgets = {"recorded_on": DateInput()}

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by"].queryset = family.caregivers.all()
        self.fields["topic"].help_text = PHOTO_CONSENT_HELP

    def clean_recorded_on(self):
        recorded = self.cleaned_data["recorded_on"]
        if recorded > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return recorded


class ArchiveForm(CrispyFormMixin, forms.Form):
    archived_on = forms.DateField(label=_("Last day of the last child"), widget=DateInput(), initial=timezone.localdate)


class FamilyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name of a parent or child"), required=False, max_length=100)
    location = forms.ModelChoiceField(label=_("Location"), queryset=None, required=False)
    group = forms.ModelChoiceField(label=_("Group"), queryset=None, required=False)
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None, required=False)
    interpreter = forms.BooleanField(label=_("Interpreter needed"), required=False)
    archived = forms.BooleanField(label=_("Show archived families"), required=False)

    def __init__(self, *args, locations, groups, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("location", "group", "mentor"):
            self.fields[name].widget.attrs["class"] = "form-select"
            self.fields[name].empty_label = _("All")
        self.fields["location"].queryset = locations
        self.fields["group"].queryset = groups
        self.fields["mentor"].queryset = mentors
