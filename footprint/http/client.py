"""Builds the scan's one HTTP client: guarded, sharded per origin, honest about itself."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx

from footprint.errors import ConfigError
from footprint.http.deadline import DEFAULT_DEADLINE_S, DeadlineTransport
from footprint.http.guard import ContactLog, GuardTransport
from footprint.http.identity import ACCEPT_ENCODING, USER_AGENT, CookielessClient
from footprint.http.proxy import DIRECT, ProxyConfigError, ProxyRoutes, resolve_routes
from footprint.http.quarantine import Quarantine, attach
from footprint.http.session import DEFAULT_MAX_BYTES, HttpSession
from footprint.http.tls import CaBundleError, make_context
from footprint.http.transport import PerOriginTransport
from footprint.profile.markers import Marker

if TYPE_CHECKING:
    from footprint.config import Settings

__all__ = ["USER_AGENT", "HttpOptions", "build_client", "build_transport", "http_options",
           "session_for"]

TRANSPORTS = ("footprint", "httpx")  # what [network] transport may name


@dataclass(frozen=True, slots=True)
class HttpOptions:
    per_host: int = 2
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 10.0
    max_bytes: int = DEFAULT_MAX_BYTES
    retry_max_wait_s: float = 5.0
    max_redirects: int = 5
    request_deadline_s: float = DEFAULT_DEADLINE_S  # the whole exchange, every step included
    routes: ProxyRoutes = DIRECT  # which proxy for which URL (proxy.py)
    ca_bundle: str | None = None  # replaces the operating system's certificate store
    transport: str = "footprint"  # or "httpx": httpx's own, the escape hatch
    # built from ca_bundle up front, so a bad bundle is a config error, not a failed check
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False, repr=False)


def http_options(settings: Settings, *, proxy: str | None = None, no_proxy: bool = False,
                 environ: Mapping[str, str] | None = None,
                 redact: set[str] | None = None) -> HttpOptions:
    """The options a command runs with: the config's limits and network, ``--proxy`` and
    ``--no-proxy`` over the config over the environment (proxy.py). Proxy passwords are
    added to ``redact`` (the values --debug output never shows)."""
    network = settings.network
    try:
        routes = resolve_routes(cli_proxy=proxy, no_proxy_flag=no_proxy,
                                config_proxy=network.proxy, config_no_proxy=network.no_proxy,
                                environ=environ)
    except ProxyConfigError as exc:
        raise ConfigError(str(exc)) from None
    if redact is not None:
        redact.update(p.password for p in routes.proxies() if p.password)
    context = None
    if network.ca_bundle is not None:
        try:
            context = make_context(network.ca_bundle)
        except CaBundleError as exc:
            raise ConfigError(f"network.{exc}") from None
    return HttpOptions(per_host=settings.per_host, connect_timeout_s=settings.connect_timeout,
                       read_timeout_s=settings.read_timeout,
                       max_bytes=settings.max_body_kib * 1024,
                       retry_max_wait_s=settings.retry_max_wait,
                       request_deadline_s=network.request_deadline, routes=routes,
                       ca_bundle=network.ca_bundle, transport=network.transport,
                       ssl_context=context)


def build_transport(options: HttpOptions) -> httpx.AsyncBaseTransport:
    """The network for ``options``: footprint's own transport, or httpx's."""
    if options.transport == "httpx":
        from footprint.http.httpx_transport import HttpxTransport

        return HttpxTransport(per_host=options.per_host,
                              ssl_context=options.ssl_context or make_context(options.ca_bundle),
                              routes=options.routes)
    return PerOriginTransport(per_host=options.per_host, routes=options.routes,
                              ssl_context=options.ssl_context, ca_bundle=options.ca_bundle)


def build_client(markers: tuple[Marker, ...], options: HttpOptions,
                 transport: httpx.AsyncBaseTransport | None = None,
                 log: ContactLog | None = None) -> httpx.AsyncClient:
    """``transport`` replaces the network (tests, the demo); the guard is always on top, so
    it sees every request before any proxy does.

    No cookie jar: what a server sets is never sent back, so a cookie cannot turn the
    guard into an oracle. Redirects are followed by the session (redirects.py)."""
    quarantine = Quarantine(markers)
    inner = DeadlineTransport(transport or build_transport(options), options.request_deadline_s)
    # No pool timeout: waiting for one of the per-host connections is politeness, not a
    # slow server, and the engine's per-check budget already bounds it.
    timeout = httpx.Timeout(options.read_timeout_s, connect=options.connect_timeout_s,
                            pool=None)
    client = CookielessClient(
        transport=GuardTransport(inner, markers, log, quarantine),
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
