"""One HTTP/1.1 connection: h11 for the protocol, asyncio streams for the socket.

httpx's default stack (httpcore on anyio) costs about 2 ms of CPU per request, five times
what h11 on plain asyncio streams costs; at hundreds of sites that is most of a username
sweep (benchmarks/README.md). Every failure leaves here as the httpx exception httpx's own
transport would raise, so nothing above this module can tell the difference.
"""

from __future__ import annotations

import asyncio
import functools
import socket
import ssl
import time
from asyncio import staggered
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import h11
import httpx

CHUNK = 64 * 1024
# What httpcore allows for a response head; h11's own default (16 KiB) refuses real sites
# that set many cookies.
MAX_HEAD_BYTES = 100 * 1024
HAPPY_EYEBALLS_DELAY_S = 0.25

Timeouts = dict[str, Any]


@contextmanager
def _as_httpx(request: httpx.Request, timeout: type[httpx.TimeoutException],
              network: type[httpx.NetworkError], what: str) -> Iterator[None]:
    try:
        yield
    except TimeoutError:
        raise timeout(f"{what} timed out", request=request) from None
    except h11.RemoteProtocolError as exc:
        raise httpx.RemoteProtocolError(str(exc), request=request) from None
    except h11.LocalProtocolError as exc:
        raise httpx.LocalProtocolError(str(exc), request=request) from None
    except OSError as exc:  # resets, refusals, DNS failures and TLS errors alike
        raise network(str(exc) or type(exc).__name__, request=request) from None


def _seconds(timeouts: Timeouts, phase: str) -> float | None:
    value = timeouts.get(phase)
    return float(value) if isinstance(value, int | float) else None


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
    attempts = [functools.partial(_connect_one, *a) for a in addresses]
    sock, _, errors = await staggered.staggered_race(attempts, HAPPY_EYEBALLS_DELAY_S)
    if sock is None:
        failures = [e for e in errors if e is not None]
        raise failures[0] if len(failures) == 1 else OSError(
            f"could not connect to {host}: " + "; ".join(map(str, failures)))
    return sock


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


@dataclass(frozen=True, slots=True)
class Peer:
    """Who answered: evidence capture records it (footprint/evidence/); responses carry it
    as the ``footprint_peer`` extension."""

    address: str
    port: int
    certificate_der: bytes | None = None  # the server's own certificate, over TLS
    tls_version: str | None = None
    cipher: str | None = None

    @classmethod
    def of(cls, writer: asyncio.StreamWriter) -> Peer | None:
        name = writer.get_extra_info("peername")
        if not isinstance(name, tuple) or len(name) < 2:
            return None
        tls = writer.get_extra_info("ssl_object")
        if not isinstance(tls, ssl.SSLObject):
            return cls(str(name[0]), int(name[1]))
        cipher = tls.cipher()
        return cls(str(name[0]), int(name[1]), tls.getpeercert(binary_form=True),
                   tls.version(), cipher[0] if cipher else None)


class Http11Connection:
    """A keep-alive connection to one origin, used for one exchange at a time."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self.peer = Peer.of(writer)  # once per connection: cheap next to the handshake
        self._h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self.idle_since = time.monotonic()
        self.received_any = False

    @classmethod
    async def open(cls, request: httpx.Request, context: ssl.SSLContext | None,
                   timeouts: Timeouts) -> Http11Connection:
        url = request.url
        host = url.raw_host.decode("ascii")
        tls = url.scheme == "https"
        port = url.port or (443 if tls else 80)
        with _as_httpx(request, httpx.ConnectTimeout, httpx.ConnectError, "connect"):
            async with asyncio.timeout(_seconds(timeouts, "connect")):
                sock = await connect_socket(host, port)
                try:
                    reader, writer = await asyncio.open_connection(
                        sock=sock, ssl=context if tls else None,
                        server_hostname=host if tls else None, limit=CHUNK)
                except BaseException:
                    sock.close()
                    raise
        return cls(reader, writer)

    def usable(self, max_idle_s: float) -> bool:
        """Still open, idle, unread and not kept past its expiry."""
        return (not self._writer.is_closing() and not self._reader.at_eof()
                and self._reader.exception() is None
                and self._h11.our_state is h11.IDLE and self._h11.their_state is h11.IDLE
                and time.monotonic() - self.idle_since < max_idle_s)

    async def send(self, request: httpx.Request, timeouts: Timeouts) -> h11.Response:
        """Write the request and read up to the final response head."""
        self.received_any = False
        head = h11.Request(method=request.method, target=request.url.raw_path,
                           headers=list(request.headers.raw))
        with _as_httpx(request, httpx.WriteTimeout, httpx.WriteError, "write"):
            async with asyncio.timeout(_seconds(timeouts, "write")):
                self._writer.write(self._h11.send(head) or b"")
                async for chunk in request.stream:  # type: ignore[union-attr]
                    self._writer.write(self._h11.send(h11.Data(data=chunk)) or b"")
                    await self._writer.drain()
                self._writer.write(self._h11.send(h11.EndOfMessage()) or b"")
                await self._writer.drain()
        while True:
            event = await self._next_event(request, timeouts)
            if isinstance(event, h11.Response):
                return event
            if not isinstance(event, h11.InformationalResponse):  # 1xx: read on
                raise httpx.RemoteProtocolError(f"unexpected {type(event).__name__} "
                                                "before the response", request=request)

    async def body(self, request: httpx.Request, timeouts: Timeouts) -> AsyncIterator[bytes]:
        while True:
            event = await self._next_event(request, timeouts)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                return

    def finish(self) -> bool:
        """After a whole response: ready the connection for the next one, if it can be."""
        if self._h11.our_state is h11.DONE and self._h11.their_state is h11.DONE:
            self._h11.start_next_cycle()
            self.idle_since = time.monotonic()
            return True
        return False

    def close(self) -> None:
        # no await: this also runs while a cancelled check unwinds
        self._writer.close()

    async def _next_event(self, request: httpx.Request, timeouts: Timeouts) -> Any:
        with _as_httpx(request, httpx.ReadTimeout, httpx.ReadError, "read"):
            while True:
                event = self._h11.next_event()
                if event is not h11.NEED_DATA:
                    return event
                async with asyncio.timeout(_seconds(timeouts, "read")):
                    data = await self._reader.read(CHUNK)
                if not data and self._h11.their_state is h11.SEND_RESPONSE:
                    raise httpx.RemoteProtocolError(
                        "server disconnected without sending a response", request=request)
                self.received_any = self.received_any or bool(data)
                self._h11.receive_data(data)
