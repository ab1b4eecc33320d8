"""The front of the page cache, around the WSGI application (portal/wsgi.py).

Under crisis load most requests are anonymous readers of a few pages. Each server process
keeps the finished answers of those pages (status, every header the middleware set, body)
and answers them before Django builds a request, as long as its copy was made at the
current cache version and that version is known to be current (portal.page_cache_local:
a live subscription to the Redis channel announcing every clear). Anything else goes to
Django, whose PageCacheMiddleware answers from Redis or renders the page, and marks in
the WSGI environ the answers this front may keep.

The same requests qualify as for the middleware (page_cache.eligible), under the same key:
query parameters no public view reads (tracking ones) are left out (page_cache_keys). Only
used when the page cache is in Redis.
"""

from django.utils.http import parse_etags

from portal import page_cache, page_cache_local
from portal.page_cache_keys import page_cache_key

HIT = ("X-Page-Cache", "hit")


def _key(environ) -> str:
    return "|".join(
        (
            environ.get("HTTP_X_FORWARDED_PROTO", ""),
            environ.get("wsgi.url_scheme", ""),
            page_cache_key(
                environ.get("HTTP_HOST", ""),
                environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""),
            ),
        )
    )


def _not_modified(environ, headers) -> bool:
    asked = environ.get("HTTP_IF_NONE_MATCH")
    if not asked:
        return False
    etag = next((v for k, v in headers if k.lower() == "etag"), None)
    return etag is not None and (asked.strip() == "*" or etag in parse_etags(asked))


class PageCacheFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not page_cache_local.enabled() or not page_cache.eligible(environ):
            return self.application(environ, start_response)
        tier = page_cache._local
        tier.start()
        key = _key(environ)
        page = tier.get(key)
        if page is not None:
            status, headers, body = page
            if _not_modified(environ, headers):  # a poller's copy is current (the banner)
                kept = [(k, v) for k, v in headers if k.lower() != "content-length"]
                start_response("304 Not Modified", [*kept, HIT])
                return [b""]
            start_response(status, [*headers, HIT])
            return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

        answer = {}

        def capture(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        version = environ.get(page_cache.FRONT_VERSION)
        if (
            version is None
            or environ["REQUEST_METHOD"] != "GET"
            or not answer.get("status", "").startswith("200")
        ):
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        headers = [(k, v) for k, v in answer["headers"] if k.lower() != "x-page-cache"]
        tier.put(key, version, answer["status"], headers, body)
        return [body]
