from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import pictograms
from agreements.models import AgreementVersion, Outcome
from contacts.choices import Kind
from contacts.forms import ContactForm
from partnership.forms import CrispyFormMixin, DateInput


def _text(label, help_text="", rows=2, required=False):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _pictograms(label):
    # Drawn as a grid of pictures with their words (agreements/_pictogram_field.html), not by crispy.
    return forms.MultipleChoiceField(
        label=label, choices=pictograms.CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )


class AgreementForm(CrispyFormMixin, forms.Form):
    """The parts of a clear agreement (Met Andere Ogen, 2022): the joint goal, where we agree and where not
    yet, who does what, how we work together, and when we look back."""

    title = forms.CharField(
        label=_("Title"), max_length=120, help_text=_("In a few words, e.g. 'Sleeping at the group'.")
    )
    child = forms.ModelChoiceField(label=_("About the child"), queryset=None, required=False)
    goal = _text(_("Our joint goal"), _("What do we want to reach together for the child?"), required=True)
    agreed_points = _text(_("Where we agree"))
    open_points = _text(_("Where we do not agree yet"), _("A difference of view may be there; write it down."))
    parents_do = _text(_("What the parents will do"))
    parents_pictograms = _pictograms(_("In pictures: the parents do"))
    staff_do = _text(_("What we will do"))
    staff_pictograms = _pictograms(_("In pictures: we do"))
    child_does = _text(_("What the child will do"))
    child_pictograms = _pictograms(_("In pictures: the child does"))
    how_we_work = _text(_("How we work together"), _("How and when do we keep each other informed?"))
    parent_brings = forms.CharField(
        label=_("Who the parents bring along"),
        max_length=AgreementVersion._meta.get_field("parent_brings").max_length,
        required=False,
        help_text=_(
            "A client supporter, a buddy, an experience expert, a friend or an interpreter: the parents may always "
            "bring someone. Type a name or choose one from the family's network."
        ),
        widget=forms.TextInput(attrs={"list": "network-names", "autocomplete": "off"}),
    )
    child_voice = _text(_("What the child says or shows"), _("Where fitting: the child's own view."))
    evaluation_on = forms.DateField(label=_("We evaluate on"), widget=DateInput())
    one_akkoord_enough = forms.BooleanField(
        label=_("One akkoord of a caregiver with parental authority is enough (everyday matter)"),
        required=False,
        help_text=_(
            "Leave this off unless your organisation decided so for this everyday matter; when it is off, every "
            "caregiver with parental authority has to agree. The parents see this choice."
        ),
    )
    # The version the user started from: a save based on an older one is refused (optimistic locking).
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    PICTOGRAM_FIELDS = pictograms.FIELDS

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = family.children.all()
        # Offered beside the "who the parents bring" field; the names are the family's own network.
        self.network_names = [f"{m.name} ({m.get_role_display()})" for m in family.network.all()]

    def clean_evaluation_on(self):
        evaluation_on = self.cleaned_data["evaluation_on"]
        if evaluation_on < timezone.localdate():
            raise ValidationError(_("The evaluation cannot be in the past."))
        return evaluation_on

    def content(self) -> dict:
        names = (*AgreementVersion.CONTENT_FIELDS, *AgreementVersion.PICTOGRAM_FIELDS)
        return {name: self.cleaned_data[name] for name in names}

    @classmethod
    def initial_for(cls, agreement) -> dict:
        version = agreement.current
        names = (*AgreementVersion.CONTENT_FIELDS, *AgreementVersion.PICTOGRAM_FIELDS)
        initial = {name: getattr(version, name) for name in names}
        return initial | {
            "title": agreement.title,
            "child": agreement.child_id,
            "one_akkoord_enough": agreement.one_akkoord_enough,
            "lock_version": agreement.lock_version,
        }


class RecordAgreedForm(CrispyFormMixin, forms.Form):
    """Only caregivers with parental authority who have not agreed to this version yet can be chosen."""

    caregivers = forms.ModelMultipleChoiceField(
        label=_("Who agreed"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only a caregiver with parental authority gives the akkoord."),
    )
    contact = forms.ModelChoiceField(
        label=_("In the conversation of"),
        queryset=None,
        help_text=_("Log the conversation first if it is not in the list."),
    )
    # The version the staff member read: when a newer one was made meanwhile, the record is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, family, contacts, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caregivers"].queryset = family.caregivers.filter(has_parental_authority=True).exclude(
            confirmations__version=version
        )
        self.fields["version"].initial = version.pk
        self.fields["contact"].queryset = contacts
        self.fields["contact"].label_from_instance = lambda c: f"{c.occurred_at:%d-%m-%Y} · {c.get_kind_display()}"


class EvaluationForm(ContactForm):
    """The evaluation conversation, with its own checklist, and what comes of it."""

    outcome = forms.ChoiceField(label=_("What do we do now?"), choices=Outcome.choices, widget=forms.RadioSelect)
    next_evaluation_on = forms.DateField(
        label=_("Next evaluation"), widget=DateInput(), required=False, help_text=_("When we continue or adjust.")
    )

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, family=family, kind=Kind.EVALUATION, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.CONTINUE and not cleaned.get("next_evaluation_on"):
            self.add_error("next_evaluation_on", _("Choose when you will evaluate again."))
        next_on = cleaned.get("next_evaluation_on")
        if next_on and next_on < timezone.localdate():
            self.add_error("next_evaluation_on", _("The evaluation cannot be in the past."))
        return cleaned
