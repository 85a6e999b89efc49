"""Settings, read from the environment (see README.md, "Configuration")."""

import datetime
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

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
    "partnership.apps.SupportAdminConfig",  # Django's admin, for technical support only (partnership/admin.py)
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
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "accounts",
    "organisations",
    "families",
    "intakes",
    "successfactors",
    "contacts",
    "agreements",
    "health",
    "portal",
    "threads",
    "audit",
    "notifications",
    "privacy",
    "reports",
    "imports",
    "safeguarding",
    "reflection",
    "moments",
    "childpages",
    "lifeevents",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "partnership.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionKeepAliveMiddleware",
    # Staff stay in the staff languages; a language chosen at login or on the parent's page is kept.
    "partnership.languages.LanguageMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "audit.middleware.FileAccessMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The session rules (accounts/middleware.py): absolute lifetime, two-factor login, the shared device's lock.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "accounts.middleware.SharedDeviceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "partnership.middleware.NoStoreForSignedInMiddleware",
    # Last: it turns a login refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
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
                "accounts.permissions.context",
                "partnership.languages.context",
                "accounts.sessions.context",
                "threads.context_processors.unread",
            ],
        },
    },
]

WSGI_APPLICATION = "partnership.wsgi.application"

# Database: DATABASE_URL when set; otherwise an embedded PostgreSQL in a git-ignored folder.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
elif not (DEBUG or TESTING):
    # The embedded PostgreSQL is for development and tests (pgserver is a development requirement only).
    raise ImproperlyConfigured("DATABASE_URL is not set (e.g. postgres://user:password@host:5432/name).")
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
    # Django's rules, worded for parents (accounts/validators.py).
    {"NAME": "accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.validators.CommonPasswordValidator"},
    {"NAME": "accounts.validators.NumericPasswordValidator"},
    # A common word, Dutch childcare word or the user's own name with digits around it (accounts/validators.py).
    {"NAME": "accounts.validators.CommonStemValidator"},
]
# django-axes first: it refuses a login while the username or the address is locked out (accounts/throttle.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link is valid for one day

# Sessions end after an hour without activity, and when the browser closes (shared tablets).
# The cache holds counters that must be shared by every app server (password-reset throttling): Redis when
# REDIS_URL is set (sessions then live there too, written through to PostgreSQL), else a table in PostgreSQL
# (`manage.py createcachetable`, run by `make run` and the deploy steps; the test database gets it by itself).
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}}
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_SECONDS", default=60 * 60)
# The idle limit counts from the last request, to within this many seconds (accounts/sessions.py keep_alive):
# saving the session on every request cost three queries per page.
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# ... and in any case this long after the login (accounts/middleware.py).
SESSION_ABSOLUTE_SECONDS = env.int("DJANGO_SESSION_ABSOLUTE_SECONDS", default=12 * 60 * 60)
# Changing the password, e-mail address, second factor or PIN asks for the password again after this long.
REAUTHENTICATE_AFTER_SECONDS = 5 * 60
# "Shared device" at login (the tablet at the door): the session locks after this long without a request and
# opens again with the user's PIN or password; this many wrong tries end the session.
SHARED_DEVICE_LOCK_SECONDS = env.int("DJANGO_SHARED_DEVICE_LOCK_SECONDS", default=3 * 60)
SHARED_DEVICE_UNLOCK_ATTEMPTS = 5

