"""A connected socket to an origin: directly, through an HTTP proxy's CONNECT, or SOCKS5.

Failures leave as httpx exceptions the rest of footprint (and the verdict) can sort:
``httpx.ProxyError`` when the proxy is unreachable, refuses or wants credentials, with a
message that names the proxy by host and port only; ``OSError`` for the origin itself,
which wire.py turns into ``httpx.ConnectError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

import h11
import httpx

from footprint.http.proxy import ProxyURL

HAPPY_EYEBALLS_DELAY_S = 0.25
_MAX_CONNECT_REPLY = 16 * 1024


async def connect_socket(host: str, port: int) -> socket.socket:
    """A connected socket, racing the addresses RFC 8305 style when there are several.

    asyncio's own race (``happy_eyeballs_delay``) spawns and cancels tasks even for a
    single address; skipping it there halves the garbage a sweep of hundreds of sites
    leaves, while hosts with IPv6 and IPv4 addresses still get the race.
    """
    family = _numeric_family(host)
    if family is None:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)
        addresses = _interleaved([(info[0], info[4]) for info in infos])
    else:
        addresses = [(family, (host, port))]
    if not addresses:
        raise OSError(f"no address for {host}")
    if len(addresses) == 1:
        return await _connect_one(*addresses[0])
    return await _race(host, addresses)


async def _race(host: str, addresses: list[tuple[int, Any]]) -> socket.socket:
    """Start the next address when the previous ones failed or had their head start."""
    attempts: list[asyncio.Task[socket.socket]] = []
    winner: asyncio.Task[socket.socket] | None = None
    try:
        for family, address in addresses:
            attempts.append(asyncio.ensure_future(_connect_one(family, address)))
            winner = await _first_success(attempts, HAPPY_EYEBALLS_DELAY_S)
            if winner is not None:
                return winner.result()
        winner = await _first_success(attempts, None)
        if winner is not None:
            return winner.result()
    finally:
        for attempt in attempts:
            if not attempt.done():
                attempt.cancel()
            elif attempt is not winner and _succeeded(attempt):
                attempt.result().close()
    errors = [e for a in attempts if (e := a.exception()) is not None]
    raise errors[0] if len(errors) == 1 else OSError(
        f"could not connect to {host}: " + "; ".join(map(str, errors)))


def _succeeded(attempt: asyncio.Task[socket.socket]) -> bool:
    return attempt.done() and not attempt.cancelled() and attempt.exception() is None


async def _first_success(attempts: list[asyncio.Task[socket.socket]],
                         within: float | None) -> asyncio.Task[socket.socket] | None:
    """The first attempt that connected; None when all failed or ``within`` passed."""
    loop = asyncio.get_running_loop()
    until = None if within is None else loop.time() + within
    while True:
        for attempt in attempts:
            if _succeeded(attempt):
                return attempt
        pending = [a for a in attempts if not a.done()]
        left = None if until is None else until - loop.time()
        if not pending or (left is not None and left <= 0):
            return None
        await asyncio.wait(pending, timeout=left, return_when=asyncio.FIRST_COMPLETED)


def _numeric_family(host: str) -> int | None:
    """The address family of an IP literal (no lookup needed), else None."""
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, host.split("%", 1)[0])
        except OSError:
            continue
        return family
    return None


def _interleaved(addresses: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """Alternate address families, keeping the resolver's preference first."""
    unique = list(dict.fromkeys(addresses))
    if not unique:
        return []
    first = [a for a in unique if a[0] == unique[0][0]]
    other = [a for a in unique if a[0] != unique[0][0]]
    out: list[tuple[int, Any]] = []
    for i in range(max(len(first), len(other))):
        out.extend(group[i] for group in (first, other) if i < len(group))
    return out


async def _connect_one(family: int, address: Any) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, address)
    except BaseException:
        sock.close()
        raise
    return sock


