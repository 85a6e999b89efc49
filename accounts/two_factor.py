"""Two-factor login (DESIGN.md sections 4 and 7): who is asked for a code after the password, and the QR code
that an authenticator app scans.

- Staff, coordinators and admins must set up an authenticator app when DEBUG is off
  (TWO_FACTOR_REQUIRED_FOR_STAFF switches this requirement off for the test suite only).
- Anyone who has set one up, parents included, is asked for a code at every login.
- With DEBUG on, the demo users are never asked (so `make run` shows the app straight away).
"""

from base64 import b32encode
from binascii import unhexlify
from urllib.parse import quote, urlencode

import segno
from django.conf import settings

from accounts import sessions
from accounts.permissions import STAFF_ROLES
from accounts.selectors import has_two_factor

SETUP = "setup"
VERIFY = "verify"
ISSUER = "Ouderpartnerschap"


def required_for(user) -> bool:
    return settings.TWO_FACTOR_REQUIRED_FOR_STAFF and not settings.DEBUG and user.role in STAFF_ROLES


def step_for(request) -> str | None:
    """The two-factor step the signed-in user still has to take in this session: SETUP, VERIFY or None."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if settings.DEBUG and user.is_demo:
        return None
    has_device = request.session.get(sessions.HAS_TWO_FACTOR)
    if has_device is None:
        has_device = request.session[sessions.HAS_TWO_FACTOR] = has_two_factor(user)
    if has_device:
        return VERIFY
    if required_for(user):
        return SETUP
    return None


def secret_text(hex_key: str) -> str:
    """The key as an authenticator app asks for it when typed: base32, in groups of four."""
    secret = b32encode(unhexlify(hex_key)).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def config_url(*, user, hex_key: str) -> str:
    label = quote(f"{ISSUER}:{user.get_username()}")
    params = urlencode({"secret": secret_text(hex_key).replace(" ", ""), "issuer": ISSUER, "digits": 6, "period": 30})
    return f"otpauth://totp/{label}?{params}"


def qr_data_uri(url: str) -> str:
    """The QR code as an SVG data: URI for an <img>: made by the app itself (segno), no outside service, and no
    inline markup for the Content-Security-Policy to weigh."""
    return segno.make(url, error="m").svg_data_uri(scale=5, border=2, dark="#000", light="#fff")
