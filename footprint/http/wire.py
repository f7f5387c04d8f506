"""One HTTP/1.1 connection: h11 for the protocol, asyncio streams for the socket.

httpx's default stack (httpcore on anyio) costs about 2 ms of CPU per request, five times
what h11 on plain asyncio streams costs; at hundreds of sites that is most of a username
sweep (benchmarks/README.md). Every failure leaves here as the httpx exception httpx's own
transport would raise, with the OSError or ssl error behind it kept as its cause, so
nothing above this module can tell the difference and the verdict can still tell a
certificate from a refusal (failures.py). Through an HTTP proxy, plain http requests go in
absolute form with the proxy's credentials; https goes through a tunnel (connect.py).
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, SupportsIndex

import h11
import httpx

from footprint.http.connect import connect_via, proxy_refusal
from footprint.http.proxy import ProxyURL

# what asyncio's socket transport reads at once: a 100 KiB page arrives in one read, not two
# or three, each a turn of a busy event loop (measured: 0.035 s less per 500-page sweep)
CHUNK = 256 * 1024
# What httpcore allows for a response head; h11's own default (16 KiB) refuses real sites
# that set many cookies.
MAX_HEAD_BYTES = 100 * 1024
MAX_INFORMATIONAL = 10  # 1xx responses before the real one: a server may not loop forever

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
        # the cause stays attached: a certificate failure is told apart from the others
        raise network(str(exc) or type(exc).__name__, request=request) from exc


def _seconds(timeouts: Timeouts, phase: str) -> float | None:
    value = timeouts.get(phase)
    return float(value) if isinstance(value, int | float) else None


class _Reader(asyncio.StreamReader):
    """Counts what arrived, so a connection holding bytes nobody asked for (a response
    sent before its request) is never handed to the next request."""

    def __init__(self) -> None:
        super().__init__(limit=CHUNK)
        self.received = 0
        self.consumed = 0

    def feed_data(self, data: Iterable[SupportsIndex]) -> None:
        self.received += len(data)  # type: ignore[arg-type]  # bytes, from the protocol
        super().feed_data(data)

    async def read(self, n: int = -1) -> bytes:
        data = await super().read(n)
        self.consumed += len(data)
        return data


async def _streams(sock: socket.socket, context: ssl.SSLContext | None,
                   host: str) -> tuple[_Reader, asyncio.StreamWriter]:
    loop = asyncio.get_running_loop()
    reader = _Reader()
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.create_connection(
        lambda: protocol, sock=sock, ssl=context,
        server_hostname=host if context is not None else None)
    return reader, asyncio.StreamWriter(transport, protocol, reader, loop)


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

    def __init__(self, reader: _Reader, writer: asyncio.StreamWriter,
                 forward: ProxyURL | None = None) -> None:
        self._reader = reader
        self._writer = writer
        self.peer = Peer.of(writer)  # once per connection: cheap next to the handshake
        self._h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self._forward = forward  # an HTTP proxy that gets requests in absolute form
        self.idle_since = time.monotonic()
        self.received_any = False

    @classmethod
    async def open(cls, request: httpx.Request, context: ssl.SSLContext | None,
                   timeouts: Timeouts, proxy: ProxyURL | None = None) -> Http11Connection:
        url = request.url
        host = url.raw_host.decode("ascii")
        tls = url.scheme == "https"
        port = url.port or (443 if tls else 80)
        forward = proxy if proxy is not None and proxy.scheme == "http" and not tls else None
        limit = _seconds(timeouts, "connect")
        through_proxy = False
        try:
            with _as_httpx(request, httpx.ConnectTimeout, httpx.ConnectError, "connect"):
                async with asyncio.timeout(limit):
                    sock = await connect_via(proxy, host, port, tls, request)
                    through_proxy = True
                    try:
                        reader, writer = await _streams(sock, context if tls else None, host)
                    except BaseException:
                        sock.close()
                        raise
        except httpx.ConnectTimeout:
            if proxy is None or through_proxy:
                raise
            # a proxy that never answers is the proxy's failure, not the site's
            raise httpx.ProxyError(f"the proxy {proxy.display} did not answer within "
                                   f"{limit:g} s", request=request) from None
        return cls(reader, writer, forward)

    def usable(self, max_idle_s: float) -> bool:
        """Still open, idle, unread and not kept past its expiry. Bytes that arrived while
        idle answer no request of ours: such a connection is never used again."""
        return (not self._writer.is_closing() and not self._reader.at_eof()
                and self._reader.exception() is None
                and self._reader.received == self._reader.consumed
                and self._h11.our_state is h11.IDLE and self._h11.their_state is h11.IDLE
                and time.monotonic() - self.idle_since < max_idle_s)

    async def send(self, request: httpx.Request, timeouts: Timeouts) -> h11.Response:
        """Write the request and read up to the final response head."""
        self.received_any = False
        headers = list(request.headers.raw)
        target = request.url.raw_path
        if self._forward is not None:
            target = request.url.raw_scheme + b"://" + request.url.netloc + target
            auth = self._forward.basic_auth()
            if auth is not None:
                headers.append((b"Proxy-Authorization", auth))
        head = h11.Request(method=request.method, target=target, headers=headers)
        with _as_httpx(request, httpx.WriteTimeout, httpx.WriteError, "write"):
            async with asyncio.timeout(_seconds(timeouts, "write")):
                self._writer.write(self._h11.send(head) or b"")
                async for chunk in request.stream:  # type: ignore[union-attr]
                    self._writer.write(self._h11.send(h11.Data(data=chunk)) or b"")
                    await self._writer.drain()
                self._writer.write(self._h11.send(h11.EndOfMessage()) or b"")
                await self._writer.drain()
        for _ in range(MAX_INFORMATIONAL + 1):
            event = await self._next_event(request, timeouts)
            if isinstance(event, h11.Response):
                if self._forward is not None and event.status_code == 407:
                    raise proxy_refusal(self._forward, 407, event.reason.decode("latin-1"),
                                        request)
                return event
            if not isinstance(event, h11.InformationalResponse):  # 1xx: read on
                raise httpx.RemoteProtocolError(f"unexpected {type(event).__name__} "
                                                "before the response", request=request)
        raise httpx.RemoteProtocolError(
            f"more than {MAX_INFORMATIONAL} informational (1xx) responses", request=request)

    async def body(self, request: httpx.Request, timeouts: Timeouts) -> AsyncIterator[bytes]:
        while True:
            event = await self._next_event(request, timeouts)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                return

    def finish(self) -> bool:
        """After a whole response: ready the connection for the next one, if it can be."""
        if (self._h11.our_state is h11.DONE and self._h11.their_state is h11.DONE
                and not self._h11.trailing_data[0]):
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
