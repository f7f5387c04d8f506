"""Which proxy, if any, a request goes through: the command line, the config, the environment.

Precedence: ``--no-proxy`` turns every proxy off; else ``--proxy URL``; else ``[network]
proxy`` in the config; else the environment, read as curl and pip read it (``https_proxy``
for https URLs, ``http_proxy`` for http, ``all_proxy`` for both, each in lower or upper
case, lower case first). ``no_proxy`` (or ``[network] no_proxy``) lists hosts reached
directly, curl style: names match themselves and their subdomains, addresses and CIDR
ranges match addresses, ``*`` matches everything. Loopback is not exempt unless listed.

A proxy URL may carry a user name and password; they are used, and never shown:
``ProxyURL.display`` is what reports and messages print (docs/network.md).
"""

from __future__ import annotations

import base64
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import httpx

SCHEMES = ("http", "socks5", "socks5h")
_DEFAULT_PORTS = {"http": 3128, "socks5": 1080, "socks5h": 1080}


class ProxyConfigError(ValueError):
    """A proxy setting that cannot be used; the message never holds the credentials."""


@dataclass(frozen=True, slots=True)
class ProxyURL:
    scheme: str
    host: str
    port: int
    username: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        """scheme://host:port, what reports and messages may print."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def remote_dns(self) -> bool:
        """socks5h: the proxy looks names up, so DNS does not leave this machine directly."""
        return self.scheme == "socks5h"

    def basic_auth(self) -> bytes | None:
        """The Proxy-Authorization value for an HTTP proxy with credentials."""
        if self.username is None:
            return None
        pair = f"{self.username}:{self.password or ''}".encode()
        return b"Basic " + base64.b64encode(pair)

    def with_credentials_url(self) -> str:
        """The whole URL, credentials included: only for handing to httpx's own transport."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        auth = ""
        if self.username is not None:
            from urllib.parse import quote

            auth = quote(self.username, safe="") + ":" + quote(self.password or "", safe="")
            auth += "@"
        return f"{self.scheme}://{auth}{host}:{self.port}"


def parse_proxy_url(raw: str, source: str) -> ProxyURL:
    """``http://user:pass@host:3128``, ``socks5h://127.0.0.1:9050`` or ``host:3128``."""
    text = raw.strip()
    if "://" not in text:
        text = "http://" + text  # curl's reading of a bare host:port
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ProxyConfigError(f"{source}: not a proxy URL (a bad port?)") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ProxyConfigError(
            f"{source}: proxy scheme {scheme!r} is not supported (use http://, socks5:// or "
            "socks5h://)")
    if not parts.hostname:
        raise ProxyConfigError(f"{source}: the proxy URL has no host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ProxyConfigError(f"{source}: a proxy URL is scheme://host:port, nothing more")
    username = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return ProxyURL(scheme, parts.hostname, port or _DEFAULT_PORTS[scheme], username, password)


@dataclass(frozen=True, slots=True)
class _NoProxyRule:
    host: str | None = None  # a name: itself and its subdomains
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    port: int | None = None

    def matches(self, host: str, port: int) -> bool:
        if self.port is not None and self.port != port:
            return False
        if self.network is not None:
            try:
                return ipaddress.ip_address(host) in self.network
            except ValueError:
                return False
        assert self.host is not None
        return host == self.host or host.endswith("." + self.host)


def parse_no_proxy(raw: str) -> tuple[bool, tuple[_NoProxyRule, ...]]:
    """(everything exempt, rules) from a ``no_proxy`` value: commas or spaces between."""
    rules: list[_NoProxyRule] = []
    for item in raw.replace(",", " ").split():
        entry = item.strip().lower()
        if entry == "*":
            return True, ()
        port: int | None = None
        if entry.startswith("["):  # [::1] or [::1]:8080
            inside, _, rest = entry[1:].partition("]")
            entry = inside
            if rest.startswith(":") and rest[1:].isdigit():
                port = int(rest[1:])
        elif entry.count(":") == 1:
            name, _, maybe_port = entry.partition(":")
            if maybe_port.isdigit():
                entry, port = name, int(maybe_port)
        entry = entry.lstrip("*").lstrip(".").rstrip(".")
        if not entry:
            continue
        try:
            rules.append(_NoProxyRule(network=ipaddress.ip_network(entry, strict=False),
                                      port=port))
        except ValueError:
            rules.append(_NoProxyRule(host=entry, port=port))
    return False, tuple(rules)


@dataclass(frozen=True, slots=True)
class ProxyRoutes:
    """The proxy for each kind of URL, and the hosts reached directly."""

    http: ProxyURL | None = None
    https: ProxyURL | None = None
    bypass_all: bool = False
    bypass: tuple[_NoProxyRule, ...] = ()
    source: str = ""  # "--proxy", "config", "environment" or "" (no proxy)

    @property
    def active(self) -> bool:
        return (self.http is not None or self.https is not None) and not self.bypass_all

    def for_url(self, url: httpx.URL) -> ProxyURL | None:
        proxy = self.https if url.scheme == "https" else self.http
        if proxy is None or self.bypass_all:
            return None
        port = url.port or (443 if url.scheme == "https" else 80)
        # an internationalised name may be listed as written or in its xn-- form
        names = {url.host.lower().rstrip("."),
                 url.raw_host.decode("ascii", "replace").lower().rstrip(".")}
        if any(rule.matches(name, port) for rule in self.bypass for name in names):
            return None
        return proxy

    def describe(self) -> str:
        """The proxies in use, by host and port only ("" when none)."""
        if not self.active:
            return ""
        if self.http == self.https or self.http is None or self.https is None:
            return (self.https or self.http).display  # type: ignore[union-attr]
        return f"{self.https.display} (https), {self.http.display} (http)"

    def proxies(self) -> tuple[ProxyURL, ...]:
        return tuple(dict.fromkeys(p for p in (self.https, self.http) if p is not None))


DIRECT = ProxyRoutes()


def _env(environ: Mapping[str, str], name: str) -> str:
    """Lower case first, as curl and urllib do. Upper-case HTTP_PROXY is ignored when
    running as a CGI script (REQUEST_METHOD set), where a request header could set it."""
    value = environ.get(name.lower(), "").strip()
    if value:
        return value
    if name == "http_proxy" and "REQUEST_METHOD" in environ:
        return ""
    return environ.get(name.upper(), "").strip()


def resolve_routes(*, cli_proxy: str | None = None, no_proxy_flag: bool = False,
                   config_proxy: str | None = None, config_no_proxy: str | None = None,
                   environ: Mapping[str, str] | None = None) -> ProxyRoutes:
    """The routes for this run, by the precedence in the module docstring."""
    if no_proxy_flag:
        return DIRECT
    import os

    env = os.environ if environ is None else environ
    no_proxy = config_no_proxy if config_no_proxy is not None else _env(env, "no_proxy")
    bypass_all, rules = parse_no_proxy(no_proxy)
    if cli_proxy:
        proxy = parse_proxy_url(cli_proxy, "--proxy")
        return ProxyRoutes(proxy, proxy, bypass_all, rules, "--proxy")
    if config_proxy:
        proxy = parse_proxy_url(config_proxy, "config: network.proxy")
        return ProxyRoutes(proxy, proxy, bypass_all, rules, "config")
    every = _env(env, "all_proxy")
    https = _env(env, "https_proxy") or every
    http = _env(env, "http_proxy") or every
    if not https and not http:
        return DIRECT
    return ProxyRoutes(
        parse_proxy_url(http, "environment: http_proxy") if http else None,
        parse_proxy_url(https, "environment: https_proxy") if https else None,
        bypass_all, rules, "environment")
