from crispy_forms.helper import FormHelper
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm


class CrispyMixin:
    """Forms are rendered by crispy's {% crispy %} tag without their own <form> element (the template has it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class LoginForm(CrispyMixin, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})


class PasswordChangeCrispyForm(CrispyMixin, PasswordChangeForm):
    pass


class PasswordResetCrispyForm(CrispyMixin, PasswordResetForm):
    pass


class SetPasswordCrispyForm(CrispyMixin, SetPasswordForm):
    pass
