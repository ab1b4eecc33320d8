"""The key of a cached citizen page: host, path and the few query parameters the public
views read.

Everything else in a query string (`utm_*`, `fbclid`, `gclid`, any made-up parameter) is
left out of the key, so a shared link with tracking parameters is the page already cached
instead of a new render and a new entry each time. The request itself is rewritten to the
same normalised query before it renders (portal.page_cache), so the page stored under a
key never shows a parameter the key left out (the language switcher repeats the query).

The known parameters are KNOWN_QUERY_PARAMETERS, or the setting PAGE_CACHE_QUERY_PARAMETERS
when set; a test compares them with what the public views read. Each parameter keeps its
first value, sorted by name; a normalised query longer than MAX_QUERY_LENGTH is replaced
by its SHA-256 so the key stays bounded and exact.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings

# Read by the public views: search (`q`, `page`), campaign listings (`family`, `audience`),
# the partner self-service page's notice after a change (`done`; never cached itself).
KNOWN_QUERY_PARAMETERS = ("audience", "done", "family", "page", "q")
MAX_QUERY_LENGTH = 200


def known_query_parameters() -> frozenset[str]:
    return frozenset(getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", KNOWN_QUERY_PARAMETERS))


def normalised_query(query_string: str) -> str:
    """The known parameters of `query_string`, first value each, sorted by name."""
    known = known_query_parameters()
    kept = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        if name in known and name not in kept:
            kept[name] = value
    return urlencode(sorted(kept.items()))


def page_cache_key(host: str, path: str, query_string: str) -> str:
    query = normalised_query(query_string)
    if len(query) > MAX_QUERY_LENGTH:
        query = "sha256=" + hashlib.sha256(query.encode()).hexdigest()
    return f"pagecache:page:{host}:{path}?{query}"
