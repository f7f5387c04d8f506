"""Fetching one page as evidence: every hop of its redirects, bytes as they came.

Redirects are followed here, hop by hop, rather than by httpx, because a WARC file keeps
the request and response of every hop, and httpx reads and drops the bodies of the hops it
follows. Every request still goes through the scan's guarded client, so a URL, a redirect
target or a cookie that holds a private detail is refused before it leaves the machine.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from footprint.errors import PrivateDataBlocked
from footprint.http.wire import Peer

REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Hop:
    """One request and the answer to it, as they went over the wire."""

    url: str
    request_line: str  # "GET /path HTTP/1.1"
    request_headers: tuple[tuple[str, str], ...]
    requested_at: datetime
    status: int
    reason: str
    response_headers: tuple[tuple[str, str], ...]
    answered_at: datetime
    body: bytes  # as sent (still compressed if it was), de-chunked by the transport
    truncated: bool  # the body went past the cap and was not read further
    peer: Peer | None


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a page could not be captured (whole): a kind the statement words in each
    language, a detail, and the technical message."""

    kind: str  # blocked, timeout, network, non-web-redirect, redirects, http-status
    detail: str
    message: str


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    hops: tuple[Hop, ...] = ()
    failure: Failure | None = None
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def final(self) -> Hop | None:
        return self.hops[-1] if self.hops else None


def _text(value: bytes) -> str:
    return value.decode("latin-1")


async def _hop(client: httpx.AsyncClient, url: str, max_bytes: int) -> Hop:
    request = client.build_request("GET", url)
    requested_at = datetime.now(UTC)
    response = await client.send(request, stream=True, follow_redirects=False)
    try:
        answered_at = datetime.now(UTC)
        peer = _peer(response)
        chunks: list[bytes] = []
        size, truncated = 0, False
        async for chunk in response.aiter_raw():
            if size + len(chunk) > max_bytes:
                chunks.append(chunk[: max_bytes - size])
                truncated = True
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        await response.aclose()
    reason = response.extensions.get("reason_phrase", b"")
    return Hop(
        url=str(request.url),
        request_line=f"GET {_text(request.url.raw_path)} HTTP/1.1",
        request_headers=tuple((_text(k), _text(v)) for k, v in request.headers.raw),
        requested_at=requested_at,
        status=response.status_code,
        reason=_text(reason) if isinstance(reason, bytes) else str(reason),
        response_headers=tuple((_text(k), _text(v)) for k, v in response.headers.raw),
        answered_at=answered_at,
        body=b"".join(chunks),
        truncated=truncated,
        peer=peer,
    )


def _peer(response: httpx.Response) -> Peer | None:
    """Who answered: footprint's transport says so; httpx's own (httpcore) offers its
    open stream, which only tells while the body is unread."""
    peer = response.extensions.get("footprint_peer")
    if isinstance(peer, Peer):
        return peer
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        address = stream.get_extra_info("server_addr")
        tls = stream.get_extra_info("ssl_object")
    except Exception:  # noqa: BLE001 (any backend's stream; the peer is then unknown)
        return None
    if not isinstance(address, tuple) or len(address) < 2:
        return None
    if not isinstance(tls, ssl.SSLObject | ssl.SSLSocket):
        return Peer(str(address[0]), int(address[1]))
    cipher = tls.cipher()
    return Peer(str(address[0]), int(address[1]), tls.getpeercert(binary_form=True),
                tls.version(), cipher[0] if cipher else None)


def _next_url(hop: Hop) -> str | None:
    if hop.status not in REDIRECTS:
        return None
    location = next((v for k, v in hop.response_headers if k.lower() == "location"), None)
    if location is None:
        return None
    return str(httpx.URL(hop.url).join(location.strip()))


async def fetch(client: httpx.AsyncClient, url: str, *, max_bytes: int,
                max_redirects: int) -> Fetched:
    """The page and every redirect on the way to it; failures end the chain with a reason,
    keeping the hops that did come back (a redirect to nowhere is evidence too)."""
    started = datetime.now(UTC)
    hops: list[Hop] = []
    current = url

    def failed(kind: str, detail: str, message: str) -> Fetched:
        return Fetched(url, tuple(hops), Failure(kind, detail, message), started)

    while True:
        try:
            hop = await _hop(client, current, max_bytes)
        except PrivateDataBlocked as exc:
            return failed("blocked", exc.label, f"not requested: {exc}")
        except httpx.TimeoutException as exc:
            return failed("timeout", current, f"timed out ({type(exc).__name__}) at {current}")
        except httpx.HTTPError as exc:
            return failed("network", f"{type(exc).__name__}: {exc}",
                          f"{type(exc).__name__}: {exc} ({current})")
        hops.append(hop)
        following = _next_url(hop)
        if following is None:
            return Fetched(url, tuple(hops), None, started)
        if httpx.URL(following).scheme not in ("http", "https"):
            return failed("non-web-redirect", following,
                          f"redirected to a non-web address: {following}")
        if len(hops) > max_redirects:
            return failed("redirects", str(max_redirects),
                          f"more than {max_redirects} redirects")
        current = following
