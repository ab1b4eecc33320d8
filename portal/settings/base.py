"""Settings shared by every environment. Each value can be set from the environment."""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .env import env_bool, env_float, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("LUX_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "campaigns",
    # Subscriptions before alerts: the demo seeds subscribers, then sends them an alert.
    "alerts.subscriptions",
    "alerts",
    "alerts.delivery",
    "alerts.mobilisation",
    "alerts.relay",
    "alerts.testdays",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.users_app.UsersAppConfig",  # wagtail.users, groups named in the reader's language
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached citizen page costs no database query.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # {% csrf_token %} without a token on pages the page cache shares.
            "builtins": ["portal.templatetags.public_forms"],
        },
    },
]

# SQLite by default (embedded, zero set-up); PostgreSQL when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets the web process read while the task worker writes.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin sign-in: Wagtail's form with limits on failures (portal.forms), every sign-in
# audited (portal.login_audit), and a second factor (TOTP or a passkey) for alert roles and
# superusers.
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.ThrottledLoginForm"
# Failed sign-ins of one user name from one address (never per user name alone: nobody can
# lock an operator out from elsewhere). LOGIN_THROTTLE_PER_USERNAME is its former name.
LOGIN_THROTTLE_PER_USER_AND_IP = env_int(
    "LOGIN_THROTTLE_PER_USER_AND_IP", env_int("LOGIN_THROTTLE_PER_USERNAME", 5)
)
LOGIN_THROTTLE_PER_IP = env_int("LOGIN_THROTTLE_PER_IP", 20)
LOGIN_THROTTLE_WINDOW = env_int("LOGIN_THROTTLE_WINDOW", 15 * 60)
# The request header in which the reverse proxy puts the client's address (e.g. X-Real-IP);
# empty: REMOTE_ADDR. Only set it when the proxy always overwrites that header.
TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER")
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "LUX response")

# Security headers (portal.security_headers); the others come from SecurityMiddleware.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")
CSP_FRAME_SRC = env_list("CSP_FRAME_SRC")

# Languages: French is the default; French and Dutch are mandatory, English optional.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("en", "English"),
]
REQUIRED_LANGUAGES = ["fr", "nl"]
WAGTAIL_I18N_ENABLED = True
# In the admin, content languages are named in the editor's language ("Publier en
# néerlandais"); the public language switcher names each in its own (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", pgettext_lazy("language name", "French")),
    ("nl", pgettext_lazy("language name", "Dutch")),
    ("en", pgettext_lazy("language name", "English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work: django-tasks with its database backend by default; set TASKS_BACKEND=rq
# (and REDIS_URL) to run workers on Redis for scale-out.
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
TASKS_BACKEND = env_str("TASKS_BACKEND", "db")
if TASKS_BACKEND == "rq":
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_rq.RQBackend",
            "QUEUES": ["default", "urgent"],
        }
    }
    RQ_QUEUES = {
        "default": {"URL": REDIS_URL},
        "urgent": {"URL": REDIS_URL},
    }
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "urgent"],
        }
    }

# Email: SMTP when EMAIL_HOST is set, otherwise the local outbox (files under var/outbox).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = int(env_str("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "LUX response <alerte@lux-response.brussels>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    # Every email, whatever sends it, as a marked JSON file under var/outbox/email.
    EMAIL_BACKEND = "alerts.channels.outbox.OutboxEmailBackend"

# Wagtail
WAGTAIL_SITE_NAME = "LUX response"
# No avatar lookups at Gravatar: staff e-mail hashes stay here, and the admin's CSP holds.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The public address of the site, used in links sent by email or SMS and to check the
# signatures of provider webhooks (Twilio signs the public URL it called).
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL


def _passkey_defaults(base_url: str) -> tuple[str, list[str]]:
    """The relying party id and origin of passkeys for `base_url`. Browsers refuse an IP
    address as relying party, so the local default (127.0.0.1) becomes localhost."""
    parts = urlsplit(base_url)
    host = parts.hostname or "localhost"
    if host.replace(".", "").isdigit() or ":" in host:
        port = f":{parts.port}" if parts.port else ""
        return "localhost", [f"http://localhost{port}"]
    return host, [base_url]


