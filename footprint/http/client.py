"""Builds the scan's one HTTP client: guarded, sharded per origin, honest about itself."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from footprint.http.guard import ContactLog, GuardTransport
from footprint.http.identity import ACCEPT_ENCODING, USER_AGENT, NoCookies
from footprint.http.quarantine import Quarantine, attach
from footprint.http.session import DEFAULT_MAX_BYTES, HttpSession
from footprint.http.transport import PerOriginTransport
from footprint.profile.markers import Marker

__all__ = ["USER_AGENT", "HttpOptions", "build_client", "session_for"]



@dataclass(frozen=True, slots=True)
class HttpOptions:
    per_host: int = 2
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0
    max_bytes: int = DEFAULT_MAX_BYTES
    retry_max_wait_s: float = 5.0
    max_redirects: int = 5


def build_client(markers: tuple[Marker, ...], options: HttpOptions,
                 transport: httpx.AsyncBaseTransport | None = None,
                 log: ContactLog | None = None) -> httpx.AsyncClient:
    """``transport`` replaces the network (tests, the demo); the guard is always on top.

    No cookie jar: what a server sets is never sent back, so a cookie cannot turn the
    guard into an oracle. Redirects are followed by the session (redirects.py)."""
    quarantine = Quarantine(markers)
    inner = transport or PerOriginTransport(per_host=options.per_host)
    # No pool timeout: waiting for one of the per-host connections is politeness, not a
    # slow server, and the engine's per-check budget already bounds it.
    timeout = httpx.Timeout(options.read_timeout_s, connect=options.connect_timeout_s,
                            pool=None)
    client = httpx.AsyncClient(
        transport=GuardTransport(inner, markers, log, quarantine),
        cookies=NoCookies(),
        timeout=timeout,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,  # HttpSession follows them, by footprint's rules
        max_redirects=options.max_redirects,
        trust_env=False,
    )
    attach(client, quarantine)
    return client


def session_for(client: httpx.AsyncClient, options: HttpOptions) -> HttpSession:
    return HttpSession(client, max_bytes=options.max_bytes, max_retry_wait=options.retry_max_wait_s)
