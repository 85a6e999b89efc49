from django import forms
from django.utils.translation import gettext_lazy as _

from childpages.models import STAFF_LABELS, TOPICS, ChildPage, Suggestion, Topic
from contacts.forms import count_characters
from families.models import Language
from partnership.forms import CrispyFormMixin
from partnership.languages import local_name

# Each part of the page with a short question that says what to write, in plain words (B1).
QUESTIONS = {
    Topic.COMFORT: _("What do you do at home when your child is sad? What helps your child to calm down?"),
    Topic.SLEEP: _("How does your child sleep? For example: when, how long, with a cuddly toy or a song."),
    Topic.FOOD: _("What does your child like to eat? What does your child not eat, or not eat yet?"),
    Topic.WORDS: _(
        "Which words does your child use for things? For example for drinking, the toilet or a cuddly toy. "
        "Write them in the language your child uses them in."
    ),
    Topic.CELEBRATIONS: _("Which days or holidays does your family celebrate? How?"),
    Topic.LOVES: _("What does your child love to do or to play with? What is your child good at?"),
    Topic.OTHER: _("Is there anything else the team should know about your child?"),
}

# The languages a parent may write in, each by its own name, so a parent finds theirs whatever the page's
# language; the names Django does not know are written here.
OWN_NAMES = {
    "ber": "Tamaziɣt",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "pap": "Papiamentu",
    "srn": "Sranantongo",
    "hns": "Sarnámi",
    "prs": "دری",
    "zh": "中文",
}


def own_name(code: str) -> str:
    return OWN_NAMES.get(code) or local_name(code)


class LanguageSelect(forms.Select):
    """Each option marked with its own language: "Türkçe" on an Arabic page is Turkish, for a screen reader too."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value and value != Language.OTHER:
            option["attrs"]["lang"] = value
        return option


def _text_area():
    return forms.Textarea(attrs={"rows": 3, "dir": "auto"})


class PageForm(CrispyFormMixin, forms.ModelForm):
    """The parents' page about their child. The version is the one the parent started from (optimistic
    locking: two parents writing at once)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ChildPage
        fields = ["language", *TOPICS]
        labels = {"language": _("The language you write in")}
        help_texts = {
            "language": _("We show your text as you wrote it. A computer does not translate it."),
            **QUESTIONS,
        }
        widgets = {"language": LanguageSelect, **{topic: _text_area() for topic in TOPICS}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, own_name(code)) for code, _label in Language.choices if code != Language.OTHER]
        self.fields["language"].choices = [*choices, (Language.OTHER, _("Another language"))]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for topic in TOPICS:
            # No maxlength: a browser cuts a pasted text without a word; the form says when it is too long.
            self.fields[topic].widget.attrs.pop("maxlength", None)

    def texts(self) -> dict[str, str]:
        return {topic: self.cleaned_data[topic] for topic in TOPICS}


class SuggestionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = Suggestion
        fields = ["topic", "text"]
        labels = {"topic": _("Your suggestion is about"), "text": _("Your suggestion")}
        help_texts = {
            "text": _(
                "The parents read this in the portal and decide whether it goes on the page. Write in plain Dutch "
                "what you saw at the group, for example: “Calms down with the song about the little boat.”"
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [(topic.value, STAFF_LABELS[topic]) for topic in Topic]
        count_characters(self.fields["text"])
