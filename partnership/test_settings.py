"""Settings for the test suite: the normal settings, with testing switched on and fast password hashing."""

import os

os.environ.setdefault("DJANGO_TESTING", "true")

from partnership.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# The suite signs in with force_login, which has no second step; tests/accounts/test_two_factor.py switches the
# requirement on to test the production rule (DESIGN.md section 7). Users who have set up a device are still
# asked for a code, as in production.
TWO_FACTOR_REQUIRED_FOR_STAFF = False
# Django's test Client.login() calls authenticate() without a request, which django-axes refuses; this backend
# gives it one (from 127.0.0.1), so the throttle still applies to it.
AUTHENTICATION_BACKENDS = ["tests.auth_backends.TestClientAxesBackend", "django.contrib.auth.backends.ModelBackend"]
# Each test process counts its own throttles; tests/conftest.py clears the cache before every test.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
