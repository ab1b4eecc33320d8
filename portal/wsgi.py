import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

django_application = get_wsgi_application()

from portal.page_cache_front import PageCacheFront  # noqa: E402 - needs the settings loaded

# Hot citizen pages are answered from this process's memory before Django is called.
application = PageCacheFront(django_application)