# Passkeys (WebAuthn, django-otp-webauthn) as a second factor after the password, beside
# TOTP; never instead of the password. The id is a domain name (credentials are bound to
# it: changing it invalidates every passkey); origins are full https:// addresses.
_PASSKEY_RP_ID, _PASSKEY_ORIGINS = _passkey_defaults(SITE_BASE_URL)
OTP_WEBAUTHN_RP_ID = env_str("PASSKEY_RP_ID", _PASSKEY_RP_ID)
OTP_WEBAUTHN_RP_NAME = env_str("PASSKEY_RP_NAME", "LUX response")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("PASSKEY_ALLOWED_ORIGINS", _PASSKEY_ORIGINS)
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_JQUERY = True
# Submitting a page for translation saves the target page as a draft (never live with the
# source language's text); it goes live through the workflow once translated.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Cache: local memory by default; Redis when CACHE_URL is set.
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous citizen pages (portal.page_cache): seconds in the cache and in Cache-Control;
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_ALIAS = "default"
# With the page cache in Redis, each server process also keeps this many pages in memory
# (invalidated at once through Redis; see portal.page_cache_local). 0: none.
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 500)
# The alert banner fragment (alerts.banner_views), polled by open pages every 8 s: fresh
# in the page cache and in browsers for this many seconds at most.
PAGE_CACHE_BANNER_SECONDS = env_int("PAGE_CACHE_BANNER_SECONDS", 5)
# Stale copies (portal.page_cache_render): kept this long to stand in when a render fails
# (stale-if-error), given to concurrent requests this long past their freshness while one
# request re-renders (stale-while-revalidate); the lock of that render, and how long a
# request with no copy waits for it.
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 24 * 3600)
PAGE_CACHE_REVALIDATE_SECONDS = env_int("PAGE_CACHE_REVALIDATE_SECONDS", 30)
PAGE_CACHE_LOCK_SECONDS = env_int("PAGE_CACHE_LOCK_SECONDS", 10)
PAGE_CACHE_WAIT_SECONDS = env_float("PAGE_CACHE_WAIT_SECONDS", 2.5)
# Fragments every page repeats (the main navigation, the footer), kept in the page cache this
# long and made stale with the page cache's scopes (a publication shows at once); 0: off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 3600)
# A caching reverse proxy in front (docs/deployment.md), purged with HTTP PURGE when the
# page cache's scopes are made stale (portal.frontend_purge): off unless its address is set.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "portal.frontend_purge.TimedHTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
            "TIMEOUT": env_float("FRONTEND_CACHE_TIMEOUT", 2.0),
        }
    }
# A citizen form posted without its token (no JavaScript) comes back to be sent again.
CSRF_FAILURE_VIEW = "portal.public_forms.csrf_failure"

# Twilio (SMS). Without an account SID and token, SMS go to the local outbox (not sent).
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN")
TWILIO_MESSAGING_SERVICE_SID = env_str("TWILIO_MESSAGING_SERVICE_SID")
TWILIO_FROM = env_str("TWILIO_FROM", "LUXresponse")  # alphanumeric sender ID
TWILIO_API_BASE_URL = env_str("TWILIO_API_BASE_URL")  # a local peer in tests and demos
TWILIO_STATUS_CALLBACK_URL = env_str("TWILIO_STATUS_CALLBACK_URL")
TWILIO_TIMEOUT_SECONDS = env_float("TWILIO_TIMEOUT_SECONDS", 10.0)
# The number voice calls come from (E.164, a number of the Twilio account); without it,
# voice calls go to the local outbox.
TWILIO_VOICE_FROM = env_str("TWILIO_VOICE_FROM")

# Web push (VAPID). `manage.py generate_vapid_keys` prints fresh values.
VAPID_PUBLIC_KEY = env_str("VAPID_PUBLIC_KEY")
VAPID_PRIVATE_KEY = env_str("VAPID_PRIVATE_KEY")
VAPID_SUBJECT = env_str("VAPID_SUBJECT", "mailto:alerte@lux-response.brussels")

# Citizen subscriptions: link lifetimes, code policy and abuse limits.
SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE = env_int("SUBSCRIPTIONS_CONFIRM_LINK_MAX_AGE", 48 * 3600)
SUBSCRIPTIONS_MANAGE_LINK_MAX_AGE = env_int("SUBSCRIPTIONS_MANAGE_LINK_MAX_AGE", 24 * 3600)
SUBSCRIPTIONS_CODE_TTL = env_int("SUBSCRIPTIONS_CODE_TTL", 10 * 60)
SUBSCRIPTIONS_CODE_MAX_ATTEMPTS = env_int("SUBSCRIPTIONS_CODE_MAX_ATTEMPTS", 5)
SUBSCRIPTIONS_UNCONFIRMED_TTL_HOURS = env_int("SUBSCRIPTIONS_UNCONFIRMED_TTL_HOURS", 48)
# "Alert me where I am": a browser's stored position stops counting after this many days.
SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS = env_int("SUBSCRIPTIONS_POSITION_MAX_AGE_DAYS", 7)

