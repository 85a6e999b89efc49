"""Settings, read from the environment (see README.md, "Configuration")."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A developer's local, git-ignored .env (written by `make run`); real environment variables take precedence.
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
TESTING = env.bool("DJANGO_TESTING", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it (and DJANGO_ALLOWED_HOSTS) in production, "
            "or DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG or TESTING else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is not set (comma-separated host names this app serves).")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "crispy_forms",
    "crispy_bootstrap5",
    "accounts",
    "organisations",
    "families",
    "intakes",
    "successfactors",
    "contacts",
    "agreements",
    "health",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "partnership.middleware.NoStoreForSignedInMiddleware",
]

ROOT_URLCONF = "partnership.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "partnership.wsgi.application"

# Database: DATABASE_URL when set; otherwise an embedded PostgreSQL in a git-ignored folder.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    from partnership.embedded_db import embedded_database

    DATABASES = {
        "default": embedded_database(
            Path(env.str("EMBEDDED_PG_DIR", default=str(BASE_DIR / ".pgdata"))),
            env.str("EMBEDDED_PG_NAME", default="ouderpartnerschap"),
        )
    }
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# PostgreSQL's JIT compiles "expensive" plans, such as the health dashboard's single statement, at a cost of
# hundreds of milliseconds per request that a web app's short queries never earn back.
DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link is valid for one day

# Sessions end after an hour without activity, and when the browser closes (shared tablets).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_SECONDS", default=60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Bootstrap comes from the npm package installed by `npm ci` (see package.json); nothing from a CDN.
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

WHITENOISE_USE_FINDERS = DEBUG or TESTING

# History of family data (django-pghistory): database triggers write every change; the app cannot rewrite it.
# Only writes carry the user and URL as context (GETs change nothing).
PGHISTORY_MIDDLEWARE_METHODS = ("POST",)
PGHISTORY_APPEND_ONLY = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="Ouderpartnerschap <noreply@localhost>")

# Production hardening; `manage.py check --deploy` passes with DEBUG off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not TESTING)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = not TESTING
    CSRF_COOKIE_SECURE = not TESTING
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # The embedded PostgreSQL narrates every start and stop; only its problems matter.
    "loggers": {"pgserver": {"level": "WARNING"}},
}

# Contact moments. The mentor conversation (mentorgesprek) is due this many days after the last one, and for
# a new child this many days after its first day; the staff home lists those due within the horizon.
MENTOR_CONVERSATION_INTERVAL_DAYS = env.int("MENTOR_CONVERSATION_INTERVAL_DAYS", default=182)
MENTOR_CONVERSATION_FIRST_AFTER_DAYS = env.int("MENTOR_CONVERSATION_FIRST_AFTER_DAYS", default=90)
MENTOR_CONVERSATION_HORIZON_DAYS = 30
# The period over which checklist use is counted per family and per staff member.
CHECKLIST_COVERAGE_DAYS = 90
# The staff home marks a family when nobody has had contact with its parents for this many days.
CONTACT_QUIET_DAYS = env.int("CONTACT_QUIET_DAYS", default=21)

# The parent portal: an invitation link is valid this many days; a parent tells how the partnership feels at
# most once per interval; a request for a conversation is due for the mentor within this many days.
PORTAL_INVITATION_DAYS = env.int("PORTAL_INVITATION_DAYS", default=7)
PORTAL_FEEDBACK_INTERVAL_DAYS = 30
PORTAL_CONVERSATION_RESPONSE_DAYS = 5

# Relationship health (DESIGN.md section 3): the thresholds of each signal. "attention" and "concern" are the
# points where a signal turns from good to attention, and from attention to concern. Documented in README.md.
HEALTH_THRESHOLDS = {
    "contact_attention_days": 21,  # no contact with a caregiver for this many days
    "contact_concern_days": 42,
    "balance_days": 90,  # share of informal or positive contacts in this period
    "balance_min_contacts": 3,
    "balance_attention_percent": 50,
    "balance_concern_percent": 25,
    "intake_attention_days": 14,  # no intake this many days after the first day
    "intake_concern_days": 42,
    "evaluation_concern_days": 14,  # an evaluation overdue at all is attention; this long, concern
    "proposal_attention_days": 14,  # proposed to the parents but not agreed for this long
    "proposal_concern_days": 28,
    "promise_concern_days": 14,  # a follow-up promised to the parents overdue at all is attention; this long, concern
    "tone_days": 45,  # worried or tense contacts in this period
    "tone_attention_count": 2,
    "tone_concern_count": 3,
    "interpreter_days": 90,  # conversations without an interpreter while one is needed
    "interpreter_attention_count": 1,
    "interpreter_concern_count": 2,
    "feedback_days": 180,  # the parents' latest feedback in this period: its lowest score
    "feedback_attention_score": 3,
    "feedback_concern_score": 2,
    "coverage_days": 90,  # conversations (not door chats) with at least one success factor ticked
    "coverage_min_contacts": 2,
    "coverage_attention_percent": 50,
    "coverage_concern_percent": 20,
    "acknowledgement_days": 30,  # an acknowledged signal counts again after this long
} | env.json("HEALTH_THRESHOLDS", default={})
# The address of the app, for links in e-mails sent by management commands (no request to build them from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
