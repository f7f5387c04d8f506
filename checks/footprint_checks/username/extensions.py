"""footprint's own knowledge about sites, kept apart from the WhatsMyName-format catalogues.

Keyed by site name (as in the catalogue): what kind of risk a profile there is, what it
tends to reveal, how to lock it down (steps and the privacy-settings link, nl/en), which
usernames the site can hold, and whether the entry asks a third party instead of the
site itself. Steps and texts are shared per risk kind; sites add their own link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from footprint import provenance
from footprint.domains import registrable_domain
from footprint.errors import ConfigError
from footprint.models import Effort, L10n, Severity
from footprint.provenance import Provenance

from .catalogue import Site

SOURCE = "username/data/site-extensions.json"
DEFAULT_RISK = "profile"


@dataclass(frozen=True, slots=True)
class Risk:
    label: L10n
    reveals: L10n
    floor: Severity  # severity of a bare public profile of this kind
    steps: tuple[L10n, ...]
    effort: Effort


@dataclass(frozen=True, slots=True)
class SiteExtension:
    risk: str = DEFAULT_RISK
    privacy_url: str | None = None
    username: re.Pattern[str] | None = None  # what the site accepts as a username
    third_party: bool = False  # the check asks someone other than the site itself
    note: L10n | None = None
    checked: Provenance | None = None  # where the entry's shapes were confirmed, if at all


@dataclass(frozen=True, slots=True)
class Extensions:
    risks: Mapping[str, Risk]
    sites: Mapping[str, SiteExtension]  # by casefolded site name
    third_party_hosts: frozenset[str]

    def for_site(self, site: Site) -> SiteExtension:
        return self.sites.get(site.key, SiteExtension())

    def provenance(self, site: Site) -> tuple[Provenance, ...]:
        """The entry's ``checked`` record; none for a site footprint has no data about."""
        checked = self.for_site(site).checked
        return (checked,) if checked is not None else ()

    def risk_of(self, site: Site) -> Risk:
        return self.risks.get(self.for_site(site).risk, self.risks[DEFAULT_RISK])

    def is_third_party(self, site: Site) -> bool:
        """True when the username would go to a mirror, archive or tracker rather than to
        the site itself: declared in the data, a known mirror host, or a check URL on
        another domain than the profile it stands for."""
        if self.for_site(site).third_party:
            return True
        hosts = [h for h in site.hosts if h]
        if any(_registrable(h) in self.third_party_hosts for h in hosts):
            return True
        return len({_registrable(h) for h in hosts}) > 1


def _registrable(host: str) -> str:
    """The registered name (Public Suffix List): api.example.co.uk and www.example.co.uk
    are one site, example.co.uk and other.co.uk are two."""
    return registrable_domain(host) or host.lower().rstrip(".")


def _l10n(raw: object, where: str) -> L10n:
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) \
            or not isinstance(raw.get("nl"), str):
        raise ConfigError(f"{SOURCE}: {where}: needs both 'en' and 'nl' texts")
    return L10n(en=raw["en"], nl=raw["nl"])


def _risk(name: str, raw: Any) -> Risk:
    where = f"risks.{name}"
    try:
        return Risk(label=_l10n(raw["label"], f"{where}.label"),
                    reveals=_l10n(raw["reveals"], f"{where}.reveals"),
                    floor=Severity.parse(raw.get("floor", "low")),
                    steps=tuple(_l10n(s, f"{where}.steps") for s in raw["steps"]),
                    effort=Effort(raw.get("effort", "minutes")))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{SOURCE}: {where}: {exc}") from None


def _site(name: str, raw: Any, risks: Mapping[str, Risk]) -> SiteExtension:
    where = f"sites[{name!r}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{SOURCE}: {where}: must be an object")
    unknown = sorted(set(raw) - {"risk", "privacy_url", "username", "third_party", "note",
                                 provenance.KEY})
    if unknown:
        raise ConfigError(f"{SOURCE}: {where}: unknown field {unknown[0]!r}")
    risk = raw.get("risk", DEFAULT_RISK)
    if risk not in risks:
        raise ConfigError(f"{SOURCE}: {where}: unknown risk {risk!r}")
    url = raw.get("privacy_url")
    if url is not None and (not isinstance(url, str) or urlsplit(url).scheme != "https"):
        raise ConfigError(f"{SOURCE}: {where}: privacy_url must be an https URL")
    try:
        pattern = re.compile(raw["username"]) if "username" in raw else None
    except (re.error, TypeError) as exc:
        raise ConfigError(f"{SOURCE}: {where}: username: not a valid pattern: {exc}") from None
    note = _l10n(raw["note"], f"{where}.note") if "note" in raw else None
    checked = provenance.parse_in(raw, name, f"{SOURCE}: {where}", ConfigError)
    return SiteExtension(risk=risk, privacy_url=url, username=pattern,
                         third_party=bool(raw.get("third_party", False)), note=note,
                         checked=checked)


def parse_extensions(data: Any) -> Extensions:
    if not isinstance(data, dict):
        raise ConfigError(f"{SOURCE}: must be a JSON object")
    risks = {name: _risk(name, raw) for name, raw in data.get("risks", {}).items()}
    if DEFAULT_RISK not in risks:
        raise ConfigError(f"{SOURCE}: risks: the default kind {DEFAULT_RISK!r} is missing")
    sites = {name.casefold(): _site(name, raw, risks)
             for name, raw in data.get("sites", {}).items()}
    hosts = frozenset(h.lower() for h in data.get("third_party_hosts", []))
    return Extensions(risks=risks, sites=sites, third_party_hosts=hosts)


@lru_cache(maxsize=1)
def extensions() -> Extensions:
    text = files(__package__).joinpath("data/site-extensions.json").read_text("utf-8")
    return parse_extensions(json.loads(text))
