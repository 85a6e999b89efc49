from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from contacts.choices import Kind, Tone
from contacts.forms import ChecklistField, ChecklistFormMixin
from intakes.models import IntakeQuestion
from partnership.forms import CrispyFormMixin, DateInput


class IntakeForm(ChecklistFormMixin, CrispyFormMixin, forms.Form):
    """The intake conversation: who took part, then one answer field per active question."""

    held_on = forms.DateField(label=_("Date of the conversation"), widget=DateInput(), initial=timezone.localdate)
    caregivers = forms.ModelMultipleChoiceField(
        label=_("Caregivers present"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    children = forms.ModelMultipleChoiceField(
        label=_("About the children"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )
    interpreter_used = forms.BooleanField(label=_("An interpreter was used"), required=False)

    def __init__(self, *args, family, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caregivers"].queryset = family.caregivers.all()
        self.fields["children"].queryset = family.children.all()
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.CharField(
                label=question.text,
                # crispy renders help text unescaped; a coordinator's hint is text, never markup.
                help_text=conditional_escape(question.hint),
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["told_always_welcome"] = forms.BooleanField(
            label=_("I told the parents they can always come to us with questions"), required=False
        )
        self.fields["tone"] = forms.ChoiceField(
            label=_("How did the parent seem?"), choices=Tone.choices, widget=forms.RadioSelect
        )
        self.fields["items"] = ChecklistField(Kind.INTAKE, organisation=family.organisation_id)

    @staticmethod
    def field_name(question) -> str:
        return f"question_{question.pk}"

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise ValidationError(_("The conversation cannot be in the future."))
        return held_on

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(self.field_name(q), "").strip() for q in self.questions):
            raise ValidationError(_("Write down at least one answer."))
        return cleaned

    def answers(self) -> dict:
        return {
            question: self.cleaned_data[self.field_name(question)].strip()
            for question in self.questions
            if self.cleaned_data.get(self.field_name(question), "").strip()
        }


class IntakeQuestionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = IntakeQuestion
        fields = ["text", "hint", "audience", "source"]
