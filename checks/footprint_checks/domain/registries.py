"""Registries' own look-up pages, for the TLDs whose registry offers no RDAP server."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from footprint.errors import PluginError

IANA_ROOT_DB = "https://www.iana.org/domains/root/db/{tld}.html"


@dataclass(frozen=True, slots=True)
class RegistryPage:
    registry: str
    url: str
    known: bool  # False: IANA's page for the TLD, which names the registry


@cache
def _pages() -> dict[str, RegistryPage]:
    source = "domain/data/registries.json"
    data: Any = json.loads((files(__package__) / "data" / "registries.json").read_text("utf-8"))
    table = data.get("registries") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise PluginError(f"{source}: needs a 'registries' table")
    pages = {}
    for tld, entry in table.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("registry"), str)
                and isinstance(entry.get("url"), str) and entry["url"].startswith("https://")):
            raise PluginError(f"{source}: entry {tld!r} needs 'registry' and an https 'url'")
        pages[tld.lower()] = RegistryPage(entry["registry"], entry["url"], known=True)
    return pages


def registry_page(tld: str) -> RegistryPage:
    page = _pages().get(tld.lower())
    if page is not None:
        return page
    return RegistryPage(registry=f".{tld}", url=IANA_ROOT_DB.format(tld=tld.lower()), known=False)
