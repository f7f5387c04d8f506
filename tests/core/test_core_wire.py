"""footprint's own HTTP/1.1 transport on real loopback sockets: reuse, framing, TLS, races."""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import pytest
import trustme

from footprint.http import connect, wire
from footprint.http import transport as transport_module
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.http.transport import PerOriginTransport
from tests.hardening.faultserver import full_backlog, refused_port

Reply = Callable[[str, str, bytes, asyncio.StreamWriter], Awaitable[bool]]


@dataclass
class RawServer:
    """An asyncio server that counts connections and answers per path.

    A reply returns False to close the connection after answering.
    """

    reply: Reply
    connections: int = 0
    closed: int = 0
    requests: list[tuple[str, str, bytes]] = field(default_factory=list)
    port: int = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = dict(line.lower().split(": ", 1) for line in lines[1:] if line)
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.requests.append((method, path, body))
                if not await self.reply(method, path, body, writer):
                    return
        finally:
            self.closed += 1
            writer.close()

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"


def response(status: int, body: bytes = b"", *extra: str) -> bytes:
    head = [f"HTTP/1.1 {status} X", *extra]
    if not any(h.lower().startswith(("content-length", "transfer-encoding")) for h in extra):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def default_reply(method: str, path: str, body: bytes, w: asyncio.StreamWriter) -> bool:
    if path == "/chunked":
        w.write(response(200, b"", "Transfer-Encoding: chunked")
                + b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
    elif path == "/close":
        w.write(response(200, b"bye", "Connection: close"))
        return False
    elif path == "/until-eof":  # no length at all: the body ends when the server closes
        w.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it")
        return False
    elif path == "/continue":
        w.write(b"HTTP/1.1 100 Continue\r\n\r\n" + response(200, b"after 100"))
    elif path == "/big":
        w.write(response(200, b"x" * 300_000))
    elif path == "/drop-after":  # answers, then drops the kept-alive connection
        w.write(response(200, b"once"))
        await w.drain()
        return False
    elif path == "/echo":
        w.write(response(200, method.encode() + b" " + body))
    else:
        w.write(response(200, b"" if method == "HEAD" else b"page " + path.encode(),
                         *(("Content-Length: 9",) if method == "HEAD" else ())))
    await w.drain()
    return True


async def start(reply: Reply = default_reply,
                context: ssl.SSLContext | None = None) -> tuple[RawServer, asyncio.Server]:
    state = RawServer(reply)
    server = await asyncio.start_server(state.handle, "127.0.0.1", 0, ssl=context)
    state.port = server.sockets[0].getsockname()[1]
    return state, server


@pytest.fixture
async def raw() -> AsyncIterator[RawServer]:
    state, server = await start()
    async with server:
        yield state


async def fetch(client: httpx.AsyncClient, url: str, method: str = "GET",
                **kwargs: object) -> httpx.Response:
    return await client.request(method, url, **kwargs)  # type: ignore[arg-type]


async def test_keep_alive_reuses_one_connection(raw: RawServer) -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        bodies = [(await fetch(client, raw.url(f"/{i}"))).text for i in range(5)]
    assert bodies == [f"page /{i}" for i in range(5)]
    assert raw.connections == 1


async def test_chunked_until_eof_and_informational_responses(raw: RawServer) -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        chunked = await fetch(client, raw.url("/chunked"))
        closing = await fetch(client, raw.url("/until-eof"))
        informational = await fetch(client, raw.url("/continue"))
        after = await fetch(client, raw.url("/after"))
    assert chunked.text == "hello world"
    assert closing.text == "all of it"
    assert informational.status_code == 200 and informational.text == "after 100"
    assert after.text == "page /after"
    assert raw.connections == 2  # /until-eof ended its connection; the rest shared one


async def test_head_and_post_bodies(raw: RawServer) -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        head = await fetch(client, raw.url("/h"), "HEAD")
        posted = await fetch(client, raw.url("/echo"), "POST", content=b"a=1&b=2")
        again = await fetch(client, raw.url("/h"))
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == "9"
    assert posted.text == "POST a=1&b=2"
    assert again.text == "page /h"
    assert raw.connections == 1
    assert raw.requests[1] == ("POST", "/echo", b"a=1&b=2")


async def test_a_dropped_keep_alive_connection_is_retried_once_for_get() -> None:
    asked: list[str] = []

    async def reply(method: str, path: str, body: bytes, w: asyncio.StreamWriter) -> bool:
        asked.append(path)
        if asked.count("/next") == 1:
            return False  # reads the request on the kept-alive connection, then hangs up
        w.write(response(200, b"page " + path.encode()))
        await w.drain()
        return True

    state, server = await start(reply)
    async with server, httpx.AsyncClient(transport=PerOriginTransport()) as client:
        assert (await fetch(client, state.url("/first"))).text == "page /first"
        assert (await fetch(client, state.url("/next"))).text == "page /next"
    assert asked == ["/first", "/next", "/next"]
    assert state.connections == 2


async def test_a_connection_the_server_closed_while_idle_is_not_used(raw: RawServer) -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        assert (await fetch(client, raw.url("/drop-after"))).text == "once"
        await asyncio.sleep(0.05)  # the close has arrived: the pool must see it
        assert (await fetch(client, raw.url("/next"))).text == "page /next"
    assert raw.connections == 2
    assert [r[1] for r in raw.requests] == ["/drop-after", "/next"]


async def test_a_post_on_a_dropped_connection_is_not_sent_twice() -> None:
    async def reply(method: str, path: str, body: bytes, w: asyncio.StreamWriter) -> bool:
        if path == "/first":
            w.write(response(200, b"ok"))
            await w.drain()
            return True
        return False  # reads the POST, then hangs up without answering

    state, server = await start(reply)
    async with server, httpx.AsyncClient(transport=PerOriginTransport()) as client:
        await fetch(client, state.url("/first"))
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            await fetch(client, state.url("/post"), "POST", content=b"x")
    assert [r[1] for r in state.requests] == ["/first", "/post"]


async def test_a_body_left_unread_closes_its_connection_and_frees_the_slot(
        raw: RawServer) -> None:
    transport = PerOriginTransport(per_host=1)
    async with httpx.AsyncClient(transport=transport) as client:
        async with client.stream("GET", raw.url("/big")) as streamed:
            first = await anext(streamed.aiter_raw())
        assert first
        # one slot per host: this would wait forever had the slot not been given back
        after = await asyncio.wait_for(fetch(client, raw.url("/after")), 2)
    assert after.text == "page /after"
    assert raw.connections == 2


async def test_a_whole_big_body_arrives(raw: RawServer) -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        big = await fetch(client, raw.url("/big"))
    assert big.content == b"x" * 300_000


async def test_timeouts_are_httpx_timeouts_naming_the_phase() -> None:
    async def silent(method: str, path: str, body: bytes, w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(5)
        return False

    state, server = await start(silent)
    timeout = httpx.Timeout(0.3, connect=0.3)
    async with server, httpx.AsyncClient(transport=PerOriginTransport(),
                                         timeout=timeout) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            await fetch(client, state.url("/slow"))
        assert time.monotonic() - started < 2
        with full_backlog() as port, pytest.raises(httpx.ConnectTimeout):
            await fetch(client, f"http://127.0.0.1:{port}/")


async def test_refused_and_unsupported() -> None:
    async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
        with pytest.raises(httpx.ConnectError):
            await fetch(client, f"http://127.0.0.1:{refused_port()}/")
    with pytest.raises(httpx.UnsupportedProtocol):
        await PerOriginTransport().handle_async_request(httpx.Request("GET", "ftp://x.invalid/"))


async def test_malformed_responses_are_protocol_errors() -> None:
    async def garbage(method: str, path: str, body: bytes, w: asyncio.StreamWriter) -> bool:
        w.write(b"SPDY/9 banana\r\n\r\n" if path == "/garbage"
                else b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * (wire.MAX_HEAD_BYTES + 10))
        await w.drain()
        return False

    state, server = await start(garbage)
    async with server, httpx.AsyncClient(transport=PerOriginTransport()) as client:
        for path in ("/garbage", "/huge-head"):
            with pytest.raises(httpx.RemoteProtocolError):
                await fetch(client, state.url(path))


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


async def test_tls_verifies_the_certificate(ca: trustme.CA) -> None:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    state, server = await start(default_reply, server_context)
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    async with server:
        async with httpx.AsyncClient(transport=PerOriginTransport(ssl_context=trusting)) as ok:
            page = await fetch(ok, state.url("/secure", "https"))
            again = await fetch(ok, state.url("/again", "https"))
        assert page.text == "page /secure" and again.text == "page /again"
        assert state.connections == 1
        strict = ssl.create_default_context()  # does not know the test CA: must refuse
        async with httpx.AsyncClient(transport=PerOriginTransport(ssl_context=strict)) as no:
            with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
                await fetch(no, state.url("/secure", "https"))


async def test_several_addresses_race_and_the_live_one_wins(
        raw: RawServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with full_backlog() as hanging:
        infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", hanging)),
                 (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", raw.port))]

        async def getaddrinfo(self: object, host: str, port: int, **kw: object) -> object:
            assert host == "dual.localhost"
            return infos

        monkeypatch.setattr(asyncio.get_running_loop().__class__, "getaddrinfo", getaddrinfo)
        started = time.monotonic()
        sock = await asyncio.wait_for(connect.connect_socket("dual.localhost", 80), 3)
        elapsed = time.monotonic() - started
        try:
            assert sock.getpeername()[1] == raw.port
        finally:
            sock.close()
    # the first address hangs: the second starts after the head start, not the timeout
    assert connect.HAPPY_EYEBALLS_DELAY_S <= elapsed < 2


async def test_all_addresses_failing_is_one_connect_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    infos = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", refused_port())),
             (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", refused_port()))]

    async def getaddrinfo(self: object, host: str, port: int, **kw: object) -> object:
        return infos

    monkeypatch.setattr(asyncio.get_running_loop().__class__, "getaddrinfo", getaddrinfo)
    with pytest.raises(OSError, match="could not connect to two.localhost"):
        await connect.connect_socket("two.localhost", 80)


def test_address_families_alternate() -> None:
    v6a, v6b = (socket.AF_INET6, ("::1", 1, 0, 0)), (socket.AF_INET6, ("::2", 1, 0, 0))
    v4a, v4b = (socket.AF_INET, ("127.0.0.1", 1)), (socket.AF_INET, ("127.0.0.2", 1))
    assert connect._interleaved([v6a, v6b, v4a, v4b, v6a]) == [v6a, v4a, v6b, v4b]
    assert connect._interleaved([]) == []


async def test_the_whole_stack_over_it_caps_and_reuses(raw: RawServer) -> None:
    options = HttpOptions(per_host=2)
    async with build_client((), options) as client:
        session = session_for(client, options)
        pages = await asyncio.gather(*(session.get(raw.url(f"/p{i}")) for i in range(12)))
    assert sorted(p.text for p in pages) == sorted(f"page /p{i}" for i in range(12))
    assert raw.connections <= 2


async def test_idle_connections_are_capped_over_all_origins(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport_module, "MAX_IDLE", 2)
    started = [await start() for _ in range(4)]
    try:
        async with httpx.AsyncClient(transport=PerOriginTransport()) as client:
            for state, _ in started:
                assert (await fetch(client, state.url("/x"))).text == "page /x"
            await asyncio.sleep(0.1)
            # the two oldest idle connections were closed; the two newest stay open
            assert [state.closed for state, _ in started] == [1, 1, 0, 0]
            assert (await fetch(client, started[3][0].url("/y"))).text == "page /y"
            assert started[3][0].connections == 1  # still reused
        await asyncio.sleep(0.1)
        assert [state.closed for state, _ in started] == [1, 1, 1, 1]  # aclose closes all
    finally:
        for _, server in started:
            server.close()
            await server.wait_closed()
