"""``[network] transport = "httpx"``: httpx's own transport, as an escape hatch.

Slower than footprint's own (benchmarks/README.md), and it keeps no connection alive, but
it is independent of it. The same proxy routes, TLS context and per-host cap apply, and
failures are sorted the same way: an unreachable or refusing proxy is ``httpx.ProxyError``
with the proxy named by host only.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Callable

import httpx

from footprint.errors import ConfigError
from footprint.http.connect import proxy_refusal
from footprint.http.proxy import DIRECT, ProxyRoutes, ProxyURL
from footprint.http.tls import certificate_error, make_context

# No kept-alive connections: httpcore reuses a connection whose parser still holds bytes
# that answer no request (a response sent ahead of its request), and would hand them to
# the next request as its answer. A new connection per request is slower, and safe.
_LIMITS = httpx.Limits(max_connections=None, max_keepalive_connections=0)


class _Released(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner = inner
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


class HttpxTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, per_host: int = 2, ssl_context: ssl.SSLContext | None = None,
                 routes: ProxyRoutes = DIRECT) -> None:
        self._per_host = per_host
        self._ssl = ssl_context or make_context()
        self._routes = routes
        self._slots: dict[tuple[bytes, bytes, int | None], asyncio.Semaphore] = {}
        self._direct = httpx.AsyncHTTPTransport(verify=self._ssl, limits=_LIMITS,
                                                trust_env=False)
        self._proxied: dict[ProxyURL, httpx.AsyncHTTPTransport] = {}
        for proxy in routes.proxies():
            self._proxied[proxy] = self._through(proxy)

    def _through(self, proxy: ProxyURL) -> httpx.AsyncHTTPTransport:
        try:
            return httpx.AsyncHTTPTransport(
                verify=self._ssl, limits=_LIMITS, trust_env=False,
                proxy=httpx.Proxy(proxy.with_credentials_url()))
        except ImportError:
            raise ConfigError(
                f"a SOCKS proxy with transport = \"httpx\" needs the socksio package "
                f"(pip install 'httpx[socks]'), or use footprint's own transport "
                f"({proxy.display})") from None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        slots = self._slots.setdefault((url.raw_scheme, url.raw_host, url.port),
                                       asyncio.Semaphore(self._per_host))
        await slots.acquire()
        try:
            response = await self._send(request)
        except BaseException:
            slots.release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Released(response.stream, slots.release)
        return response

    async def _send(self, request: httpx.Request) -> httpx.Response:
        proxy = self._routes.for_url(request.url)
        if proxy is None:
            return await self._direct.handle_async_request(request)
        try:
            response = await self._proxied[proxy].handle_async_request(request)
        except httpx.ProxyError as exc:  # httpcore says "407 Proxy Authentication Required"
            status, _, reason = str(exc).partition(" ")
            if status.isdigit():
                raise proxy_refusal(proxy, int(status), reason, request) from exc
            raise httpx.ProxyError(f"the proxy refused: {proxy.display}: {exc}",
                                   request=request) from exc
        except httpx.ConnectError as exc:
            if certificate_error(exc) is not None or _is_tls(exc):
                raise
            raise httpx.ProxyError(f"the proxy {proxy.display} could not be reached: {exc}",
                                   request=request) from exc
        except httpx.ConnectTimeout as exc:  # httpcore cannot say which hop was slow
            raise httpx.ProxyError(f"the proxy {proxy.display} did not answer in time (or "
                                   "the site behind it did not)", request=request) from exc
        if response.status_code == 407 and request.url.scheme == "http":
            await response.aclose()
            raise proxy_refusal(proxy, 407, response.reason_phrase, request)
        return response

    async def aclose(self) -> None:
        await self._direct.aclose()
        for transport in self._proxied.values():
            await transport.aclose()


def _is_tls(exc: BaseException | None) -> bool:
    for _ in range(16):  # a cause chain is short; never follow a cycle
        if exc is None:
            return False
        if isinstance(exc, ssl.SSLError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
