"""Loopback servers for the transport conformance suite: an origin that misbehaves on
request, an HTTP proxy (CONNECT and absolute form, with or without a password) and a
SOCKS5 proxy. All run in the test's own event loop on 127.0.0.1."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import socket
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

Handler = Callable[[str, str, asyncio.StreamWriter], Awaitable[bool]]


@contextlib.asynccontextmanager
async def _serving(state: Any, ssl_context: object = None) -> AsyncIterator[Any]:
    """Runs ``state._serve`` per connection; on exit its connections are dropped and their
    handlers run to their end, so no test leaves a task or a socket behind."""
    tasks: set[asyncio.Task[Any]] = set()
    writers: set[asyncio.StreamWriter] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        tasks.add(task)
        writers.add(writer)
        try:
            await state._serve(reader, writer)
        except asyncio.CancelledError:
            pass  # ended by the exit below; asyncio's own callback must not see it
        finally:
            writer.close()
            writers.discard(writer)
            tasks.discard(task)

    server = await asyncio.start_server(serve, "127.0.0.1", 0,
                                        ssl=ssl_context)  # type: ignore[arg-type]
    state.port = server.sockets[0].getsockname()[1]
    try:
        yield state
    finally:
        server.close()
        for writer in list(writers):
            writer.transport.abort()
        if tasks:
            await asyncio.wait(list(tasks), timeout=0.2)
        for task in list(tasks):  # a handler still asleep or waiting upstream
            task.cancel()
        if tasks:
            await asyncio.wait(list(tasks), timeout=2)
        await server.wait_closed()


def response(status: int, body: bytes = b"", *extra: str) -> bytes:
    head = [f"HTTP/1.1 {status} X", *extra]
    if not any(h.lower().startswith(("content-length", "transfer-encoding")) for h in extra):
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _head(reader: asyncio.StreamReader) -> tuple[str, str, dict[str, str]] | None:
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    lines = raw.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {k.lower(): v for k, _, v in (line.partition(": ") for line in lines[1:] if line)}
    return method, target, headers


@dataclass
class Origin:
    """Answers each request with ``handler`` (return False to hang up afterwards)."""

    handler: Handler
    port: int = 0
    connections: int = 0
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while (head := await _head(reader)) is not None:
                method, target, headers = head
                await reader.readexactly(int(headers.get("content-length", "0")))
                self.seen.append(head)
                if not await self.handler(method, target, writer):
                    return
                if headers.get("connection", "").lower() == "close":
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    def url(self, path: str = "/", scheme: str = "http", host: str = "127.0.0.1") -> str:
        return f"{scheme}://{host}:{self.port}{path}"


@contextlib.asynccontextmanager
async def origin(handler: Handler, ssl_context: object = None) -> AsyncIterator[Origin]:
    async with _serving(Origin(handler), ssl_context) as state:
        yield state


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


@dataclass
class HttpProxy:
    """A forward proxy: CONNECT tunnels, absolute-form requests forwarded; ``credentials``
    (user, password) makes it answer 407 to requests without them."""

    credentials: tuple[str, str] | None = None
    port: int = 0
    seen: list[tuple[str, str, str | None]] = field(default_factory=list)  # method, target, auth

    def _allowed(self, auth: str | None) -> bool:
        if self.credentials is None:
            return True
        expected = base64.b64encode(":".join(self.credentials).encode()).decode()
        return auth == f"Basic {expected}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_writer: asyncio.StreamWriter | None = None
        try:
            head = await _head(reader)
            if head is None:
                return
            method, target, headers = head
            auth = headers.get("proxy-authorization")
            self.seen.append((method, target, auth))
            if not self._allowed(auth):
                writer.write(response(407, b"", 'Proxy-Authenticate: Basic realm="test"',
                                      "Content-Length: 0", "Connection: close"))
                await writer.drain()
                return
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                up_reader, up_writer = await asyncio.open_connection(host.strip("[]"),
                                                                     int(port))
                writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                await writer.drain()
            else:  # absolute form: one request, in origin form, on a closing connection
                authority, _, path = target.split("://", 1)[1].partition("/")
                host, _, port = authority.rpartition(":")
                up_reader, up_writer = await asyncio.open_connection(host, int(port))
                lines = [f"{method} /{path} HTTP/1.1", "Connection: close"] + [
                    f"{k}: {v}" for k, v in headers.items()
                    if k not in ("proxy-authorization", "connection")]
                up_writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
                await _pipe(up_reader, writer)
                return
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (ConnectionError, OSError):
            return
        finally:
            writer.close()
            if up_writer is not None:
                up_writer.close()


@contextlib.asynccontextmanager
async def http_proxy(credentials: tuple[str, str] | None = None) -> AsyncIterator[HttpProxy]:
    async with _serving(HttpProxy(credentials)) as state:
        yield state


@dataclass
class Socks5Proxy:
    """RFC 1928 CONNECT, with RFC 1929 user/password when ``credentials`` is set."""

    credentials: tuple[str, str] | None = None
    port: int = 0
    targets: list[tuple[str, int]] = field(default_factory=list)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            _, count = await reader.readexactly(2)
            methods = await reader.readexactly(count)
            want = 2 if self.credentials else 0
            if want not in methods:
                writer.write(b"\x05\xff")
                return
            writer.write(bytes([5, want]))
            if want == 2:
                _, ulen = await reader.readexactly(2)
                user = (await reader.readexactly(ulen)).decode()
                plen = (await reader.readexactly(1))[0]
                password = (await reader.readexactly(plen)).decode()
                ok = (user, password) == self.credentials
                writer.write(b"\x01\x00" if ok else b"\x01\x01")
                if not ok:
                    return
            _, command, _, kind = await reader.readexactly(4)
            if kind == 1:
                host = socket.inet_ntoa(await reader.readexactly(4))
            elif kind == 3:
                host = (await reader.readexactly((await reader.readexactly(1))[0])).decode()
            else:
                host = socket.inet_ntop(socket.AF_INET6, await reader.readexactly(16))
            (port,) = struct.unpack("!H", await reader.readexactly(2))
            self.targets.append((host, port))
            address = "127.0.0.1" if host == "localhost" else host
            up_reader, up_writer = await asyncio.open_connection(address, port)
            writer.write(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + b"\x00\x00")
            await writer.drain()
            try:
                await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
            finally:
                up_writer.close()
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()


@contextlib.asynccontextmanager
async def socks5_proxy(credentials: tuple[str, str] | None = None
                       ) -> AsyncIterator[Socks5Proxy]:
    async with _serving(Socks5Proxy(credentials)) as state:
        yield state
