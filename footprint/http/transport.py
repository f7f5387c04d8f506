"""A transport that keeps one small connection pool per origin.

With hundreds of hosts in one httpcore pool, assigning requests to connections is
quadratic, and every transport builds its own SSL context (about 25 ms each). Sharding by
origin with one shared SSL context avoids both, and each shard's pool size is the per-host
concurrency cap (see docs/performance.md).
"""

from __future__ import annotations

import ssl

import httpx


class OriginShardedTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, per_host: int = 2, ssl_context: ssl.SSLContext | None = None) -> None:
        self._per_host = per_host
        self._ssl = ssl_context
        self._shards: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}

    def _context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = ssl.create_default_context()
            self._try_certifi(self._ssl)
        return self._ssl

    @staticmethod
    def _try_certifi(context: ssl.SSLContext) -> None:
        try:
            import certifi
        except ImportError:
            return
        context.load_verify_locations(certifi.where())

    def _shard(self, url: httpx.URL) -> httpx.AsyncHTTPTransport:
        key = (url.raw_scheme, url.raw_host, url.port)
        shard = self._shards.get(key)
        if shard is None:
            limits = httpx.Limits(max_connections=self._per_host,
                                  max_keepalive_connections=self._per_host)
            shard = httpx.AsyncHTTPTransport(verify=self._context(), limits=limits, retries=0)
            self._shards[key] = shard
        return shard

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._shard(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        shards, self._shards = list(self._shards.values()), {}
        for shard in shards:
            await shard.aclose()
