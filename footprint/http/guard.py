"""The private-data guard: no request that carries a private marker leaves the machine.

It sits in the transport, below every check, so it holds whatever a check does: the URL,
every header and the body are decoded (percent-encoding in UTF-8 and Latin-1,
plus-for-space, repeatedly, so layered encoding does not slip through, and what is still
encoded after ten layers is not sent; HTML character references; bodies in Windows-1252
or UTF-16; IDNA host names and punycode labels anywhere; RFC 2047 encoded words; HTTP
Basic credentials) and folded (digits of every script read as 0-9) before they are
compared. Its limits are documented in docs/hardening.md.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from typing import Protocol
from urllib.parse import unquote, unquote_plus

import httpx

from footprint.errors import PrivateDataBlocked
from footprint.http.identity import FIXED_HEADERS
from footprint.matching import contains_marker
from footprint.profile.markers import Marker, MarkerKind


class HostGate(Protocol):
    """Closes hosts that tried to use the guard as an oracle (quarantine.py)."""

    def check_open(self, url: httpx.URL) -> None: ...

current_check: ContextVar[str] = ContextVar("footprint_current_check", default="")


def _unquote_latin1(text: str) -> str:
    return unquote_plus(text, encoding="latin-1")


_DECODERS = (unquote_plus, unquote, _unquote_latin1)
_MAX_LAYERS = 10
# What the guard returns for text still encoded after _MAX_LAYERS layers: not readable,
# so not sent (a marker with no spelling: it never matches text itself).
TOO_DEEP = Marker(MarkerKind.HIDDEN, ())
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _decodings(text: str, deep: list[bool] | None = None) -> Iterable[str]:
    """The text as sent and as each layer of URL (and HTML) decoding would read it.

    When a decoder still changes the text after ``_MAX_LAYERS`` layers, ``deep`` gets a
    True: what is still encoded there cannot be checked, so it is not sent."""
    seen = {text}
    yield text
    for decode in _DECODERS:
        current = text
        for _ in range(_MAX_LAYERS):
            previous, current = current, _peel(decode, current)
            if current == previous:
                break
            if current not in seen:  # each decoder peels its own layers, to the end
                seen.add(current)
                yield current
        else:
            if deep is not None and _peel(decode, current) != current:
                deep.append(True)


def _peel(decode: Callable[[str], str], text: str) -> str:
    current = decode(text)
    if "&" in current:
        current = html.unescape(current)
    if "\\u" in current:  # JSON spells characters as \u escapes, in URLs too
        current = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), current)
    return current


_PUNYCODE = re.compile(r"xn--[a-z0-9-]+", re.IGNORECASE)
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def _punycode(match: re.Match[str]) -> str:
    try:
        return codecs.decode(match.group()[4:].lower().encode("ascii"), "punycode")
    except (UnicodeError, ValueError):
        return match.group()


def _readings(text: str) -> Iterable[str]:
    """Spellings a receiver could decode that URL decoding does not: punycode labels
    (in host names, paths and DNS names alike) and RFC 2047 encoded words."""
    if "xn--" in text.lower():
        yield _PUNYCODE.sub(_punycode, text)
    if "=?" in text and _ENCODED_WORD.search(text):
        try:
            yield str(make_header(decode_header(text)))
        except (HeaderParseError, UnicodeError, LookupError, ValueError):
            pass


def _basic_credentials(value: str) -> Iterable[str]:
    """The user:password of HTTP Basic authentication, which is only base64."""
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "basic" or not token:
        return
    try:
        yield base64.b64decode(token.strip() + "==", validate=False).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return


def _body_texts(content: bytes) -> Iterable[str]:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield content.decode("utf-16", "replace")
    try:
        yield content.decode("utf-8")
    except UnicodeDecodeError:
        yield content.decode("utf-8", "replace")
        yield content.decode("cp1252", "replace")  # legacy forms post Windows-1252
    if b"\\u" in content:  # JSON bodies may spell characters as \u escapes
        yield content.decode("unicode_escape", "replace")


def request_texts(request: httpx.Request) -> Iterable[str]:
    yield str(request.url)
    if request.url.host != request.url.raw_host.decode("ascii", "replace"):
        yield request.url.host  # an IDNA host name, as Unicode
    for name, value in request.headers.raw:
        if (name.decode("latin-1").lower(), value.decode("latin-1")) in FIXED_HEADERS:
            continue  # footprint's own introduction, the same for everyone
        # Header bytes may be UTF-8 or Latin-1; read them both ways.
        yield name.decode("latin-1") + ":" + value.decode("utf-8", "replace")
        yield value.decode("latin-1")
        yield from _basic_credentials(value.decode("latin-1"))
    if request.content:
        yield from _body_texts(request.content)


def blocking_marker(request: httpx.Request, markers: tuple[Marker, ...]) -> Marker | None:
    """The first private marker any reading of the request reveals.

    The texts are joined and decoded together: a newline cannot complete an escape across
    two texts, so each layer of decoding reads every part as it would alone, at a fraction
    of the cost (the guard runs on every request of a 500-site sweep)."""
    if not markers:
        return None
    return text_blocking_marker("\n".join(request_texts(request)), markers)


def text_blocking_marker(text: str, markers: tuple[Marker, ...]) -> Marker | None:
    """The first private marker any decoding of ``text`` reveals; :data:`TOO_DEEP` when
    part of it is still encoded after ten layers (it cannot be checked, so it is not
    sent). Used for requests and for DNS names."""
    if not markers:
        return None
    deep: list[bool] = []
    for decoded in _decodings(text, deep):
        for reading in (decoded, *_readings(decoded)):
            marker = contains_marker(reading, markers)
            if marker is not None:
                return marker
    return TOO_DEEP if deep else None


class ContactLog:
    """Which check contacted which host, how often: the report's "what was sent where"."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def record(self, host: str) -> None:
        self.counts[(current_check.get(), host)] += 1


class GuardTransport(httpx.AsyncBaseTransport):
    """Below every check: no private marker leaves, no closed host is contacted."""

    def __init__(self, inner: httpx.AsyncBaseTransport, markers: tuple[Marker, ...],
                 log: ContactLog | None = None, quarantine: HostGate | None = None) -> None:
        self._inner = inner
        self._markers = markers
        self.log = log or ContactLog()
        self.quarantine = quarantine  # build_client always gives one

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self.quarantine is not None:
            self.quarantine.check_open(request.url)
        marker = blocking_marker(request, self._markers)
        if marker is not None:
            raise PrivateDataBlocked(marker.label.en, request.url.host)
        self.log.record(request.url.host)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
