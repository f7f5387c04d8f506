"""What checks get instead of a client: bounded bodies and a polite, bounded retry."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from footprint.http.body import read_capped, text_encoding

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
_DROPPED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


def retry_after_seconds(headers: httpx.Headers, now: datetime | None = None) -> float | None:
    """Seconds the server asks us to wait (delta-seconds or an HTTP date), if it says."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HttpSession:
    """A thin layer over the scan's shared ``httpx.AsyncClient``.

    Bodies are read (decompressed) up to ``max_bytes`` and the connection is dropped past
    that, so a 20 MB page or a gzip bomb costs at most the cap (see body.py), and read as
    the charset the bytes are in rather than the one declared. On 429 or 503 with a
    ``Retry-After`` no longer than ``max_retry_wait`` it waits and tries once more; other
    answers go back to the check unchanged, which decides what they mean.
    """

    def __init__(self, client: httpx.AsyncClient, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 retries: int = 1, max_retry_wait: float = 5.0) -> None:
        self.client = client
        self.max_bytes = max_bytes
        self.retries = retries
        self.max_retry_wait = max_retry_wait

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def head(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("HEAD", url, **kwargs)

    async def request(self, method: str, url: str, *, params: Any = None,
                      headers: dict[str, str] | None = None, json: Any = None,
                      data: Any = None, content: bytes | str | None = None,
                      follow_redirects: bool = True,
                      max_bytes: int | None = None) -> httpx.Response:
        limit = max_bytes or self.max_bytes
        attempt = 0
        while True:
            request = self.client.build_request(method, url, params=params, headers=headers,
                                                json=json, data=data, content=content)
            response = await self.client.send(request, stream=True,
                                              follow_redirects=follow_redirects)
            try:
                body = await read_capped(response, limit)
            finally:
                await response.aclose()
            wait = retry_after_seconds(response.headers)
            if (response.status_code in (429, 503) and attempt < self.retries
                    and wait is not None and wait <= self.max_retry_wait):
                attempt += 1
                await asyncio.sleep(wait)
                continue
            return _rebuilt(response, body)


def _rebuilt(response: httpx.Response, body: bytes) -> httpx.Response:
    headers = [(k, v) for k, v in response.headers.raw
               if k.lower().decode("latin-1") not in _DROPPED_HEADERS]
    rebuilt = httpx.Response(response.status_code, headers=headers, content=body,
                             request=response.request, extensions=response.extensions)
    rebuilt.encoding = text_encoding(response.charset_encoding, body)
    rebuilt.history = list(response.history)
    return rebuilt
