"""A small HTTP/1.1 keep-alive client for many small requests to few origins.

Push fan-out is thousands of tiny POSTs to a handful of push-service origins. General
clients (aiohttp, requests) spend several hundred microseconds of Python per request;
this one writes each request with one syscall on a pooled keep-alive connection and
parses the (tiny) response itself. It does one request at a time per connection (no
pipelining), so any HTTP/1.1 server is a valid peer.
"""

import asyncio
import ssl
from urllib.parse import urlsplit


class HTTPError(Exception):
    """The connection failed or the response could not be read."""


class _Connection(asyncio.Protocol):
    def __init__(self, pool: "OriginPool"):
        self.pool = pool
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future | None = None
        self.reusable = True
        self.closed = False

    def connection_made(self, transport):
        self.transport = transport

    def connection_lost(self, exc):
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(HTTPError(f"connection lost: {exc!r}"))

    def data_received(self, data):
        self.buffer += data
        if self.waiter is None or self.waiter.done():
            return
        parsed = self._parse()
        if parsed is not None:
            self.waiter.set_result(parsed)

    def eof_received(self):
        self.reusable = False
        if self.waiter is not None and not self.waiter.done():
            parsed = self._parse(at_eof=True)
            if parsed is None:
                self.waiter.set_exception(HTTPError("connection closed before a full response"))
            else:
                self.waiter.set_result(parsed)
        return False

    def _parse(self, at_eof: bool = False):
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        try:
            status = int(head[0].split(" ", 2)[1])
        except (IndexError, ValueError):
            raise HTTPError(f"malformed status line {head[0]!r}") from None
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        rest = self.buffer[end + 4 :]
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body, consumed = _dechunk(rest)
            if body is None:
                return None
        elif "content-length" in headers:
            length = int(headers["content-length"])
            if len(rest) < length:
                return None
            body, consumed = bytes(rest[:length]), length
        elif status in (204, 304) or 100 <= status < 200:
            body, consumed = b"", 0
        elif at_eof:  # delimited by the server closing the connection
            body, consumed = bytes(rest), len(rest)
            self.reusable = False
        else:
            return None
        del self.buffer[: end + 4 + consumed]
        if headers.get("connection", "").lower() == "close":
            self.reusable = False
        return status, headers, body


def _dechunk(data: bytearray):
    body, pos = bytearray(), 0
    while True:
        line_end = data.find(b"\r\n", pos)
        if line_end < 0:
            return None, 0
        size = int(bytes(data[pos:line_end]).split(b";")[0], 16)
        start = line_end + 2
        if size == 0:
            trailer_end = data.find(b"\r\n", start)
            if trailer_end < 0:
                return None, 0
            return bytes(body), trailer_end + 2
        if len(data) < start + size + 2:
            return None, 0
        body += data[start : start + size]
        pos = start + size + 2


class OriginPool:
    """Up to `size` keep-alive connections to one origin."""

    def __init__(self, origin: str, size: int, ssl_context: ssl.SSLContext | None = None):
        parts = urlsplit(origin)
        self.host = parts.hostname
        self.secure = parts.scheme == "https"
        self.port = parts.port or (443 if self.secure else 80)
        self.host_header = parts.netloc
        self.size = size
        self.ssl_context = ssl_context or (ssl.create_default_context() if self.secure else None)
        self.idle: list[_Connection] = []
        self.opened = 0
        self.available = asyncio.Semaphore(size)

    async def _connect(self) -> _Connection:
        loop = asyncio.get_running_loop()
        _transport, connection = await loop.create_connection(
            lambda: _Connection(self), self.host, self.port, ssl=self.ssl_context
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
                if not candidate.closed:
                    connection = candidate
            try:
                async with asyncio.timeout(timeout):
                    if connection is None:
                        connection = await self._connect()
                    connection.waiter = asyncio.get_running_loop().create_future()
                    connection.transport.write(request)
                    result = await connection.waiter
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
    """Pools per origin; use from one event loop."""

    def __init__(self, connections_per_origin: int = 32):
        self.connections_per_origin = connections_per_origin
        self.pools: dict[str, OriginPool] = {}

    async def post(self, url: str, headers: dict[str, str], body: bytes, timeout: float = 10.0):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        pool = self.pools.get(origin)
        if pool is None:
            pool = self.pools[origin] = OriginPool(origin, self.connections_per_origin)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return await pool.request("POST", path, headers, body, timeout)

    def close(self):
        for pool in self.pools.values():
            pool.close()
        self.pools.clear()
