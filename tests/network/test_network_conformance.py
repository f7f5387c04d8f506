"""One conformance suite for every transport footprint ships (its own, and httpx's behind
``[network] transport = "httpx"``), on loopback only: how failures map to httpx
exceptions, proxies, TLS with a throwaway CA, framing, body limits, connection reuse and
the overall deadline. A future transport change must pass all of it."""

from __future__ import annotations

import asyncio
import socket
import ssl
import struct
import time
import warnings
from pathlib import Path

import httpx
import pytest
import trustme

from footprint.errors import ResponseTooLarge
from footprint.http.client import TRANSPORTS, HttpOptions, build_client, session_for
from footprint.http.deadline import DeadlineExceeded
from footprint.http.failures import connection_failure, describe
from footprint.http.proxy import ProxyRoutes, parse_proxy_url, resolve_routes
from footprint.http.tls import certificate_error
from footprint.models import Status
from tests.hardening.faultserver import full_backlog, refused_port
from tests.network.servers import http_proxy, origin, response, socks5_proxy


@pytest.fixture(params=TRANSPORTS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def options(kind: str, **extra: object) -> HttpOptions:
    values: dict[str, object] = {"connect_timeout_s": 1.0, "read_timeout_s": 1.0,
                                 "retry_max_wait_s": 0.0, "transport": kind}
    values.update(extra)
    return HttpOptions(**values)  # type: ignore[arg-type]


async def get(kind: str, url: str, **extra: object) -> httpx.Response:
    opts = options(kind, **extra)
    async with build_client((), opts) as client:
        return await session_for(client, opts).get(url)


async def pages(_m: str, target: str, w: asyncio.StreamWriter) -> bool:
    path = target.split("://", 1)[-1]
    path = "/" + path.split("/", 1)[1] if "://" in target else target
    w.write(response(200, b"page " + path.encode()))
    await w.drain()
    return True


# --- the error mapping -------------------------------------------------------------------

async def test_refused_is_connect_error(kind: str) -> None:
    with pytest.raises(httpx.ConnectError) as caught:
        await get(kind, f"http://127.0.0.1:{refused_port()}/")
    assert not isinstance(caught.value, httpx.ProxyError)
    assert describe(caught.value) is None  # no certificate, no proxy: the generic wording
    assert connection_failure(caught.value) == "refused"


async def test_a_name_that_does_not_resolve_is_connect_error(
        kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(httpx.ConnectError, match="not known") as caught:
        await get(kind, "http://nowhere.invalid/")
    assert connection_failure(caught.value) == "dns"


async def test_timeouts_name_their_phase(kind: str) -> None:
    async def silent(_m: str, _t: str, _w: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(3)
        return False

    async with origin(silent) as server:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout) as caught:
            await get(kind, server.url("/"), read_timeout_s=0.3)
        assert not isinstance(caught.value, DeadlineExceeded)
        assert connection_failure(caught.value) is None  # connected: the site was slow
        assert time.monotonic() - started < 2
    with full_backlog() as port, pytest.raises(httpx.ConnectTimeout):
        await get(kind, f"http://127.0.0.1:{port}/", connect_timeout_s=0.3)


async def reset(_m: str, target: str, w: asyncio.StreamWriter) -> bool:
    sock = w.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    w.transport.abort()  # a TCP reset, not an orderly close
    return False


@pytest.mark.parametrize(("name", "reply", "expected"), [
    ("reset", None, (httpx.ReadError, httpx.RemoteProtocolError)),
    ("short body", b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b",
     (httpx.RemoteProtocolError,)),
    ("garbage status line", b"SPDY/9 banana\r\n\r\n", (httpx.RemoteProtocolError,)),
    ("oversized headers", b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
     (httpx.RemoteProtocolError,)),
])
async def test_broken_answers_are_httpx_errors(kind: str, name: str, reply: bytes | None,
                                               expected: tuple[type[Exception], ...]) -> None:
    async def handler(method: str, target: str, w: asyncio.StreamWriter) -> bool:
        if reply is None:
            return await reset(method, target, w)
        w.write(reply)
        await w.drain()
        return False

    async with origin(handler) as server:
        with pytest.raises(expected):
            await get(kind, server.url("/"))


# --- TLS with a throwaway CA installed as the bundle ------------------------------------

@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def bundle(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def server_tls(ca: trustme.CA, *names: str, maximum: ssl.TLSVersion | None = None
               ) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    if maximum is not None:
        with warnings.catch_warnings():  # the point: an old version nobody should offer
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
            context.maximum_version = maximum
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


async def test_tls_with_the_bundle_works_and_reuses(kind: str, ca: trustme.CA,
                                                    bundle: str) -> None:
    async with origin(pages, server_tls(ca, "127.0.0.1", "localhost")) as server:
        opts = options(kind, ca_bundle=bundle)
        async with build_client((), opts) as client:
            session = session_for(client, opts)
            texts = [(await session.get(server.url(f"/{i}", "https"))).text for i in range(3)]
    assert texts == ["page /0", "page /1", "page /2"]
    assert server.connections == (1 if kind == "footprint" else 3)


async def test_an_untrusted_certificate_is_inconclusive_and_says_why(
        kind: str, ca: trustme.CA) -> None:
    async with origin(pages, server_tls(ca, "127.0.0.1")) as server:
        with pytest.raises(httpx.ConnectError) as caught:
            await get(kind, server.url("/", "https"))  # the system store: no test CA
    assert certificate_error(caught.value) is not None
    assert connection_failure(caught.value) == "tls"
    described = describe(caught.value)
    assert described is not None
    status, reason = described
    assert status is Status.INCONCLUSIVE
    assert "network filter inspecting TLS" in reason.en
    assert "docs/network.md#certificates" in reason.en and "docs/network.md" in reason.nl


async def test_a_certificate_for_another_name_is_refused(kind: str, ca: trustme.CA,
                                                         bundle: str) -> None:
    async with origin(pages, server_tls(ca, "elsewhere.example")) as server:
        with pytest.raises(httpx.ConnectError) as caught:
            await get(kind, server.url("/", "https"), ca_bundle=bundle)
    cert = certificate_error(caught.value)
    assert cert is not None and "mismatch" in str(cert).lower()


async def test_tls_below_1_2_is_refused(kind: str, ca: trustme.CA, bundle: str) -> None:
    context = server_tls(ca, "127.0.0.1", maximum=ssl.TLSVersion.TLSv1_1)
    async with origin(pages, context) as server:
        old_client = ssl.create_default_context(cafile=bundle)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            old_client.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        old_client.set_ciphers("DEFAULT:@SECLEVEL=0")
        try:  # the server really speaks TLS 1.1, to a client that accepts it
            _, writer = await asyncio.open_connection("127.0.0.1", server.port,
                                                      ssl=old_client)
        except (ssl.SSLError, ConnectionError):
            pytest.skip("this OpenSSL build cannot speak TLS 1.1 at all")
        assert writer.get_extra_info("ssl_object").version() == "TLSv1.1"
        writer.close()
        with pytest.raises(httpx.ConnectError):
            await get(kind, server.url("/", "https"), ca_bundle=bundle)
    assert server.seen == []  # no request was sent over it


# --- proxies -----------------------------------------------------------------------------

def through(proxy_url: str, no_proxy: str = "") -> ProxyRoutes:
    return resolve_routes(cli_proxy=proxy_url, config_no_proxy=no_proxy, environ={})


async def test_https_goes_through_connect_and_http_in_absolute_form(
        kind: str, ca: trustme.CA, bundle: str) -> None:
    async with (origin(pages, server_tls(ca, "127.0.0.1")) as secure, origin(pages) as plain,
                http_proxy() as proxy):
        routes = through(f"http://127.0.0.1:{proxy.port}")
        tls_page = await get(kind, secure.url("/s", "https"), routes=routes, ca_bundle=bundle)
        plain_page = await get(kind, plain.url("/p"), routes=routes)
    assert tls_page.text == "page /s" and plain_page.text == "page /p"
    assert ("CONNECT", f"127.0.0.1:{secure.port}", None) in proxy.seen
    assert ("GET", plain.url("/p"), None) in proxy.seen  # absolute form
    assert secure.seen[0][1] == "/s"  # the origin itself sees only the tunnelled request


async def test_proxy_credentials_are_used_and_never_shown(kind: str, ca: trustme.CA,
                                                          bundle: str) -> None:
    async with (origin(pages, server_tls(ca, "127.0.0.1")) as secure, origin(pages) as plain,
                http_proxy(("officer", "s3cr%t")) as proxy):
        good = through(f"http://officer:s3cr%25t@127.0.0.1:{proxy.port}")
        assert (await get(kind, secure.url("/s", "https"), routes=good,
                          ca_bundle=bundle)).text == "page /s"
        assert (await get(kind, plain.url("/p"), routes=good)).text == "page /p"
        assert all(p.get("proxy-authorization") is None for _, _, p in plain.seen)
        bad = through(f"http://officer:wrong@127.0.0.1:{proxy.port}")
        for url in (secure.url("/s", "https"), plain.url("/p")):
            with pytest.raises(httpx.ProxyError) as caught:
                await get(kind, url, routes=bad, ca_bundle=bundle)
            message = str(caught.value)
            assert message.startswith("the proxy refused:") and "407" in message
            assert "user name and password" in message
            assert "wrong" not in message and "officer" not in message
            assert "wrong" not in repr(bad) and "s3cr" not in repr(good)


async def test_a_proxy_asking_for_credentials_is_one_clear_reason(kind: str) -> None:
    async with origin(pages) as plain, http_proxy(("officer", "pw")) as proxy:
        with pytest.raises(httpx.ProxyError) as caught:
            await get(kind, plain.url("/p"), routes=through(f"127.0.0.1:{proxy.port}"))
    described = describe(caught.value)
    assert described is not None and described[0] is Status.ERROR
    assert described[1].en.startswith("the proxy refused:")
    assert "asks for a user name and password" in described[1].en
    assert plain.seen == []


async def test_an_unreachable_proxy_is_a_proxy_error(kind: str) -> None:
    async with origin(pages) as plain:
        routes = through(f"http://127.0.0.1:{refused_port()}")
        for url in (plain.url("/p"), plain.url("/s", "https")):
            with pytest.raises(httpx.ProxyError, match="could not be reached") as caught:
                await get(kind, url, routes=routes)
            assert connection_failure(caught.value) == "proxy"
    assert plain.seen == []


async def test_a_proxy_that_never_answers_is_a_proxy_error(kind: str) -> None:
    with full_backlog() as port:
        started = time.monotonic()
        with pytest.raises(httpx.ProxyError, match="did not answer"):
            await get(kind, "https://127.0.0.1:9/", connect_timeout_s=0.3,
                      routes=through(f"http://127.0.0.1:{port}"))
    assert time.monotonic() - started < 2


async def test_the_guard_stops_private_data_before_the_proxy(kind: str) -> None:
    from footprint.errors import PrivateDataBlocked
    from footprint.profile.load import parse_profile
    from footprint.profile.markers import private_markers
    from tests.conftest import PROFILE_TOML

    markers = private_markers(parse_profile(PROFILE_TOML, "p.toml"), include_street=True)
    async with origin(pages) as plain, http_proxy() as proxy:
        opts = options(kind, routes=through(f"http://127.0.0.1:{proxy.port}"))
        async with build_client(markers, opts) as client:
            session = session_for(client, opts)
            with pytest.raises(PrivateDataBlocked):
                await session.get(plain.url("/search?q=3511%20AB"))
            assert (await session.get(plain.url("/fine"))).text == "page /fine"
    assert [t for _, t, _ in proxy.seen] == [plain.url("/fine")]  # the proxy saw no postcode


async def test_no_proxy_reaches_listed_hosts_directly(kind: str) -> None:
    async with origin(pages) as plain, http_proxy() as proxy:
        routes = through(f"http://127.0.0.1:{proxy.port}", no_proxy="localhost")
        direct = await get(kind, plain.url("/d", host="localhost"), routes=routes)
        proxied = await get(kind, plain.url("/v"), routes=routes)  # loopback: not exempt
    assert direct.text == "page /d" and proxied.text == "page /v"
    assert [t for _, t, _ in proxy.seen] == [plain.url("/v")]


async def test_socks5h_leaves_the_name_to_the_proxy(ca: trustme.CA, bundle: str) -> None:
    # footprint's own transport only: httpx's needs the optional socksio package for SOCKS
    async with (origin(pages, server_tls(ca, "localhost")) as secure,
                socks5_proxy(("tor", "pw")) as proxy):
        routes = through(f"socks5h://tor:pw@127.0.0.1:{proxy.port}")
        page = await get("footprint", secure.url("/s", "https", host="localhost"),
                         routes=routes, ca_bundle=bundle)
        with pytest.raises(httpx.ProxyError, match="the proxy refused"):
            await get("footprint", secure.url("/s", "https", host="localhost"),
                      routes=through(f"socks5h://tor:bad@127.0.0.1:{proxy.port}"),
                      ca_bundle=bundle)
    assert page.text == "page /s"
    assert proxy.targets[0] == ("localhost", secure.port)  # the name, not an address


def test_proxy_urls_display_without_credentials() -> None:
    proxy = parse_proxy_url("http://user:pa%3Ass@proxy.example:8080", "test")
    assert proxy.password == "pa:ss" and proxy.display == "http://proxy.example:8080"
    assert "pa" not in repr(proxy).replace("proxy", "")


# --- framing, limits, reuse --------------------------------------------------------------

async def framed(_m: str, target: str, w: asyncio.StreamWriter) -> bool:
    if target == "/chunked":
        w.write(response(200, b"", "Transfer-Encoding: chunked")
                + b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
    elif target == "/until-eof":
        w.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it")
        await w.drain()
        return False
    elif target == "/big":
        w.write(response(200, b"x" * 300_000))
    else:
        return await pages(_m, target, w)
    await w.drain()
    return True


async def test_framing_body_limits_and_reuse(kind: str) -> None:
    async with origin(framed) as server:
        opts = options(kind, max_bytes=100_000)
        async with build_client((), opts) as client:
            session = session_for(client, opts)
            chunked = await session.get(server.url("/chunked"))
            again = [await session.get(server.url(f"/{i}")) for i in range(3)]
            with pytest.raises(ResponseTooLarge):
                await session.get(server.url("/big"))
            closing = await session.get(server.url("/until-eof"))
    assert chunked.text == "hello world"
    assert [r.text for r in again] == ["page /0", "page /1", "page /2"]
    assert closing.text == "all of it"
    # footprint's transport: one kept-alive connection up to the body over the cap, which
    # ended it; httpx's keeps none alive (httpx_transport.py says why)
    assert server.connections == (2 if kind == "footprint" else 6)


# --- the overall deadline and unread bytes -----------------------------------------------

async def test_a_dripping_server_is_bounded_by_the_overall_deadline(kind: str) -> None:
    async def drip(_m: str, _t: str, w: asyncio.StreamWriter) -> bool:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(40):
            await w.drain()
            await asyncio.sleep(0.1)
            w.write(b"x")
        return False

    async with origin(drip) as server:
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded) as caught:
            await get(kind, server.url("/"), read_timeout_s=1.0, request_deadline_s=0.8)
    assert 0.7 < time.monotonic() - started < 2.5
    assert "0.8 s" in str(caught.value)


async def test_endless_100_continue_is_bounded(kind: str) -> None:
    async def informational(_m: str, _t: str, w: asyncio.StreamWriter) -> bool:
        for _ in range(100):
            w.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            await w.drain()
            await asyncio.sleep(0.05)
        return False

    async with origin(informational) as server:
        started = time.monotonic()
        with pytest.raises((DeadlineExceeded, httpx.RemoteProtocolError)):
            await get(kind, server.url("/"), read_timeout_s=1.0, request_deadline_s=1.0)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("delay", [0.0, 0.1])
async def test_a_connection_with_unread_bytes_is_not_reused(kind: str, delay: float) -> None:
    async def ahead(_m: str, target: str, w: asyncio.StreamWriter) -> bool:
        smuggled = response(200, b"an answer to nothing")
        if delay:
            w.write(response(200, b"page " + target.encode()))
            await w.drain()
            await asyncio.sleep(delay)
            w.write(smuggled)
        else:
            w.write(response(200, b"page " + target.encode()) + smuggled)
        await w.drain()
        return True

    async with origin(ahead) as server:
        opts = options(kind)
        async with build_client((), opts) as client:
            session = session_for(client, opts)
            first = await session.get(server.url("/first"))
            await asyncio.sleep(0.2)
            second = await session.get(server.url("/second"))
    assert first.text == "page /first"
    assert second.text == "page /second"
    assert server.connections == 2