# Partner network: a partner's self-service link works this many days; an entry not
# confirmed current for MOBILISATION_STALE_AFTER_DAYS is flagged to the crisis centre;
# partners are reminded every MOBILISATION_REMIND_EVERY_DAYS (a quarter).
MOBILISATION_SELF_SERVICE_DAYS = env_int("MOBILISATION_SELF_SERVICE_DAYS", 30)
MOBILISATION_STALE_AFTER_DAYS = env_int("MOBILISATION_STALE_AFTER_DAYS", 100)
MOBILISATION_REMIND_EVERY_DAYS = env_int("MOBILISATION_REMIND_EVERY_DAYS", 91)
# Incoming SMS (their MessageSid) are remembered this long, so that a replayed STOP or
# START is recognised and changes nothing.
INBOUND_SMS_KEEP_DAYS = env_int("INBOUND_SMS_KEEP_DAYS", 365)
SUBSCRIPTIONS_CONSENT_TEXT_VERSION = env_str("SUBSCRIPTIONS_CONSENT_TEXT_VERSION", "2026-11")
# Rate limits on everything that sends a code or a link: (how many, per seconds).
SUBSCRIPTIONS_RATE_LIMITS = {
    "ip": (env_int("SUBSCRIPTIONS_LIMIT_PER_IP_HOUR", 10), 3600),
    "email": (env_int("SUBSCRIPTIONS_LIMIT_PER_EMAIL_HOUR", 3), 3600),
    "phone": (env_int("SUBSCRIPTIONS_LIMIT_PER_PHONE_HOUR", 3), 3600),
    "phone_prefix": (env_int("SUBSCRIPTIONS_LIMIT_PER_PHONE_PREFIX_HOUR", 20), 3600),
    "sms_daily": (env_int("SUBSCRIPTIONS_LIMIT_SMS_PER_DAY", 2000), 86400),
}
# Digits of the E.164 number (after "+") that make a prefix for the prefix limit.
SUBSCRIPTIONS_PHONE_PREFIX_DIGITS = env_int("SUBSCRIPTIONS_PHONE_PREFIX_DIGITS", 6)

# SMS pricing, used by the composer's cost estimate (euro per segment).
SMS_PRICE_PER_SEGMENT_EUR = env_float("SMS_PRICE_PER_SEGMENT_EUR", 0.0795)
# A voice call, per started minute (Belgian landlines and mobiles differ: set your rate).
VOICE_PRICE_PER_MINUTE_EUR = env_float("VOICE_PRICE_PER_MINUTE_EUR", 0.10)

SITE_NAME = _("LUX response")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# Alerts: the CAP sender of our messages, and the tile server of the area map
# (an OpenStreetMap-style URL template; empty shows the plain coordinates field only).
CAP_SENDER = env_str("CAP_SENDER", "alerte@lux-response.brussels")
# Signed CAP (alerts.cap_signing): published documents carry an XML signature made with
# this key (PEM, RSA or EC) and certificate; both empty publishes unsigned. A test pair:
# `manage.py cap_signing_keypair var/cap-signing`.
CAP_SIGNING_KEY_FILE = env_str("CAP_SIGNING_KEY_FILE", "")
CAP_SIGNING_CERT_FILE = env_str("CAP_SIGNING_CERT_FILE", "")
ALERTS_MAP_TILE_URL = env_str("ALERTS_MAP_TILE_URL", "")
ALERTS_MAP_TILE_ATTRIBUTION = env_str("ALERTS_MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

# Delivery engine (alerts/delivery): claim batches from the ledger, retry with back-off.
DELIVERY_BATCH_SIZE = env_int("DELIVERY_BATCH_SIZE", 500)
DELIVERY_LEASE_SECONDS = env_int("DELIVERY_LEASE_SECONDS", 120)
# Push and SMS answers are committed after every this many messages of a batch: the most a
# crash can leave in doubt (email commits each answer before the next email).
DELIVERY_RECORD_EVERY = env_int("DELIVERY_RECORD_EVERY", 100)
# A fan-out to more contact points than this (PostgreSQL's estimate) writes its ledger over
# this many connections at once, each committing its share.
DELIVERY_LEDGER_CONNECTIONS = env_int("DELIVERY_LEDGER_CONNECTIONS", 2)
DELIVERY_LEDGER_PARALLEL_FROM = env_int("DELIVERY_LEDGER_PARALLEL_FROM", 100_000)
DELIVERY_MAX_ATTEMPTS = env_int("DELIVERY_MAX_ATTEMPTS", 8)
# An approved alert still "sending" without a ledger this long after its last change was
# left by a crash right after the approval: the periodic sweep dispatches it.
DELIVERY_STUCK_AFTER_SECONDS = env_int("DELIVERY_STUCK_AFTER_SECONDS", 30)
DELIVERY_RETRY_BASE_SECONDS = env_float("DELIVERY_RETRY_BASE_SECONDS", 5.0)
DELIVERY_RETRY_MAX_SECONDS = env_float("DELIVERY_RETRY_MAX_SECONDS", 900.0)
DELIVERY_TASK_SECONDS = env_float("DELIVERY_TASK_SECONDS", 60.0)
# Messages per second per channel, shared by all workers through the cache (0: no limit).
DELIVERY_RATE_LIMITS = {
    "sms": env_int("DELIVERY_RATE_SMS", 100),
    "push": env_int("DELIVERY_RATE_PUSH", 0),
    "email": env_int("DELIVERY_RATE_EMAIL", 200),
    # Twilio accounts place 1 call per second unless raised (Calls Per Second).
    "voice": env_int("DELIVERY_RATE_VOICE", 1),
}
# Voice calls: a busy line or no answer is called again after DELIVERY_VOICE_RETRY_SECONDS
# × the calls made so far, up to DELIVERY_VOICE_MAX_CALLS calls in all.
DELIVERY_VOICE_MAX_CALLS = env_int("DELIVERY_VOICE_MAX_CALLS", 3)
DELIVERY_VOICE_RETRY_SECONDS = env_int("DELIVERY_VOICE_RETRY_SECONDS", 120)
