"""The known copy sites (KvK republishers, people directories), kept as data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files

from footprint import provenance
from footprint.errors import PluginError
from footprint.provenance import Provenance

DATA_FILE = "copy_sites.json"
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class SiteKind(StrEnum):
    KVK_COPY = "kvk-copy"  # searched with KvK numbers and trade names
    PEOPLE_DIRECTORY = "people-directory"  # searched with the person's name


@dataclass(frozen=True, slots=True)
class CopySite:
    domain: str
    name: str
    kind: SiteKind
    checked: Provenance | None = None  # required in the data file


def parse_sites(text: str, source: str = DATA_FILE) -> tuple[CopySite, ...]:
    """Sites from the JSON text; a bad entry is named in the error."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise PluginError(f"{source}: not valid JSON: {exc}") from None
    entries = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise PluginError(f"{source}: expected an object with a 'sites' list")
    sites: list[CopySite] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        label = f"{source}: sites[{index}]"
        if not isinstance(entry, dict):
            raise PluginError(f"{label}: must be an object")
        domain, name, kind = entry.get("domain"), entry.get("name"), entry.get("kind")
        label += f" ({domain!r})"
        if not isinstance(domain, str) or not _DOMAIN.match(domain):
            raise PluginError(f"{label}: 'domain' must be a lower-case domain name")
        if domain in seen:
            raise PluginError(f"{label}: listed twice")
        if not isinstance(name, str) or not name.strip():
            raise PluginError(f"{label}: 'name' is required")
        try:
            site_kind = SiteKind(str(kind))
        except ValueError:
            allowed = ", ".join(k.value for k in SiteKind)
            raise PluginError(f"{label}: 'kind' must be one of {allowed}") from None
        unknown = sorted(set(entry) - {"domain", "name", "kind", "note", provenance.KEY})
        if unknown:
            raise PluginError(f"{label}: unknown key {unknown[0]!r}")
        checked = provenance.parse_in(entry, domain, label, PluginError)
        seen.add(domain)
        sites.append(CopySite(domain, name.strip(), site_kind, checked))
    return tuple(sites)


@cache
def copy_sites() -> tuple[CopySite, ...]:
    package = __package__ or "footprint_checks.search"
    return parse_sites(files(package).joinpath(DATA_FILE).read_text("utf-8"))


def records() -> tuple[Provenance, ...]:
    """Every copy site's ``checked`` record, for the checks built on this list."""
    return tuple(s.checked for s in copy_sites() if s.checked is not None)


def domains(kind: SiteKind) -> tuple[str, ...]:
    return tuple(s.domain for s in copy_sites() if s.kind is kind)
