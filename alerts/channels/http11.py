"""A small HTTP/1.1 keep-alive client for many small requests to few origins.

Push fan-out is thousands of tiny POSTs to a handful of push-service origins. General
clients (aiohttp, requests) spend several hundred microseconds of Python per request;
this one writes each request with one syscall on a pooled keep-alive connection and
reads the answer with llhttp (httptools' `HttpResponseParser`, the parser Node.js uses):
chunked bodies, trailers and keep-alive rules are llhttp's, not ours.

It does one request at a time per connection (no pipelining), so any HTTP/1.1 server is
a valid peer. What a server may send is bounded:
- an answer larger than `max_response` bytes (head and body together, 64 KiB by default)
  fails its request with HTTPError and the connection is dropped;
- bytes that arrive while no request is in flight (a 408 a server sends before closing an
  idle connection, anything else) answer nothing: the connection is dropped and never
  reused, so they are never read as the answer to the next request.
One `ssl.SSLContext` (verifying, default CA store) serves every origin of a client.
"""

import asyncio
import ssl
from urllib.parse import urlsplit

import httptools

#: The largest answer (status line, headers and body) a request accepts, in bytes.
MAX_RESPONSE = 64 * 1024


class HTTPError(Exception):
    """The connection failed or the response could not be read."""


class _Connection(asyncio.Protocol):
    """One connection; `waiter` is set while a request is in flight, None otherwise."""

    def __init__(self, max_response: int):
        self.max_response = max_response
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future | None = None
        self.reusable = True
        self.closed = False
        self._received = 0
        self._status = 0
        self._headers: dict[str, str] = {}
        self._body = bytearray()
        self._headers_done = False

    # -- transport events -----------------------------------------------------------------
    def connection_made(self, transport):
        self.transport = transport

    def connection_lost(self, exc):
        self.closed = True
        self.reusable = False
        self._fail(HTTPError(f"connection lost: {exc!r}"))

    def data_received(self, data):
        if self.waiter is None or self.waiter.done():
            # Nothing was asked: whatever this is, it answers no request of ours.
            self._drop()
            return
        self._received += len(data)
        if self._received > self.max_response:
            self._fail(HTTPError(f"answer larger than {self.max_response} bytes"))
            self._drop()
            return
        try:
            self.parser.feed_data(data)
        except (httptools.HttpParserError, httptools.HttpParserUpgrade) as exc:
            self._fail(HTTPError(f"malformed answer: {exc}"))
            self._drop()

    def eof_received(self):
        self.reusable = False
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            if self._headers_done and self._delimited_by_close():
                self._complete()
            else:
                self._fail(HTTPError("connection closed before a full response"))
        return False

    # -- parser callbacks (httptools) -------------------------------------------------------
    def on_message_begin(self):
        if self.waiter is None or self.waiter.done():
            # an answer after the answer (even a partial one, in the same packet): the
            # parser is mid-message and the connection is not fit for another request
            self.reusable = False
        self._headers = {}
        self._body = bytearray()
        self._headers_done = False

    def on_header(self, name: bytes, value: bytes):
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        previous = self._headers.get(key)
        self._headers[key] = text if previous is None else f"{previous}, {text}"

    def on_headers_complete(self):
        self._status = self.parser.get_status_code()
        self._headers_done = True

    def on_body(self, body: bytes):
        self._body += body

    def on_message_complete(self):
        if 100 <= self._status < 200:  # an interim answer; the real one follows
            return
        if not self.parser.should_keep_alive():
            self.reusable = False
        self._complete()

    # -- helpers ----------------------------------------------------------------------------
    def _delimited_by_close(self) -> bool:
        return "content-length" not in self._headers and "chunked" not in self._headers.get(
            "transfer-encoding", ""
        )

    def _complete(self):
        waiter = self.waiter
        if waiter is None or waiter.done():
            # A second answer to one request: it answers nothing of ours either.
            self._drop()
            return
        waiter.set_result((self._status, self._headers, bytes(self._body)))

    def _fail(self, exc: Exception):
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)

    def _drop(self):
        self.reusable = False
        if self.transport is not None:
            self.transport.abort()

    def start(self, request: bytes) -> asyncio.Future:
        self._received = 0
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.waiter


class OriginPool:
    """Up to `size` keep-alive connections to one origin."""

    def __init__(
        self,
        origin: str,
        size: int,
        ssl_context: ssl.SSLContext | None = None,
        max_response: int = MAX_RESPONSE,
    ):
        parts = urlsplit(origin)
        self.host = parts.hostname
        self.secure = parts.scheme == "https"
        self.port = parts.port or (443 if self.secure else 80)
        self.host_header = parts.netloc
        self.size = size
        self.max_response = max_response
        self.ssl_context = (ssl_context or ssl.create_default_context()) if self.secure else None
        self.idle: list[_Connection] = []
        self.opened = 0
        self.available = asyncio.Semaphore(size)

    async def _connect(self) -> _Connection:
        loop = asyncio.get_running_loop()
        _transport, connection = await loop.create_connection(
            lambda: _Connection(self.max_response), self.host, self.port, ssl=self.ssl_context
        )
        self.opened += 1
        return connection

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes, timeout: float
    ):
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host_header}",
            f"Content-Length: {len(body)}",
        ]
        head += [f"{name}: {value}" for name, value in headers.items()]
        # A request HTTP cannot carry raises here, before it takes a connection.
        request = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
        async with self.available:
            connection = None
            while self.idle and connection is None:
                candidate = self.idle.pop()
                # Taking a connection and writing to it happen without a pause in between,
                # so a connection that was fine here is one nothing unasked arrived on.
                if candidate.reusable and not candidate.closed:
                    connection = candidate
                elif candidate.transport is not None:
                    candidate.transport.abort()
            try:
                async with asyncio.timeout(timeout):
                    if connection is None:
                        connection = await self._connect()
                    result = await connection.start(request)
            except BaseException:
                if connection is not None and connection.transport is not None:
                    connection.transport.abort()
                raise
            connection.waiter = None
            if connection.reusable and not connection.closed:
                self.idle.append(connection)
            else:
                connection.transport.close()
            return result

    def close(self):
        for connection in self.idle:
            if connection.transport is not None:
                connection.transport.close()
        self.idle.clear()


class Client:
    """Pools per origin, one TLS context for all of them; use from one event loop."""

    def __init__(self, connections_per_origin: int = 32, max_response: int = MAX_RESPONSE):
        self.connections_per_origin = connections_per_origin
        self.max_response = max_response
        self.pools: dict[str, OriginPool] = {}
        self._ssl_context: ssl.SSLContext | None = None

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """Verifying, with the default CA store; loading that store is done once."""
        if self._ssl_context is None:
            self._ssl_context = ssl.create_default_context()
        return self._ssl_context

    async def post(self, url: str, headers: dict[str, str], body: bytes, timeout: float = 10.0):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        pool = self.pools.get(origin)
        if pool is None:
            context = self.ssl_context if parts.scheme == "https" else None
            pool = self.pools[origin] = OriginPool(
                origin, self.connections_per_origin, context, self.max_response
            )
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return await pool.request("POST", path, headers, body, timeout)

    def close(self):
        for pool in self.pools.values():
            pool.close()
        self.pools.clear()