async def connect_via(proxy: ProxyURL | None, host: str, port: int, tunnel: bool,
                      request: httpx.Request) -> socket.socket:
    """A socket to ``host:port``: direct, or through ``proxy`` (a tunnel when ``tunnel``;
    else a connection to the HTTP proxy itself, for requests in absolute form)."""
    if proxy is None:
        return await connect_socket(host, port)
    if proxy.scheme in ("socks5", "socks5h"):
        return await _socks(proxy, host, port, request)
    sock = await _to_proxy(proxy, request)
    if tunnel:
        try:
            await _http_connect(sock, proxy, host, port, request)
        except BaseException:
            sock.close()
            raise
    return sock


async def _to_proxy(proxy: ProxyURL, request: httpx.Request) -> socket.socket:
    try:
        return await connect_socket(proxy.host, proxy.port)
    except OSError as exc:
        raise httpx.ProxyError(f"the proxy {proxy.display} could not be reached: "
                               f"{exc.strerror or exc}", request=request) from exc


async def _http_connect(sock: socket.socket, proxy: ProxyURL, host: str, port: int,
                        request: httpx.Request) -> None:
    loop = asyncio.get_running_loop()
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    headers = [("Host", authority)]
    auth = proxy.basic_auth()
    if auth is not None:
        headers.append(("Proxy-Authorization", auth.decode("ascii")))
    conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_CONNECT_REPLY)
    data = conn.send(h11.Request(method="CONNECT", target=authority, headers=headers))
    try:
        await loop.sock_sendall(sock, (data or b"") + (conn.send(h11.EndOfMessage()) or b""))
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                chunk = await loop.sock_recv(sock, 4096)
                conn.receive_data(chunk)
                continue
            if isinstance(event, h11.InformationalResponse):
                continue
            break
    except h11.RemoteProtocolError as exc:
        raise httpx.ProxyError(f"the proxy {proxy.display} answered CONNECT with something "
                               f"that is not HTTP ({exc})", request=request) from exc
    except OSError as exc:
        raise httpx.ProxyError(f"the proxy {proxy.display} dropped the connection: "
                               f"{exc.strerror or exc}", request=request) from exc
    if isinstance(event, h11.ConnectionClosed):
        raise httpx.ProxyError(f"the proxy {proxy.display} closed the connection without "
                               "answering CONNECT", request=request)
    assert isinstance(event, h11.Response)
    if not 200 <= event.status_code < 300:
        raise proxy_refusal(proxy, event.status_code, event.reason.decode("latin-1"), request)
    if conn.trailing_data[0]:  # a TLS client speaks first: the origin cannot have yet
        raise httpx.ProxyError(f"the proxy {proxy.display} sent data before the tunnel "
                               "was used", request=request)


def proxy_refusal(proxy: ProxyURL, status: int, reason: str,
                  request: httpx.Request) -> httpx.ProxyError:
    """The error for a proxy that answered with a refusal instead of a tunnel or a page."""
    what = f"{status} {reason}".strip()
    if status == 407:
        detail = ("it rejected the user name and password in the proxy URL"
                  if proxy.username is not None else
                  "it asks for a user name and password (put them in the proxy URL)")
        return httpx.ProxyError(f"the proxy refused: {proxy.display} {detail} ({what})",
                                request=request)
    return httpx.ProxyError(f"the proxy refused: {proxy.display} answered {what}",
                            request=request)


async def _socks(proxy: ProxyURL, host: str, port: int,
                 request: httpx.Request) -> socket.socket:
    from python_socks import ProxyConnectionError, ProxyError, ProxyTimeoutError, ProxyType
    from python_socks.async_.asyncio import Proxy

    client = Proxy(ProxyType.SOCKS5, proxy.host, proxy.port, username=proxy.username,
                   password=proxy.password, rdns=proxy.remote_dns)
    try:
        sock: socket.socket = await client.connect(dest_host=host, dest_port=port,
                                                   timeout=None)
    except ProxyTimeoutError:
        raise TimeoutError from None
    except ProxyConnectionError as exc:
        raise httpx.ProxyError(f"the proxy {proxy.display} could not be reached: "
                               f"{exc.strerror or 'connection failed'}",
                               request=request) from exc
    except ProxyError as exc:
        raise httpx.ProxyError(f"the proxy refused: {proxy.display} answered {exc}",
                               request=request) from exc
    with contextlib.suppress(OSError):
        sock.setblocking(False)
    return sock
