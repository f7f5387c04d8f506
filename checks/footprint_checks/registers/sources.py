"""The copy-site and directory catalogue (sources.toml), validated on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote_plus, urlsplit

from footprint import provenance
from footprint.provenance import Provenance
from footprint_checks.datafile import toml_entries

KINDS = ("kvk-copy", "people-search", "phone-directory")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_COUNTRY = re.compile(r"^(?:[A-Z]{2})?$")


class SourceDataError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    kind: str
    domains: tuple[str, ...]
    country: str  # "" when unknown
    profile_url: str = ""
    named_by: str = ""
    checked: Provenance | None = None  # required in sources.toml

    @property
    def abroad(self) -> bool:
        """Unknown counts as abroad: a letter then carries an English version too."""
        return self.country != "NL"

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def search_link(self, query: str) -> str:
        """A web-search deep link for the query on this site (the user opens it)."""
        q = f'site:{self.domains[0]} "{query}"'
        return f"https://www.google.com/search?q={quote_plus(q)}"

    def profile_for(self, kvk: str) -> str:
        return self.profile_url.replace("{kvk}", kvk) if self.profile_url else ""


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise SourceDataError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def parse_sources(text: str, origin: str = "sources.toml") -> tuple[Source, ...]:
    out: list[Source] = []
    seen: set[str] = set()
    allowed = {"id", "name", "kind", "domains", "country", "profile_url", "named_by",
               provenance.KEY}
    for where, raw in toml_entries(text, origin, "source", "source", SourceDataError):
        ident = _text(raw, "id", where)
        where = f"{origin}: source {ident!r}"
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise SourceDataError(f"{where}: unknown key {unknown[0]!r}")
        if not _ID.match(ident) or ident in seen:
            raise SourceDataError(f"{where}: id must be unique, lower-case words and dashes")
        seen.add(ident)
        kind = _text(raw, "kind", where)
        if kind not in KINDS:
            raise SourceDataError(f"{where}: kind must be one of {', '.join(KINDS)}")
        domains = raw.get("domains")
        if (not isinstance(domains, list) or not domains
                or not all(isinstance(d, str) and _DOMAIN.match(d) for d in domains)):
            raise SourceDataError(f"{where}: 'domains' must be a list of lower-case domains")
        country = _text(raw, "country", where, required=False)
        if not _COUNTRY.match(country):
            raise SourceDataError(f"{where}: country must be a 2-letter code or \"\"")
        profile = _text(raw, "profile_url", where, required=False)
        if profile and (not profile.startswith("https://") or "{kvk}" not in profile
                        or not Source(ident, "", kind, tuple(domains), "").owns(
                            profile.replace("{kvk}", "0"))):
            raise SourceDataError(
                f"{where}: profile_url must be https, contain {{kvk}} and be on its domains")
        checked = provenance.parse_in(raw, ident, where, SourceDataError)
        out.append(Source(ident, _text(raw, "name", where), kind, tuple(domains), country,
                          profile, _text(raw, "named_by", where, required=False), checked))
    return tuple(out)


@cache
def sources() -> tuple[Source, ...]:
    text = files(__package__).joinpath("sources.toml").read_text("utf-8")
    return parse_sources(text)


def records() -> tuple[Provenance, ...]:
    """Every source's ``checked`` record, for the checks built on this list."""
    return tuple(s.checked for s in sources() if s.checked is not None)


def source(ident: str) -> Source | None:
    return next((s for s in sources() if s.id == ident), None)
