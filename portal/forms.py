from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.forms import CrispyFormMixin
from partnership.languages import language_name, local_name, parent_language_choices
from portal.models import QUESTIONS, PartnershipFeedback
from threads.models import Message, Place, Thread

# Five points, the positive end high, each with a word (and a face: portal/_face.html).
SCALE = [(1, _("No")), (2, _("Not really")), (3, _("A bit")), (4, _("Mostly")), (5, _("Yes"))]


class FeedbackForm(forms.Form):
    """One question per card (portal/feedback.html renders it by hand: faces, words and large tap targets)."""

    remark = forms.CharField(
        label=_("Anything else you want to tell us?"),
        help_text=_("You do not have to write anything. If you do, the mentor answers you."),
        max_length=PartnershipFeedback._meta.get_field("remark").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, _dimension in QUESTIONS:
            self.fields[name] = forms.TypedChoiceField(
                label=PartnershipFeedback._meta.get_field(name).verbose_name,
                coerce=int,
                choices=SCALE,
                widget=forms.RadioSelect(attrs={"class": "btn-check"}),
                error_messages={"required": _("Choose a face for this sentence.")},
            )
        # The questions first, the remark last.
        self.order_fields([name for name, _dimension in QUESTIONS])

    def questions(self):
        return [self[name] for name, _dimension in QUESTIONS]

    def answers(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name, _dimension in QUESTIONS}


class ConversationRequestForm(CrispyFormMixin, forms.Form):
    child = forms.ModelChoiceField(label=_("About"), queryset=None, required=False, empty_label=_("Our family"))
    text = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=Message.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few words are enough. The mentor will contact you."),
    )
    preferred_moment = forms.CharField(
        label=_("When would suit you?"),
        max_length=Thread._meta.get_field("preferred_moment").max_length,
        required=False,
        help_text=_("For example: Tuesday afternoon, or when you pick up your child."),
    )
    preferred_place = forms.ChoiceField(
        label=_("Where would you like to talk?"),
        choices=[("", _("I do not mind")), *Place.choices],
        required=False,
    )
    interpreter_wanted = forms.BooleanField(label=_("I would like an interpreter"), required=False)
    brings = forms.CharField(
        label=_("Would you like to bring someone?"),
        max_length=Thread._meta.get_field("brings").max_length,
        required=False,
        help_text=_(
            "You may always bring someone to a conversation: a supporter (for example a client supporter or a "
            "buddy), a friend or family member, or an interpreter. Write who, if you like."
        ),
    )

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = family.children.only("first_name", "family_id")
        self.fields["child"].label_from_instance = lambda child: child.first_name


class LanguageForm(forms.Form):
    """The language of a parent's portal and e-mails."""

    language = forms.ChoiceField(label=_("Your language"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = parent_language_choices()

    def options(self) -> list[tuple]:
        """Each choice with the language's own name and its name in the page's language (when they differ)."""
        options = []
        for choice in self["language"]:
            code = choice.data["value"]
            own, translated = local_name(code), language_name(code)
            options.append((choice, own, "" if translated.casefold() == own.casefold() else translated))
        return options


class InviteForm(CrispyFormMixin, forms.Form):
    """Staff choose the language of the caregiver's portal and e-mails when they invite them."""

    language = forms.ChoiceField(
        label=_("Language of the portal and the e-mails"),
        help_text=_("Suggested from the caregiver's preferred language or the family's home language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = parent_language_choices()
