"""The known copy sites (KvK republishers, people directories) the searches aim at.

There is one list: the registers family's catalogue (``registers/sources.toml``, validated
on load by :mod:`footprint_checks.registers.sources`), which also drives the copy-site
findings and ``footprint letter avg``. Here it is only seen by what a search needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from footprint.provenance import Provenance
from footprint_checks.registers.sources import records as source_records
from footprint_checks.registers.sources import sources


class SiteKind(StrEnum):
    KVK_COPY = "kvk-copy"  # searched with KvK numbers and trade names
    PEOPLE_DIRECTORY = "people-directory"  # searched with the person's name


# the catalogue's kinds, as far as a search tells them apart
_KINDS = {"kvk-copy": SiteKind.KVK_COPY, "people-search": SiteKind.PEOPLE_DIRECTORY,
          "phone-directory": SiteKind.PEOPLE_DIRECTORY}


@dataclass(frozen=True, slots=True)
class CopySite:
    domain: str
    name: str
    kind: SiteKind
    checked: Provenance | None = None  # the catalogue entry's record


@cache
def copy_sites() -> tuple[CopySite, ...]:
    """One entry per domain, in catalogue order."""
    return tuple(CopySite(domain, source.name, _KINDS[source.kind], source.checked)
                 for source in sources() for domain in source.domains)


def records() -> tuple[Provenance, ...]:
    """The catalogue's ``checked`` records, for the search checks built on this list."""
    return source_records()


def domains(kind: SiteKind) -> tuple[str, ...]:
    return tuple(s.domain for s in copy_sites() if s.kind is kind)
