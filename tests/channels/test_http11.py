import asyncio

import pytest

from alerts.channels.http11 import Client

RESPONSES = {
    "/chunked": b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n",
    "/close": b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
    "/eof": b"HTTP/1.1 200 OK\r\n\r\nuntil-close",
    "/split": b"HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\nLocation: /m/1\r\n\r\nhello",
}


async def _serve(requests_seen):
    async def handle(reader, writer):
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode().split("\r\n")
            length = next(
                int(line.split(":")[1])
                for line in lines
                if line.lower().startswith("content-length")
            )
            body = await reader.readexactly(length)
            path = lines[0].split(" ")[1]
            requests_seen.append((path, body))
            payload = RESPONSES[path]
            if path == "/split":  # the answer arrives in pieces
                writer.write(payload[:10])
                await writer.drain()
                await asyncio.sleep(0.01)
                payload = payload[10:]
            writer.write(payload)
            await writer.drain()
            if path in ("/close", "/eof"):
                writer.close()
                return

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def test_keep_alive_chunked_split_and_close_delimited_answers():
    async def scenario():
        seen = []
        server = await _serve(seen)
        port = server.sockets[0].getsockname()[1]
        client = Client(connections_per_origin=1)
        base = f"http://127.0.0.1:{port}"
        chunked = await client.post(base + "/chunked", {}, b"1")
        split = await client.post(base + "/split", {"X-A": "b"}, b"22")
        closed = await client.post(base + "/close", {}, b"333")
        again = await client.post(base + "/chunked", {}, b"4")
        until_close = await client.post(base + "/eof", {}, b"5")
        after = await client.post(base + "/chunked", {}, b"6")
        opened = client.pools[base].opened
        client.close()
        server.close()
        return chunked, split, closed, again, until_close, after, opened, seen

    chunked, split, closed, again, until_close, after, opened, seen = asyncio.run(scenario())
    assert chunked[0] == 201 and chunked[2] == b"abcdefg"
    assert split[0] == 202 and split[1]["location"] == "/m/1" and split[2] == b"hello"
    assert closed[2] == b"ok"
    assert again[2] == b"abcdefg"
    assert until_close[2] == b"until-close"
    assert after[2] == b"abcdefg"
    # one connection for the first three requests, a new one after "Connection: close",
    # and one more after the close-delimited answer's connection ended.
    assert opened == 3
    assert [body for _path, body in seen] == [b"1", b"22", b"333", b"4", b"5", b"6"]


def test_unreachable_origin_raises_os_error():
    async def scenario():
        client = Client()
        try:
            await client.post("http://127.0.0.1:9/push/1", {}, b"x", timeout=2)
        finally:
            client.close()

    with pytest.raises(OSError):
        asyncio.run(scenario())
