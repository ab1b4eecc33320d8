"""HTTP/1.1 request framing for the asyncio protocol peers (keep-alive, Content-Length)."""

import abc
import asyncio


class RequestProtocol(asyncio.Protocol, abc.ABC):
    """Splits the byte stream into requests and calls `handle` for each, in order."""

    def __init__(self):
        self.buffer = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            lines = self.buffer[:head_end].decode("latin-1").split("\r\n")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < head_end + 4 + length:
                return
            body = self.buffer[head_end + 4 : head_end + 4 + length]
            self.buffer = self.buffer[head_end + 4 + length :]
            method, target, _version = lines[0].split(" ", 2)
            self.handle(method, target, headers, body)

    @abc.abstractmethod
    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> None:
        """Answer one request (each peer protocol defines it)."""
