from django import forms
from django.utils.translation import gettext_lazy as _

from families.forms import CrispyFormMixin
from portal.models import PartnershipFeedback

SCORES = [(n, str(n)) for n in range(1, 6)]


class FeedbackForm(CrispyFormMixin, forms.ModelForm):
    relatie = forms.TypedChoiceField(coerce=int, choices=SCORES, widget=forms.RadioSelect)
    competentie = forms.TypedChoiceField(coerce=int, choices=SCORES, widget=forms.RadioSelect)
    autonomie = forms.TypedChoiceField(coerce=int, choices=SCORES, widget=forms.RadioSelect)

    class Meta:
        model = PartnershipFeedback
        fields = ["relatie", "competentie", "autonomie", "remark"]
        widgets = {"remark": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("relatie", "competentie", "autonomie"):
            self.fields[name].label = PartnershipFeedback._meta.get_field(name).verbose_name
            self.fields[name].help_text = _("1 = not at all, 5 = very much")


class ConversationRequestForm(CrispyFormMixin, forms.Form):
    child = forms.ModelChoiceField(label=_("About"), queryset=None, required=False, empty_label=_("Our family"))
    text = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few words are enough. The mentor will contact you."),
    )

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = family.children.only("first_name", "family_id")
        self.fields["child"].label_from_instance = lambda child: child.first_name
