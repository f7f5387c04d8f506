"""A small DNS interface for checks, so tests can use a fake or a local server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from footprint.errors import PrivateDataBlocked
from footprint.http.guard import text_blocking_marker
from footprint.profile.markers import Marker


@dataclass(frozen=True, slots=True)
class DnsAnswer:
    records: tuple[str, ...]  # text form of each record (TXT strings joined)
    authenticated: bool = False  # the resolver set the AD flag (DNSSEC validated)
    exists: bool = True  # False for NXDOMAIN


class DnsFailure(Exception):
    """The resolver could not answer (timeout, SERVFAIL): the check cannot decide."""


class Resolver(Protocol):
    async def query(self, name: str, rdtype: str) -> DnsAnswer: ...


class DnsPythonResolver:
    """dnspython's async stub resolver; ``nameservers`` overrides the system's."""

    def __init__(self, nameservers: list[str] | None = None, port: int = 53,
                 timeout_s: float = 5.0) -> None:
        self._nameservers, self._port, self._timeout = nameservers, port, timeout_s
        self._resolver: Any = None  # built on first use: most scans ask no DNS at all

    def _ready(self) -> Any:
        if self._resolver is None:
            import dns.asyncresolver
            import dns.flags

            resolver = dns.asyncresolver.Resolver(configure=self._nameservers is None)
            if self._nameservers is not None:
                resolver.nameservers = self._nameservers
            resolver.port = self._port
            resolver.lifetime = self._timeout
            resolver.use_edns(0, dns.flags.DO, 1232)
            resolver.flags = dns.flags.RD | dns.flags.AD
            self._resolver = resolver
        return self._resolver

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        import dns.exception
        import dns.flags
        import dns.resolver

        try:
            answer = await self._ready().resolve(name, rdtype, raise_on_no_answer=False)
        except dns.resolver.NXDOMAIN:
            return DnsAnswer((), exists=False)
        except (dns.exception.Timeout, dns.resolver.NoNameservers) as exc:
            raise DnsFailure(f"DNS lookup of {name} {rdtype} failed: {exc}") from exc
        records = tuple(_text(r) for r in answer.rrset) if answer.rrset else ()
        ad = bool(answer.response.flags & dns.flags.AD)
        return DnsAnswer(records, authenticated=ad)


def _text(rdata: object) -> str:
    strings = getattr(rdata, "strings", None)
    if strings is not None:
        return b"".join(strings).decode("utf-8", "replace")
    return str(rdata)


class GuardedResolver:
    """DNS is a way out too: a name that spells a private detail is never looked up.

    The scan wraps whatever resolver it uses, so plugins are held to it as well."""

    def __init__(self, inner: Resolver, markers: tuple[Marker, ...]) -> None:
        self._inner = inner
        self._markers = markers

    async def query(self, name: str, rdtype: str) -> DnsAnswer:
        marker = text_blocking_marker(name, self._markers)  # punycode labels decoded too
        if marker is not None:
            raise PrivateDataBlocked(marker.label.en, "DNS")
        return await self._inner.query(name, rdtype)
