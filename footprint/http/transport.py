"""The scan's network: a few keep-alive HTTP/1.1 connections per origin.

Each origin (scheme, host, port) gets its own small pool, sized by the per-host cap, so
politeness is per site and hundreds of sites never share one pool's bookkeeping; all share
one SSL context (building one costs about 25 ms, tls.py). An origin's route (direct or
through which proxy, proxy.py) is fixed for the run, so the pool key need not hold it.
The wire work is in wire.py, connecting (and proxies) in connect.py.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import h11
import httpx

from footprint.http.proxy import DIRECT, ProxyRoutes
from footprint.http.tls import make_context
from footprint.http.wire import Http11Connection, Timeouts

KEEPALIVE_S = 5.0
MAX_IDLE = 64  # kept-alive connections over all origins (openfiles.RESERVE counts them)
_REPLAYABLE = frozenset({"GET", "HEAD", "OPTIONS"})

Origin = tuple[bytes, bytes, int | None]


@dataclass(eq=False)
class _OriginPool:
    slots: asyncio.Semaphore
    idle: list[Http11Connection] = field(default_factory=list)


class _ResponseBody(httpx.AsyncByteStream):
    """Hands the connection back to its pool once the body is read or dropped."""

    def __init__(self, conn: Http11Connection, release: Callable[[bool], None],
                 request: httpx.Request, timeouts: Timeouts) -> None:
        self._conn = conn
        self._release: Callable[[bool], None] | None = release
        self._request = request
        self._timeouts = timeouts
        self._complete = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._conn.body(self._request, self._timeouts):
            yield chunk
        self._complete = True

    async def aclose(self) -> None:
        release, self._release = self._release, None
        if release is not None:
            release(self._complete and self._conn.finish())


class PerOriginTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, per_host: int = 2, ssl_context: ssl.SSLContext | None = None,
                 routes: ProxyRoutes = DIRECT, ca_bundle: str | None = None) -> None:
        self._per_host = per_host
        self._ssl = ssl_context
        self._ca_bundle = ca_bundle
        self._routes = routes
        self._pools: dict[Origin, _OriginPool] = {}
        # every idle connection, oldest first: a sweep of hundreds of sites would otherwise
        # keep one open socket per site until the scan ends
        self._idle: OrderedDict[Http11Connection, _OriginPool] = OrderedDict()

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = make_context(self._ca_bundle)  # only once an https URL needs it
        return self._ssl

    def _pool(self, url: httpx.URL) -> _OriginPool:
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = _OriginPool(asyncio.Semaphore(self._per_host))
        return pool

    def _take_idle(self, pool: _OriginPool) -> Http11Connection | None:
        while pool.idle:
            conn = pool.idle.pop()
            self._idle.pop(conn, None)
            if conn.usable(KEEPALIVE_S):
                return conn
            conn.close()
        return None

    def _give_back(self, pool: _OriginPool, conn: Http11Connection, reusable: bool) -> None:
        if reusable:
            pool.idle.append(conn)
            self._idle[conn] = pool
            while len(self._idle) > MAX_IDLE:
                oldest, owner = self._idle.popitem(last=False)
                owner.idle.remove(oldest)
                oldest.close()
        else:
            conn.close()
        pool.slots.release()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(
                f"unsupported URL scheme {request.url.scheme!r}", request=request)
        timeouts: Timeouts = request.extensions.get("timeout", {})
        pool = self._pool(request.url)
        try:
            async with asyncio.timeout(timeouts.get("pool")):
                await pool.slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("no free connection", request=request) from None
        try:
            conn, head = await self._exchange(pool, request, timeouts)
        except BaseException:
            pool.slots.release()
            raise
        return httpx.Response(
            head.status_code, headers=head.headers.raw_items(),
            stream=_ResponseBody(conn, functools.partial(self._give_back, pool, conn),
                                 request, timeouts),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": head.reason,
                        "footprint_peer": conn.peer})

    async def _exchange(self, pool: _OriginPool, request: httpx.Request,
                        timeouts: Timeouts) -> tuple[Http11Connection, h11.Response]:
        conn = self._take_idle(pool)
        if conn is not None:
            try:
                return conn, await conn.send(request, timeouts)
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
                conn.close()
                # the server dropped a kept-alive connection before answering: once more
                # on a new one, if asking again cannot change anything
                if conn.received_any or request.method not in _REPLAYABLE:
                    raise
            except BaseException:
                conn.close()
                raise
        context = self._context() if request.url.scheme == "https" else None
        conn = await Http11Connection.open(request, context, timeouts,
                                           self._routes.for_url(request.url))
        try:
            return conn, await conn.send(request, timeouts)
        except BaseException:
            conn.close()
            raise

    async def aclose(self) -> None:
        idle, self._idle, self._pools = list(self._idle), OrderedDict(), {}
        for conn in idle:
            conn.close()
