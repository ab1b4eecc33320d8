"""Test settings: fast hashing, in-memory outboxes, tasks run in process."""

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "urgent"],
    }
}
SITE_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
OTP_WEBAUTHN_RP_ID = "localhost"
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # pytest-django creates its own database; keep it in memory.
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}

# Serve static files from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tests share one process and roll back their transactions (no on-commit invalidation):
# the page cache is off, and its own tests turn it on.
PAGE_CACHE_SECONDS = 0
