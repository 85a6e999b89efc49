import datetime
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Occasion, ReferralStatus, ReferralTo, Tone, Visibility
from contacts.services import ContactData, FollowUpData
from partnership.forms import CrispyFormMixin, DateInput, DateTimeInput
from successfactors.models import THEME_ORDER, ChecklistItem

UNKNOWN_ITEM = _("An item you ticked is not (or no longer) on the checklist for this kind of contact. Tick again.")


def occasion_now() -> str:
    """A sensible default for a chat logged right now: mornings are drop-off, late afternoons pick-up."""
    hour = timezone.localtime().hour
    if hour < 11:
        return Occasion.DROP_OFF
    if hour >= 15:
        return Occasion.PICK_UP
    return Occasion.IN_PASSING


class ChecklistField(forms.ModelMultipleChoiceField):
    """The checklist of a contact of this kind with a family of this organisation: an item of another
    organisation's catalogue is refused like a retired one."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, kind: str, *, organisation, **kwargs):
        super().__init__(
            queryset=ChecklistItem.objects.for_organisation(organisation).for_kind(kind),
            required=False,
            label=_("Success factors I applied"),
            error_messages={"invalid_choice": UNKNOWN_ITEM, "invalid_pk_value": UNKNOWN_ITEM},
            **kwargs,
        )


# What static/js/char_count.js shows under a text field with a limit.
CHARACTERS_LEFT = _("%(count)s of %(max)s characters")
CHARACTERS_OVER = _("%(count)s characters too many")


def count_characters(field: forms.CharField, *, always: bool = False) -> None:
    """No `maxlength` on a text field: a browser cuts what is typed or pasted beyond it without a word. The
    server refuses a text that is too long with a message at the field, and a counter warns while typing:
    always, or from four fifths of the limit on."""
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs.update(
        {
            "data-char-max": field.max_length,
            "data-char-from": 0 if always else field.max_length * 4 // 5,
            "data-char-left": CHARACTERS_LEFT,
            "data-char-over": CHARACTERS_OVER,
        }
    )


@dataclass
class ChecklistTheme:
    """One theme of the checklist, folded in the form: its items, and how many are shown and ticked."""

    value: str
    label: str
    items: list[ChecklistItem]
    shown: int
    ticked: int


class ChecklistFormMixin:
    """The form's checklist for the template: the kind's items by theme, and which are ticked. An item for a
    worried or tense parent is shown when that tone is chosen or it is ticked (static/js/checklist.js keeps
    it so while the form is filled in); before a tone is chosen it shows for a browser without JavaScript."""

    @cached_property
    def checklist(self) -> list[ChecklistItem]:
        items = self.fields["items"].queryset
        return sorted(items, key=lambda item: (THEME_ORDER.get(item.theme, 99), item.position, item.pk))

    @property
    def checked_items(self) -> set[str]:
        value = self["items"].value() or []
        return {str(getattr(v, "pk", v)) for v in value}

    @property
    def tone_chosen(self) -> str:
        tone = self["tone"].value() if "tone" in self.fields else ""
        return tone if tone in Tone.values else ""

    @cached_property
    def checklist_themes(self) -> list[ChecklistTheme]:
        checked, tone = self.checked_items, self.tone_chosen
        themes = []
        for value, items in groupby(self.checklist, key=lambda item: item.theme):
            items = list(items)
            for item in items:
                item.is_checked = str(item.pk) in checked
                item.is_shown = not item.tones or not tone or tone in item.tones or item.is_checked
            themes.append(
                ChecklistTheme(
                    value=value,
                    label=items[0].get_theme_display(),
                    items=items,
                    shown=sum(item.is_shown for item in items),
                    ticked=sum(item.is_checked for item in items),
                )
            )
        return themes


class ContactForm(ChecklistFormMixin, CrispyFormMixin, forms.Form):
    """A contact moment of one kind; the checklist holds that kind's success-factor prompts."""

    occurred_at = forms.DateTimeField(label=_("Date and time"), widget=DateTimeInput())
    occasion = forms.ChoiceField(label=_("When"), choices=Occasion.choices, required=False)
    caregivers = forms.ModelMultipleChoiceField(label=_("With"), queryset=None, widget=forms.CheckboxSelectMultiple)
    children = forms.ModelMultipleChoiceField(
        label=_("About"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    tone = forms.ChoiceField(label=_("How did the parent seem?"), choices=Tone.choices, widget=forms.RadioSelect)
    summary = forms.CharField(label=_("Short summary"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    notes = forms.CharField(
        label=_("Internal notes"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the team only; never shown to the parents."),
    )
    interpreter_used = forms.BooleanField(label=_("An interpreter was used"), required=False)
    visibility = forms.ChoiceField(
        label=_("Who may read this"),
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
        widget=forms.RadioSelect,
    )
    shared_summary = forms.CharField(
        label=_("Summary for the parents"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when shared: the parents read this text in their portal, in plain language."),
    )
    # The version the author started from; a save from an older version is refused (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, family, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["caregivers"].queryset = family.caregivers.all()
        self.fields["children"].queryset = family.children.all()
        self.fields["items"] = ChecklistField(kind, organisation=family.organisation_id)
        count_characters(self.fields["summary"], always=True)
        for name in ("notes", "shared_summary"):
            count_characters(self.fields[name])
        # static/js/show_when.js: shown once the contact is shared.
        self.fields["shared_summary"].widget.attrs["data-show-when"] = f"visibility={Visibility.SHARED}"
        if kind != Kind.INFORMAL:
            del self.fields["occasion"]
        else:
            self.fields["summary"].required = False
        if not self.is_bound and "occurred_at" not in self.initial:
            self.initial["occurred_at"] = timezone.localtime().replace(second=0, microsecond=0)
        if not self.is_bound and "caregivers" not in self.initial and len(self.fields["caregivers"].queryset) == 1:
            self.initial["caregivers"] = list(self.fields["caregivers"].queryset)

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        # A minute of slack: the form's default is "now", rounded down, on a clock that may run a little ahead.
        if occurred_at > timezone.now() + datetime.timedelta(minutes=1):
            raise ValidationError(_("A contact cannot be in the future."))
        return min(occurred_at, timezone.now())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("visibility") == Visibility.SHARED and not cleaned.get("shared_summary", "").strip():
            self.add_error("shared_summary", _("Write the summary for the parents when the contact is shared."))
        return cleaned

    def to_data(self) -> ContactData:
        c = self.cleaned_data
        return ContactData(
            kind=self.kind,
            occurred_at=c["occurred_at"],
            tone=c["tone"],
            caregivers=list(c["caregivers"]),
            children=list(c["children"]),
            occasion=c.get("occasion", ""),
            summary=c["summary"],
            notes=c["notes"],
            interpreter_used=c["interpreter_used"],
            visibility=c["visibility"],
            shared_summary=c["shared_summary"],
            items=list(c["items"]),
        )


class QuickContactForm(ChecklistFormMixin, CrispyFormMixin, forms.Form):
    """The fast path for a chat at drop-off or pick-up: who, how it went, one optional sentence."""

    caregivers = forms.ModelMultipleChoiceField(label=_("With"), queryset=None, widget=forms.CheckboxSelectMultiple)
    occasion = forms.ChoiceField(label=_("When"), choices=Occasion.choices, widget=forms.RadioSelect)
    tone = forms.ChoiceField(label=_("How did the parent seem?"), choices=Tone.choices, widget=forms.RadioSelect)
    summary = forms.CharField(
        label=_("One sentence (optional)"),
        max_length=500,
        required=False,
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-lg",
                "placeholder": _("For example: had a nice weekend at grandma’s"),
            }
        ),
    )

    def __init__(self, *args, family, default_caregivers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caregivers"].queryset = family.caregivers.all()
        self.fields["items"] = ChecklistField(Kind.INFORMAL, organisation=family.organisation_id)
        count_characters(self.fields["summary"], always=True)
        self.initial.setdefault("occasion", occasion_now())
        self.initial.setdefault("caregivers", list(default_caregivers))

    def full_clean(self):
        super().full_clean()
        # The page writes this field itself (not crispy): point it at its message, as crispy does.
        if "summary" in self.errors:
            attrs = self.fields["summary"].widget.attrs
            attrs["class"] += " is-invalid"
            attrs["aria-describedby"] = "id_summary-error"

    def to_data(self) -> ContactData:
        c = self.cleaned_data
        return ContactData(
            kind=Kind.INFORMAL,
            occurred_at=timezone.now(),
            tone=c["tone"],
            caregivers=list(c["caregivers"]),
            occasion=c["occasion"],
            summary=c["summary"],
            items=list(c["items"]),
        )


class FollowUpForm(CrispyFormMixin, forms.Form):
    """A follow-up action; with a destination it is a referral."""

    description = forms.CharField(label=_("What will be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None)
    due_on = forms.DateField(label=_("Before"), widget=DateInput())
    promised_to_parents = forms.BooleanField(label=_("Promised to the parents"), required=False)
    referral_to = forms.ChoiceField(
        label=_("Referral to"),
        choices=[("", _("Not a referral")), *ReferralTo.choices],
        required=False,
    )
    referral_other = forms.CharField(label=_("Other destination"), max_length=100, required=False)
    agreed_with_parents = forms.BooleanField(label=_("The referral is agreed with the parents"), required=False)

    def __init__(self, *args, owners, me=None, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = owners  # what a posted choice is checked against
        # The options from one reading of `owners`, shared by every form of the formset: iterating the same
        # queryset reads it once (Django's own choices would read it again for each form).
        owner.choices = [("", owner.empty_label), *((user.pk, str(user)) for user in owners)]
        for name in ("description", "referral_other"):
            count_characters(self.fields[name])
        # static/js/show_when.js: shown once a referral (to another destination) is chosen.
        self.fields["referral_other"].widget.attrs["data-show-when"] = f"referral_to={ReferralTo.OTHER}"
        self.fields["agreed_with_parents"].widget.attrs["data-show-when"] = "referral_to="
        if me is not None:
            self.fields["owner"].initial = me.pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("referral_to") == ReferralTo.OTHER and not cleaned.get("referral_other", "").strip():
            self.add_error("referral_other", _("Name where the family is referred to."))
        return cleaned

    def check_due(self, contact_date: datetime.date) -> bool:
        due_on = self.cleaned_data.get("due_on")
        if due_on and due_on < contact_date:
            self.add_error("due_on", _("The follow-up cannot be due before the contact."))
            return False
        return True

    @property
    def is_blank(self) -> bool:
        """Nothing filled in: such a row is skipped on saving, and the page may fold it away."""
        return not self.is_bound or not (self.has_changed() or self.errors)

    def to_data(self) -> FollowUpData:
        c = self.cleaned_data
        return FollowUpData(
            description=c["description"],
            owner=c["owner"],
            due_on=c["due_on"],
            promised_to_parents=c["promised_to_parents"],
            referral_to=c["referral_to"],
            referral_other=c["referral_other"],
            agreed_with_parents=c["agreed_with_parents"],
        )


class BaseFollowUpFormSet(forms.BaseFormSet):
    @property
    def should_open(self) -> bool:
        """The folded follow-ups open again when the page comes back with something filled in or wrong."""
        return self.is_bound and (self.total_error_count() > 0 or any(not form.is_blank for form in self.forms))

    def check_due(self, contact_date: datetime.date) -> bool:
        # Check every form (no short-circuit) so each one shows its own error.
        results = [form.check_due(contact_date) for form in self.forms if form.has_changed()]
        return all(results)

    def to_data(self) -> list[FollowUpData]:
        return [form.to_data() for form in self.forms if form.has_changed() and form.cleaned_data]


# Without JavaScript the page shows a few empty rows (`extra`); with it, one, and "add another follow-up" clones the
# empty form up to `max_num` (static/js/follow_ups.js). absolute_max: a posted TOTAL_FORMS above it is refused
# before any form is built.
FOLLOW_UPS_MAX = 5
FollowUpFormSet = forms.formset_factory(
    FollowUpForm,
    formset=BaseFollowUpFormSet,
    extra=3,
    max_num=FOLLOW_UPS_MAX,
    validate_max=True,
    absolute_max=FOLLOW_UPS_MAX,
)


class AddendumForm(CrispyFormMixin, forms.Form):
    text = forms.CharField(label=_("Addendum"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        count_characters(self.fields["text"])


class ReferralStatusForm(forms.Form):
    referral_status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    agreed_with_parents = forms.BooleanField(label=_("Agreed with the parents"), required=False)
