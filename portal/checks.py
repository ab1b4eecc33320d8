from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    """With a per-process cache, invalidation reaches only the process that made the
    change: other gunicorn workers and machines would serve stale pages."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE_SECONDS > 0 and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in local memory: publishing or an alert would not "
                "refresh the pages cached by other processes.",
                hint="Set CACHE_URL to a Redis server (or PAGE_CACHE_SECONDS=0).",
                id="portal.W001",
            )
        ]
    return []
