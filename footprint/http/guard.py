"""The private-data guard: no request that carries a private marker leaves the machine.

It sits in the transport, below every check, so it holds whatever a check does: the URL,
every header and the body are decoded (percent-encoding, plus-for-space, repeatedly, so
double encoding does not slip through) and folded before they are compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextvars import ContextVar
from urllib.parse import unquote, unquote_plus

import httpx

from footprint.errors import PrivateDataBlocked
from footprint.matching import contains_marker
from footprint.profile.markers import Marker

current_check: ContextVar[str] = ContextVar("footprint_current_check", default="")


def _decodings(text: str) -> Iterable[str]:
    """The text as sent and as each layer of URL decoding would read it."""
    seen = {text}
    yield text
    for decode in (unquote_plus, unquote):
        current = text
        for _ in range(4):
            current = decode(current)
            if current in seen:
                break
            seen.add(current)
            yield current


def request_texts(request: httpx.Request) -> Iterable[str]:
    yield str(request.url)
    for name, value in request.headers.raw:
        # Header bytes may be UTF-8 or Latin-1; read them both ways.
        yield name.decode("latin-1") + ":" + value.decode("utf-8", "replace")
        yield value.decode("latin-1")
    if request.content:
        yield request.content.decode("utf-8", "replace")
        if b"\\u" in request.content:  # JSON bodies may spell characters as \u escapes
            yield request.content.decode("unicode_escape", "replace")


def blocking_marker(request: httpx.Request, markers: tuple[Marker, ...]) -> Marker | None:
    for text in request_texts(request):
        for decoded in _decodings(text):
            marker = contains_marker(decoded, markers)
            if marker is not None:
                return marker
    return None


class ContactLog:
    """Which check contacted which host, how often: the report's "what was sent where"."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def record(self, host: str) -> None:
        self.counts[(current_check.get(), host)] += 1


class GuardTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, markers: tuple[Marker, ...],
                 log: ContactLog | None = None) -> None:
        self._inner = inner
        self._markers = markers
        self.log = log or ContactLog()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        marker = blocking_marker(request, self._markers)
        if marker is not None:
            raise PrivateDataBlocked(marker.label.en, request.url.host)
        self.log.record(request.url.host)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
