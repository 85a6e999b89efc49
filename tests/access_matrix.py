"""The URL access matrix: for every named URL of the project, the expected answer for each role.

Statuses: 200 page, 302 redirect (for "anonymous" it must go to the login page), 403 not for this role,
404 outside the user's scope, 405 method not allowed. Every later feature adds its URLs here; a URL that
is missing fails `test_every_url_is_classified`.
"""

ANON, PARENT, OTHER_PARENT, STAFF, OTHER_STAFF, COORD, ADMIN = ROLES = (
    "anonymous",
    "parent",
    "other_parent",
    "staff",
    "other_staff",
    "coordinator",
    "admin",
)


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, **overrides):
    """Login required; every signed-in role gets `status` unless overridden."""
    expected = dict.fromkeys(ROLES, status)
    expected[ANON] = 302
    expected.update(overrides)
    return expected


def staff_only(**overrides):
    expected = signed_in(200, parent=403, other_parent=403)
    expected.update(overrides)
    return expected


def no_kwargs(world):
    return {}


# name -> (kwargs built from the test world, expected status per role)
MATRIX = {
    "home": (no_kwargs, signed_in(302)),
    "healthz": (no_kwargs, everyone(200)),
    "set_language": (no_kwargs, everyone(302)),
    "accounts:login": (no_kwargs, signed_in(302, anonymous=200)),
    "accounts:logout": (no_kwargs, signed_in(405)),
    "accounts:password_change": (no_kwargs, signed_in(200)),
    "accounts:password_change_done": (no_kwargs, signed_in(200)),
    "accounts:password_reset": (no_kwargs, everyone(200)),
    "accounts:password_reset_done": (no_kwargs, everyone(200)),
    "accounts:password_reset_confirm": (lambda w: {"uidb64": "MQ", "token": "expired-token"}, everyone(200)),
    "accounts:password_reset_complete": (no_kwargs, everyone(200)),
    "families:mine": (no_kwargs, staff_only()),
    "families:detail": (lambda w: {"pk": w.family.pk}, staff_only(other_staff=404)),
    "organisations:overview": (no_kwargs, signed_in(403, coordinator=200, admin=200)),
    "portal:home": (no_kwargs, signed_in(403, parent=200, other_parent=200)),
}

# Django's admin is classified as a whole: only organisation admins (is_staff) get in.
ADMIN_NAMESPACE = "admin"
