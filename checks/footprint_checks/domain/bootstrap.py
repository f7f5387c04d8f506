"""IANA's RDAP bootstrap file (RFC 9224): which RDAP server answers for which TLD.

A copy ships with footprint (data/rdap_dns.json). ``footprint update-rdap`` may store a
newer one in the user's cache directory; nothing downloads it on its own. The checks use
whichever valid copy was published last, so an old cached file never overrides a newer
shipped one after an upgrade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from footprint.errors import PluginError
from footprint.output import replace_atomically
from footprint_checks.datafile import cached_copy

CACHE_FILE_NAME = "rdap-dns.json"
IANA_BOOTSTRAP_URL = "https://data.iana.org/rdap/dns.json"
MIN_SERVICES = 50  # the real file lists hundreds; fewer means a truncated or wrong file


class BootstrapError(PluginError):
    """A bootstrap file that is not IANA's format; the message names the entry."""


@dataclass(frozen=True, slots=True)
class Bootstrap:
    publication: str
    servers: dict[str, tuple[str, ...]]  # label suffix ("nl", "co.uk") -> base URLs
    source: str

    @property
    def published(self) -> datetime:
        return datetime.fromisoformat(self.publication.replace("Z", "+00:00"))

    def lookup(self, domain: str) -> tuple[str, ...]:
        """Base URLs for a domain, https first; longest matching label suffix wins."""
        labels = domain.lower().rstrip(".").split(".")
        for i in range(len(labels)):
            urls = self.servers.get(".".join(labels[i:]))
            if urls:
                return tuple(sorted(urls, key=lambda u: not u.startswith("https://")))
        return ()


def parse_bootstrap(raw: bytes | str, source: str) -> Bootstrap:
    """Validates IANA's dns.json format, naming the offending entry on error."""
    try:
        data: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BootstrapError(f"{source}: not JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        raise BootstrapError(f"{source}: no 'services' list; not an RDAP bootstrap file")
    publication = data.get("publication")
    if not isinstance(publication, str):
        raise BootstrapError(f"{source}: 'publication' is missing")
    try:
        datetime.fromisoformat(publication.replace("Z", "+00:00"))
    except ValueError:
        raise BootstrapError(f"{source}: 'publication' {publication!r} is not a date") from None
    servers: dict[str, tuple[str, ...]] = {}
    for n, entry in enumerate(data["services"]):
        labels, urls = _entry(entry, n, source)
        for label in labels:
            servers[label] = urls
    if len(data["services"]) < MIN_SERVICES:
        raise BootstrapError(f"{source}: only {len(data['services'])} services; "
                             "expected IANA's full list")
    return Bootstrap(publication=publication, servers=servers, source=source)


def _entry(entry: Any, n: int, source: str) -> tuple[list[str], tuple[str, ...]]:
    where = f"{source}: services[{n}]"
    if not (isinstance(entry, list) and len(entry) == 2
            and all(isinstance(part, list) and part for part in entry)):
        raise BootstrapError(f"{where}: must be [[labels...], [urls...]]")
    labels, urls = entry
    if not all(isinstance(x, str) and x and " " not in x for x in labels):
        raise BootstrapError(f"{where}: labels must be non-empty names")
    if not all(isinstance(u, str) and u.startswith(("https://", "http://")) for u in urls):
        raise BootstrapError(f"{where} ({labels[0]}): URLs must be http(s)")
    return [x.lower() for x in labels], tuple(u if u.endswith("/") else u + "/" for u in urls)


def cache_file() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("footprint", appauthor=False) / CACHE_FILE_NAME


def shipped_bytes() -> bytes:
    return (files(__package__) / "data" / "rdap_dns.json").read_bytes()


def shipped() -> Bootstrap:
    return _parsed(shipped_bytes(), "shipped rdap_dns.json")


@lru_cache(maxsize=8)
def _parsed(raw: bytes, source: str) -> Bootstrap:
    return parse_bootstrap(raw, source)


def cached() -> Bootstrap | None:
    """The copy ``footprint update-rdap`` stored, if there is one and it is valid."""
    return cached_copy(cache_file(), _parsed, BootstrapError, "the shipped RDAP bootstrap")


def current(explicit: str | None = None) -> Bootstrap:
    """The bootstrap the checks use: an explicitly configured file, else the newer of the
    cached and the shipped copy (the cached one on a tie)."""
    if explicit:
        try:
            return _parsed(Path(explicit).expanduser().read_bytes(), explicit)
        except OSError as exc:
            raise BootstrapError(f"{explicit}: cannot read the RDAP bootstrap: {exc}") from None
    base = shipped()
    fresh = cached()
    if fresh is not None and fresh.published >= base.published:
        return fresh
    return base


def store(raw: bytes, path: Path | None = None) -> Bootstrap:
    """Validates and atomically writes a bootstrap file to the cache directory."""
    target = path or cache_file()
    parsed = parse_bootstrap(raw, str(target))
    replace_atomically(target, raw)
    return parsed
