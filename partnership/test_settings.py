"""Settings for the test suite: the normal settings, with testing switched on and fast password hashing."""

import os

os.environ.setdefault("DJANGO_TESTING", "true")

from partnership.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