# Two-factor login (accounts/two_factor.py): required for staff, coordinators and admins when DEBUG is off.
# Only partnership/test_settings.py switches the requirement off (the suite signs in with force_login);
# tests/accounts/test_two_factor.py tests the rule switched on.
TWO_FACTOR_REQUIRED_FOR_STAFF = True
OTP_TOTP_ISSUER = "Ouderpartnerschap"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Failed logins (django-axes; accounts/throttle.py): counted per username and per client address; a username
# is locked after LOGIN_FAILURE_LIMIT failures, an address after LOGIN_ADDRESS_FAILURE_LIMIT, until
# LOGIN_COOLOFF_MINUTES have passed since the last failure or the organisation admin unlocks the account.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("DJANGO_LOGIN_COOLOFF_MINUTES", default=15))
AXES_HANDLER = "accounts.throttle.LoginThrottle"
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.throttle.lockout_response"
# The login log: successful logins (AccessLog) and failed ones (AccessFailureLog), shown to the organisation
# admin at /accounts/login-log/.
AXES_DISABLE_ACCESS_LOG = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# Behind this many reverse proxies of our own, the client address is read from X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# Password-reset requests (accounts/throttle.py): at most this many per e-mail address and per client address
# within the window; beyond that no mail goes out, and the page says the same as always.
PASSWORD_RESET_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_LIMIT_PER_ADDRESS = 10
PASSWORD_RESET_THROTTLE_SECONDS = 60 * 60

LANGUAGE_CODE = "nl"
# The parent side (the portal, its e-mails, the pages before login) speaks every language here, each named in
# itself; adding one is this line and its locale/<code>/LC_MESSAGES/django.po (README.md, "Languages").
# Right-to-left languages (Arabic) come from Django's LANGUAGES_BIDI, which lists them already.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
# The staff side stays in these (partnership/languages.py): staff write in Dutch, and read the app in Dutch or
# English.
STAFF_LANGUAGES = ["nl", "en"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Templates name their date formats (date:"SHORT_DATE_FORMAT"), so each language writes dates its own way.
FORMAT_MODULE_PATH = ["partnership.formats"]
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
# Django's admin lists history events without their data (partnership/admin.py).
PGHISTORY_ADMIN_CLASS = "partnership.admin.SupportEventsAdmin"

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
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp), with DEBUG on as well: everything comes from the app itself and nothing
# runs or styles inline, so an injected <script>, style or on...= handler does nothing. Bootstrap's CSS draws
# some icons as data: SVG images. Scripts and styles go in static/js/ and static/css/, never in a template.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

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
# most once per interval; a request for a conversation is due for the mentor within this many days. A caregiver
# has one unanswered request at a time, and asks at most this many times a day.
PORTAL_INVITATION_DAYS = env.int("PORTAL_INVITATION_DAYS", default=7)
PORTAL_FEEDBACK_INTERVAL_DAYS = 30
PORTAL_CONVERSATION_RESPONSE_DAYS = 5
PORTAL_CONVERSATION_REQUESTS_PER_DAY = 3

# An organisation admin opens a family's file with a recorded reason; it stays open for them this long
# (docs/security.md, "Organisation admins and family files").
ADMIN_FILE_ACCESS_MINUTES = env.int("ADMIN_FILE_ACCESS_MINUTES", default=120)

# Relationship health (DESIGN.md section 3): overrides of the signals' thresholds by name, as JSON, e.g.
# {"contact_attention_days": 14}. The defaults, and what each one means, are in the signals' declarations in
# health/rules/; health.rules.limits() merges the two. Documented in README.md.
HEALTH_THRESHOLDS = env.json("HEALTH_THRESHOLDS", default={})
# The address of the app, for links in e-mails sent by management commands (no request to build them from).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# The planning-system import (imports/): the largest file and the most rows taken at once; a file of at most
# IMPORT_INLINE_ROWS rows is checked and imported while the admin waits, a larger one by `manage.py run_imports`
# (cron, or `run_imports --loop` beside the web server) with a progress bar. Uploaded files and the row-by-row
# reports (they name children and parents) are kept IMPORT_KEEP_DAYS at most; a run without a sign of life for
# IMPORT_STALE_MINUTES is marked as stopped (its transaction rolled back: nothing of it was imported).
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20_000)
IMPORT_INLINE_ROWS = env.int("IMPORT_INLINE_ROWS", default=500)
IMPORT_KEEP_DAYS = env.int("IMPORT_KEEP_DAYS", default=30)
IMPORT_STALE_MINUTES = 10
