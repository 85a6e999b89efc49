from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from partnership.forms import CrispyFormMixin


class LoginForm(CrispyFormMixin, AuthenticationForm):
    # One message for a wrong password and an unknown user alike, so the form does not reveal who has an account.
    error_messages = {
        "invalid_login": _(
            "This username and password do not match an account. Check both (capitals count) and try again."
        ),
        "inactive": _("This account is not active. Ask your childcare organisation for access."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        # Django sets max_length on this field after it was made, so nothing checks it: a longer name reached
        # authenticate(), and django-axes failed to store the failed attempt (a 500, found by test_fuzz_forms).
        username.validators.append(MaxLengthValidator(username.max_length))


class PasswordChangeCrispyForm(CrispyFormMixin, PasswordChangeForm):
    pass


class PasswordResetCrispyForm(CrispyFormMixin, PasswordResetForm):
    pass


class SetPasswordCrispyForm(CrispyFormMixin, SetPasswordForm):
    pass


class SharedDeviceLoginForm(LoginForm):
    shared_device = forms.BooleanField(
        label=_("This is a shared device (tablet at the door)"),
        required=False,
        help_text=_(
            "The session then locks after a few minutes without use and opens again with your PIN or password."
        ),
    )


class SafePasswordResetForm(PasswordResetCrispyForm):
    """A reset form whose mail goes out only while the throttle allows (accounts/throttle.py); the page says
    the same either way, so it tells nobody whether an address has an account or was throttled."""

    def __init__(self, *args, allowed=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def send_mail(self, *args, **kwargs):
        if self.allowed:
            super().send_mail(*args, **kwargs)


class ConfirmPasswordForm(CrispyFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        # authenticate() with the request: django-axes counts a wrong password here like one at the login.
        if authenticate(self.request, username=user.get_username(), password=password) is None:
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password


class CodeForm(CrispyFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "none", "autofocus": True}
        ),
    )


class SetupCodeForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("The 6-digit code your app shows now")


class PinForm(CrispyFormMixin, forms.Form):
    pin = forms.RegexField(
        label=_("New PIN (4 to 6 digits)"),
        regex=r"^\d{4,6}$",
        error_messages={"invalid": _("Use 4 to 6 digits.")},
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    pin2 = forms.CharField(
        label=_("The same PIN again"), widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    )

    def clean(self):
        data = super().clean()
        if data.get("pin") and data.get("pin") != data.get("pin2"):
            self.add_error("pin2", _("The two PINs differ."))
        if data.get("pin") and len(set(data["pin"])) == 1:
            self.add_error("pin", _("Not the same digit over and over."))
        return data


class UnlockForm(CrispyFormMixin, forms.Form):
    secret = forms.CharField(
        label=_("Your PIN or your password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )


class EmailForm(CrispyFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
