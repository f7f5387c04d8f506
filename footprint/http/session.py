"""What checks get instead of a client: bounded bodies and a polite, bounded retry."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from footprint.http.body import read_capped, text_encoding
from footprint.http.quarantine import Quarantine, quarantine_of
from footprint.http.redirects import is_redirect, next_request

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

    Redirects are followed here, hop by hop (redirects.py): keys stay with their service
    and every target passes the quarantine. Addresses taken from an answer (the images
    on a page) go through :meth:`get_derived`, which fetches all of them or none.
    """

    def __init__(self, client: httpx.AsyncClient, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 retries: int = 1, max_retry_wait: float = 5.0,
                 quarantine: Quarantine | None = None) -> None:
        self.client = client
        self.max_bytes = max_bytes
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self.quarantine = quarantine or quarantine_of(client)
        self.secrets: frozenset[str] = frozenset()

    def keep_secret(self, values: Iterable[str]) -> None:
        """Values (API keys, tokens) that mark a request as carrying credentials."""
        self.secrets = self.secrets | {v for v in values if v}

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
                      max_bytes: int | None = None, api: bool = False) -> httpx.Response:
        """``api``: an API's own answer is expected, so a redirect to another site is not
        followed (it raises :class:`~footprint.errors.RedirectRefused`: inconclusive)."""
        def build() -> httpx.Request:
            return self.client.build_request(method, url, params=params, headers=headers,
                                             json=json, data=data, content=content)
        return await self._exchange(build, follow_redirects, max_bytes or self.max_bytes,
                                    api)

    async def get_derived(self, source: str | httpx.URL, urls: Sequence[str], *,
                          headers: dict[str, str] | None = None, max_bytes: int | None = None,
                          concurrency: int = 4) -> list[httpx.Response | Exception]:
        """GETs for addresses taken from ``source``'s answer: all are checked as one group
        before any is sent, and sent all or none.

        Their redirects are not followed (a 3xx comes back as it is): each hop would be
        one more question the site could ask, after the group was let through.

        Raises :class:`~footprint.errors.HostileSite` when one would carry a private detail
        or is too long (none is sent; the hosts are closed for the scan). Otherwise one
        response or exception per address, in order."""
        outcomes: list[httpx.Response | Exception | None] = [None] * len(urls)
        built: list[tuple[int, httpx.Request]] = []
        for i, url in enumerate(urls):
            try:
                built.append((i, self.client.build_request("GET", url, headers=headers)))
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                outcomes[i] = exc
        self.quarantine.admit(httpx.URL(str(source)), [r for _, r in built])
        gate = asyncio.Semaphore(concurrency)
        limit = max_bytes or self.max_bytes

        async def one(i: int, request: httpx.Request) -> None:
            async with gate:
                try:
                    outcomes[i] = await self._exchange(lambda: request, False, limit)
                except Exception as exc:  # each address has its own outcome
                    outcomes[i] = exc

        await asyncio.gather(*(one(i, r) for i, r in built))
        return [o if o is not None else RuntimeError("not fetched") for o in outcomes]

    async def _exchange(self, build: Callable[[], httpx.Request], follow_redirects: bool,
                        limit: int, api: bool = False) -> httpx.Response:
        attempt = 0
        while True:
            response, body = await self._follow(build(), follow_redirects, limit, api)
            wait = retry_after_seconds(response.headers)
            if (response.status_code in (429, 503) and attempt < self.retries
                    and wait is not None and wait <= self.max_retry_wait):
                attempt += 1
                await asyncio.sleep(wait)
                continue
            return _rebuilt(response, body)

    async def _follow(self, request: httpx.Request, follow_redirects: bool,
                      limit: int, api: bool) -> tuple[httpx.Response, bytes]:
        history: list[httpx.Response] = []
        while True:
            response = await self.client.send(request, stream=True, follow_redirects=False)
            try:
                if follow_redirects and is_redirect(response):
                    if len(history) >= self.client.max_redirects:
                        raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.",
                                                     request=request)
                    request = next_request(request, response, secrets=self.secrets,
                                           quarantine=self.quarantine, api=api)
                    history.append(response)
                    continue
                body = await read_capped(response, limit)
            finally:
                await response.aclose()
            response.history = history
            return response, body


def _rebuilt(response: httpx.Response, body: bytes) -> httpx.Response:
    headers = [(k, v) for k, v in response.headers.raw
               if k.lower().decode("latin-1") not in _DROPPED_HEADERS]
    rebuilt = httpx.Response(response.status_code, headers=headers, content=body,
                             request=response.request, extensions=response.extensions)
    rebuilt.encoding = text_encoding(response.charset_encoding, body)
    rebuilt.history = list(response.history)
    return rebuilt
