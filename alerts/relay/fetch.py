"""Fetching a feed or a CAP document over HTTP: conditional, bounded, never redirected.

Every answer is read in chunks and refused past MAX_DOCUMENT_BYTES (the CAP import's
limit) whatever the server declares; connecting and each read wait at most
TIMEOUT_SECONDS, the whole answer at most DEADLINE_SECONDS. Redirects are not followed:
a redirect could lead our server to an address nobody configured.
"""

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from alerts.cap_import import MAX_DOCUMENT_BYTES
from alerts.relay.models import url_refusal

TIMEOUT_SECONDS = 10
DEADLINE_SECONDS = 30
CHUNK_BYTES = 64 * 1024
USER_AGENT = "LUX-response feed relay (+https://lux-response.brussels)"
ACCEPT = "application/cap+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"


class FetchError(Exception):
    """The fetch failed; str() is the reason, shown on the feed."""


@dataclass
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise FetchError(
            _("The server redirected to %(url)s; redirects are not followed.")
            % {"url": newurl[:200]}
        )


# Redirects refused; url_refusal admits only https (and http to loopback in development).
_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    refusal = url_refusal(url)
    if refusal:
        raise FetchError(refusal)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers, method="GET")  # noqa: S310 - checked above
    host = urlsplit(url).hostname
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as answer:
            body = _read_bounded(answer)
            return Fetched(
                not_modified=False,
                body=body,
                etag=answer.headers.get("ETag", "")[:500],
                last_modified=answer.headers.get("Last-Modified", "")[:100],
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(not_modified=True, etag=etag, last_modified=last_modified)
        raise FetchError(
            _("The server answered %(code)s %(reason)s.")
            % {"code": error.code, "reason": str(error.reason)[:100]}
        ) from None
    except urllib.error.URLError as error:
        raise FetchError(
            _("Could not reach %(host)s: %(reason)s.")
            % {"host": host, "reason": str(error.reason)[:200]}
        ) from None
    except TimeoutError:
        raise FetchError(
            _("%(host)s did not answer within %(seconds)s seconds.")
            % {"host": host, "seconds": TIMEOUT_SECONDS}
        ) from None
    except OSError as error:
        raise FetchError(
            _("Could not read from %(host)s: %(reason)s.") % {"host": host, "reason": error}
        ) from None


def _too_large() -> FetchError:
    return FetchError(
        _("The document is larger than %(limit)s bytes: refused.") % {"limit": MAX_DOCUMENT_BYTES}
    )


def _read_bounded(answer) -> bytes:
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_DOCUMENT_BYTES:
        raise _too_large()
    deadline = time.monotonic() + DEADLINE_SECONDS
    chunks, size = [], 0
    while True:
        chunk = answer.read(CHUNK_BYTES)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            raise _too_large()
        if time.monotonic() > deadline:
            raise FetchError(
                _("The answer took more than %(seconds)s seconds: refused.")
                % {"seconds": DEADLINE_SECONDS}
            )
        chunks.append(chunk)
