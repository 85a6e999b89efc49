from crispy_forms.helper import FormHelper
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _


class CrispyMixin:
    """Forms are rendered by crispy's {% crispy %} tag without their own <form> element (the template has it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class LoginForm(CrispyMixin, AuthenticationForm):
    # One message for a wrong password and an unknown user alike, so the form does not reveal who has an account.
    error_messages = {
        "invalid_login": _(
            "This username and password do not match an account. Check both (capitals count) and try again."
        ),
        "inactive": _("This account is not active. Ask your childcare organisation for access."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})


class PasswordChangeCrispyForm(CrispyMixin, PasswordChangeForm):
    pass


class PasswordResetCrispyForm(CrispyMixin, PasswordResetForm):
    pass


class SetPasswordCrispyForm(CrispyMixin, SetPasswordForm):
    pass
