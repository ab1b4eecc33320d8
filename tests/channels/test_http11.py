import asyncio
import ssl

import pytest

from alerts.channels.http11 import Client, HTTPError

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


# -- misbehaving servers ---------------------------------------------------------------


async def _misbehaving(answer):
    """A server that reads each request and hands the writer to `answer(path, writer)`;
    it counts the connections it accepted."""
    server_state = {"connections": 0}

    async def handle(reader, writer):
        server_state["connections"] += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                await answer(head.split(b" ")[1].decode(), writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", server_state


def test_a_chunked_answer_with_trailers_leaves_the_connection_usable():
    async def answer(path, writer):
        writer.write(
            b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nTrailer: X-Digest\r\n\r\n"
            b"5;ext=1\r\nhello\r\n0\r\nX-Digest: abc\r\nX-Other: d\r\n\r\n"
        )
        await writer.drain()

    async def scenario():
        server, base, state = await _misbehaving(answer)
        client = Client(connections_per_origin=1)
        try:
            return [await client.post(base + f"/{i}", {}, b"x") for i in range(3)], state
        finally:
            client.close()
            server.close()

    answers, state = asyncio.run(scenario())
    assert [(status, body) for status, _headers, body in answers] == [(201, b"hello")] * 3
    assert state["connections"] == 1


def test_an_oversized_answer_fails_its_request_and_drops_the_connection():
    async def answer(path, writer):
        if path == "/huge":
            size = 13 * 1024 * 1024
            writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n".encode())
            for _ in range(size // 65536):
                writer.write(b"x" * 65536)
                await writer.drain()
        else:
            writer.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()

    async def scenario():
        server, base, state = await _misbehaving(answer)
        client = Client(connections_per_origin=1)
        try:
            first = await client.post(base + "/small", {}, b"x")
            with pytest.raises(HTTPError, match="larger than 65536 bytes"):
                await client.post(base + "/huge", {}, b"x", timeout=5)
            after = await client.post(base + "/small", {}, b"x")
            return first, after, client.pools[base].opened
        finally:
            client.close()
            server.close()

    first, after, opened = asyncio.run(scenario())
    assert first[0] == after[0] == 201
    assert opened == 2  # the oversized answer's connection was not reused


def test_bytes_sent_on_an_idle_connection_answer_no_later_request():
    async def answer(path, writer):
        writer.write(b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        await writer.drain()
        await asyncio.sleep(0.05)
        # what some servers send before closing an idle connection; this one stays open
        writer.write(b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()

    async def scenario():
        server, base, state = await _misbehaving(answer)
        client = Client(connections_per_origin=1)
        try:
            first = await client.post(base + "/1", {}, b"x")
            await asyncio.sleep(0.2)
            second = await client.post(base + "/2", {}, b"x")
            return first, second, client.pools[base].opened
        finally:
            client.close()
            server.close()

    first, second, opened = asyncio.run(scenario())
    assert first[0] == second[0] == 201
    assert opened == 2


def test_a_second_answer_glued_to_the_first_is_not_read_as_the_next_one():
    async def answer(path, writer):
        writer.write(
            b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"
            b"HTTP/1.1 408 Request Timeout\r\nContent-"  # the rest never comes
        )
        await writer.drain()

    async def scenario():
        server, base, state = await _misbehaving(answer)
        client = Client(connections_per_origin=1)
        try:
            answers = [await client.post(base + f"/{i}", {}, b"x") for i in range(2)]
            return answers, client.pools[base].opened
        finally:
            client.close()
            server.close()

    answers, opened = asyncio.run(scenario())
    assert [status for status, _headers, _body in answers] == [201, 201]
    assert opened == 2


def test_one_verifying_tls_context_serves_every_origin():
    async def scenario():
        client = Client()
        for origin in ("https://127.0.0.1:9", "https://127.0.0.2:9", "http://127.0.0.1:9"):
            with pytest.raises(OSError):
                await client.post(origin + "/push/1", {}, b"x", timeout=2)
        pools = dict(client.pools)
        client.close()
        return pools

    pools = asyncio.run(scenario())
    first, second, plain = pools.values()
    assert first.ssl_context is second.ssl_context and plain.ssl_context is None
    assert first.ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert first.ssl_context.check_hostname
