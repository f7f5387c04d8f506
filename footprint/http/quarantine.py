"""Server-supplied addresses: checked as a group, fetched all or none, once per host.

A blocked request never arrives, so a server that chooses what footprint requests next
(links on a page, redirect targets) could learn from the silence whether its guess at a
private detail was right: ten image links, each with half of the candidate postcodes,
would give the postcode away in one scan. So everything derived from one answer is
checked together before any of it is sent; one refused address means none is sent, and
the hosts involved (the one that supplied the addresses and the ones they point to) are
not contacted again for the rest of the scan. Across profiles with different private
details, what such a host sees can then differ in one all-or-nothing step at most.

An address longer than :data:`MAX_DERIVED_URL` is refused like one carrying a marker: a
long query is how many guesses fit into one request.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import httpx

from footprint.errors import HostClosed, HostileSite
from footprint.http.guard import blocking_marker, current_check
from footprint.matching import MASK
from footprint.models import L10n
from footprint.profile.markers import Marker

MAX_DERIVED_URL = 2048  # characters; what browsers and servers commonly still accept

TOO_LONG = L10n(en="was too long to check (over {n} characters)",
                nl="was te lang om te controleren (meer dan {n} tekens)")


@dataclass(frozen=True, slots=True)
class Incident:
    """A host that tried to make footprint send private data, as found by one check."""

    host: str
    source: str  # where the addresses came from (a page footprint fetched), masked
    why: L10n  # what was wrong with the first refused one ("would have carried your ...")
    matched: str  # the same as a label, for the evidence ("home postcode")
    refused: int  # how many addresses of the group were not fetched
    check_id: str


_collected: ContextVar[list[Incident] | None] = ContextVar("footprint_incidents", default=None)


@contextmanager
def collecting() -> Iterator[list[Incident]]:
    """Incidents found inside this block (one check run, with the tasks it starts)."""
    found: list[Incident] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def host_key(url: httpx.URL) -> str:
    return url.host.lower().rstrip(".")


def masked_url(url: httpx.URL | str) -> str:
    """An address with everything after the host masked: how a refused address is shown."""
    parsed = httpx.URL(url) if isinstance(url, str) else url
    return f"{parsed.scheme}://{parsed.host}/{MASK}"


class Quarantine:
    """The scan's record of hosts that tried to make footprint send private data."""

    def __init__(self, markers: tuple[Marker, ...], max_url: int = MAX_DERIVED_URL) -> None:
        self.markers = markers
        self.max_url = max_url
        self.closed: dict[str, Incident] = {}

    def check_open(self, url: httpx.URL) -> None:
        if host_key(url) in self.closed:
            raise HostClosed(url.host)

    def refusal(self, request: httpx.Request) -> tuple[L10n, str] | None:
        """Why a server-supplied request may not be sent (a phrase and a label), or None
        when it may."""
        if len(str(request.url)) > self.max_url:
            return (L10n(en=TOO_LONG.en.format(n=self.max_url),
                         nl=TOO_LONG.nl.format(n=self.max_url)), "address too long to check")
        marker = blocking_marker(request, self.markers)
        if marker is None:
            return None
        return (L10n(en=f"would have carried your {marker.label.en}",
                     nl=f"zou je {marker.label.nl} hebben bevat"), marker.label.en)

    def admit(self, source: httpx.URL, requests: Sequence[httpx.Request]) -> None:
        """Let a group of requests derived from ``source``'s answer through, or none.

        Raises :class:`HostileSite` (and closes the hosts) when any one is refused, and
        :class:`HostClosed` when the source or a target is closed already."""
        self.check_open(source)
        for request in requests:
            self.check_open(request.url)
        for request in requests:
            refused = self.refusal(request)
            if refused is not None:
                self._close(source, requests, *refused)
                raise HostileSite(source.host)

    def _close(self, source: httpx.URL, requests: Sequence[httpx.Request], why: L10n,
               matched: str) -> None:
        incident = Incident(host=source.host, source=_shown(source, self), why=why,
                            matched=matched, refused=len(requests),
                            check_id=current_check.get())
        hosts = {host_key(source)} | {host_key(r.url) for r in requests}
        for host in hosts:
            self.closed.setdefault(host, incident)
        found = _collected.get()
        if found is not None:
            found.append(incident)


def _shown(url: httpx.URL, quarantine: Quarantine) -> str:
    """The source address as it may be shown: it was fetched, so the guard let it pass,
    unless a redirect hop's answer supplied it; mask it when in any doubt."""
    probe = httpx.Request("GET", url)
    if quarantine.refusal(probe) is not None:
        return masked_url(url)
    return str(url)


_BY_CLIENT: WeakKeyDictionary[httpx.AsyncClient, Quarantine] = WeakKeyDictionary()


def attach(client: httpx.AsyncClient, quarantine: Quarantine) -> None:
    """Ties the quarantine the client's guard enforces to the client, for its sessions."""
    _BY_CLIENT[client] = quarantine


def quarantine_of(client: httpx.AsyncClient) -> Quarantine:
    """The quarantine of a client made by ``build_client``; an empty one otherwise."""
    found = _BY_CLIENT.get(client)
    if found is None:
        found = Quarantine(())
        _BY_CLIENT[client] = found
    return found
