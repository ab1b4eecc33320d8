"""Local development and the `make run` demo: embedded defaults, never for production."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY
from .env import env_int

DEBUG = True
# A development-only key; production refuses to start without its own SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# Serve static files from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The page cache is per process without Redis, and the demo's task worker is another
# process: keep it off so an alert sent by the worker shows at once (PAGE_CACHE_SECONDS=60
# with CACHE_URL set tries it).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
