"""Writes about accounts: deactivation (which ends every session), unlocking after too many failed logins, the
second factor (authenticator app and recovery codes), the shared-device PIN and the e-mail address."""

import logging
import time
from binascii import unhexlify

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import UnlockPin, User
from accounts.throttle import login_failures_reset

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10


def sessions_end(*, user) -> int:
    """Delete every session of the user from the session store. Sessions are signed JSON, so each one that has
    not expired is decoded to find its user; deactivation is rare and the store holds only live sessions."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def user_deactivate(*, user: User, by: User | None) -> None:
    """The account can no longer log in, and every open session of it ends now (the post_save receiver in
    accounts/signals.py ends the sessions for every save of an inactive user, the Django admin's included)."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    logger.info("User %s deactivated by %s", user.pk, getattr(by, "pk", None))


@transaction.atomic
def user_reactivate(*, user: User, by: User | None) -> None:
    """The account can log in again with its own password (or, if it never chose one, once it accepts a new
    invitation)."""
    user.is_active = True
    user.save(update_fields=["is_active"])
    logger.info("User %s reactivated by %s", user.pk, getattr(by, "pk", None))


@transaction.atomic
def staff_invitation_accept(*, user: User, password: str) -> None:
    """The invited person chose their password: the link stops working (the token hashes the password)."""
    user.set_password(password)
    user.save(update_fields=["password"])


@transaction.atomic
def login_unlock(*, user: User, by: User | None) -> int:
    """Lift a lockout after too many failed logins for this account: the organisation admin (`by`), or a
    completed password reset (`by` None: the link in the mail proves the account is theirs)."""
    count = login_failures_reset(username=user.username)
    lifted_by = by.pk if by is not None else "password reset"
    logger.info("Login lockout of user %s lifted by %s (%s attempts forgotten)", user.pk, lifted_by, count)
    return count


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def totp_matches(*, hex_key: str, code: str) -> int | None:
    """The time step at which the 6-digit code is valid for the key (one step of clock difference allowed), or
    None."""
    code = _normalised(code)
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = TOTP(unhexlify(hex_key), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    return totp.t() if totp.verify(int(code), tolerance=1) else None


@transaction.atomic
def totp_device_create(*, user: User, hex_key: str, code: str) -> TOTPDevice:
    """Confirm the authenticator app the user has just added with its first code. It replaces any earlier one,
    and the recovery codes are renewed with it (see recovery_codes_generate)."""
    step = totp_matches(hex_key=hex_key, code=code)
    if step is None:
        raise ValidationError(
            {"code": _("This code does not match. Check the time on your phone and type the newest code.")}
        )
    TOTPDevice.objects.filter(user=user).delete()
    # last_t: the code just used cannot be used again to log in.
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), key=hex_key, confirmed=True, last_t=step)


@transaction.atomic
def recovery_codes_generate(*, user: User) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working. Returned once, to be shown once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery", "confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _device_model(code: str):
    """Six digits are a code from the authenticator app; anything else is tried as a recovery code."""
    return TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice


@transaction.atomic
def two_factor_verify(*, user: User, code: str):
    """The device that accepts the code: the authenticator app, or the recovery codes (a code is used up).
    None when it does not match or the device is throttled after wrong codes (django-otp waits longer after
    each wrong one)."""
    code = _normalised(code)
    if not code:
        return None
    device = _device_model(code).objects.select_for_update().filter(user=user, confirmed=True).first()
    if device is not None and device.verify_token(code):
        return device
    return None


def two_factor_throttled(*, user: User, code: str) -> bool:
    """Whether the device this code is for is waiting after wrong codes (a recovery code still works while the
    app's codes wait, and the other way round)."""
    device = _device_model(_normalised(code)).objects.filter(user=user, confirmed=True).first()
    return device is not None and not device.verify_is_allowed()[0]


@transaction.atomic
def two_factor_turn_off(*, user: User) -> None:
    """Parents may turn two-step login off again; the rule for staff is in accounts/two_factor.py."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@transaction.atomic
def unlock_pin_set(*, user: User, pin: str) -> None:
    UnlockPin.objects.update_or_create(user=user, defaults={"pin_hash": make_password(pin)})


def unlock_pin_check(*, user: User, pin: str) -> bool:
    record = UnlockPin.objects.filter(user=user).first()
    if record is None:
        return False

    def upgrade(raw):
        record.pin_hash = make_password(raw)
        record.save(update_fields=["pin_hash", "set_at"])

    return check_password(pin, record.pin_hash, setter=upgrade)


@transaction.atomic
def user_email_change(*, user: User, email: str) -> None:
    user.email = email
    user.save(update_fields=["email"])
