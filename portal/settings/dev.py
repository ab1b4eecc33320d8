"""Local development and the `make run` demo: embedded defaults, never for production."""

from portal.vapid_keys import read_keys

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, VAPID_PRIVATE_KEY, VAPID_PUBLIC_KEY, VAR_DIR
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

# Web push out of the box: without VAPID keys in the environment, the pair `manage.py run`
# made in var/ on its first start (kept across restarts).
VAPID_KEY_FILE = VAR_DIR / "vapid.json"
if not VAPID_PRIVATE_KEY and (_vapid := read_keys(VAPID_KEY_FILE)):
    VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY = _vapid["public"], _vapid["private"]
