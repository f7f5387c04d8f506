"""Guided steps as data (guides.toml): parsed and validated on load, errors name the entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote_plus

from footprint.models import Effort, L10n, Link, Severity
from footprint.profile.model import Profile
from footprint_checks.datafile import toml_entries

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")
PLACEHOLDERS = ("name", "municipality")  # public values only: a link must never carry private data
_KEYS = {"id", "severity", "effort", "title", "why", "summary", "check", "fix", "links",
         "deep_link"}


class GuideDataError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class DeepLink:
    template: str
    label: L10n

    def for_profile(self, profile: Profile) -> Link | None:
        values = {"name": profile.name, "municipality": profile.municipality}
        if any(not values[p] for p in _PLACEHOLDER.findall(self.template)):
            return None
        url = _PLACEHOLDER.sub(lambda m: quote_plus(values[m.group(1)]), self.template)
        return Link(url, self.label)


@dataclass(frozen=True, slots=True)
class Guide:
    id: str
    severity: Severity
    effort: Effort
    title: L10n
    why: L10n
    summary: L10n
    check: tuple[L10n, ...]
    fix: tuple[L10n, ...]
    links: tuple[Link, ...]
    deep_link: DeepLink | None = None


def _l10n(raw: Any, where: str, field: str) -> L10n:
    if not isinstance(raw, dict) or set(raw) != {"en", "nl"}:
        raise GuideDataError(f"{where}: '{field}' needs exactly 'en' and 'nl'")
    en, nl = raw["en"], raw["nl"]
    if not (isinstance(en, str) and isinstance(nl, str) and en.strip() and nl.strip()):
        raise GuideDataError(f"{where}: '{field}' must have non-empty en and nl texts")
    return L10n(en=en.strip(), nl=nl.strip())


def _steps(raw: Any, where: str, field: str) -> tuple[L10n, ...]:
    if not isinstance(raw, dict) or set(raw) != {"en", "nl"}:
        raise GuideDataError(f"{where}: '{field}' needs 'en' and 'nl' lists")
    en, nl = raw["en"], raw["nl"]
    if not (isinstance(en, list) and isinstance(nl, list) and en and len(en) == len(nl)):
        raise GuideDataError(f"{where}: '{field}' en and nl must be lists of equal length")
    if not all(isinstance(x, str) and x.strip() for x in (*en, *nl)):
        raise GuideDataError(f"{where}: '{field}' steps must be non-empty strings")
    return tuple(L10n(en=e.strip(), nl=n.strip()) for e, n in zip(en, nl, strict=True))


def _url(value: Any, where: str, template: bool = False) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise GuideDataError(f"{where}: link url must be an http(s) URL")
    used = _PLACEHOLDER.findall(value)
    if used and not template:
        raise GuideDataError(f"{where}: only deep_link may use placeholders")
    bad = [p for p in used if p not in PLACEHOLDERS]
    if bad:
        raise GuideDataError(f"{where}: unknown placeholder {{{bad[0]}}} "
                             f"(allowed: {', '.join(PLACEHOLDERS)})")
    return value


def _link(raw: Any, where: str, template: bool = False) -> tuple[str, L10n]:
    if not isinstance(raw, dict) or set(raw) != {"url", "en", "nl"}:
        raise GuideDataError(f"{where}: a link needs exactly url, en and nl")
    url = _url(raw["url"], where, template)
    return url, _l10n({"en": raw["en"], "nl": raw["nl"]}, where, "link")


def _enum(value: Any, where: str, field: str, parse: Any) -> Any:
    try:
        return parse(value)
    except (ValueError, KeyError, AttributeError):
        raise GuideDataError(f"{where}: bad {field} {value!r}") from None


def parse_guides(text: str, origin: str = "guides.toml") -> tuple[Guide, ...]:
    guides: list[Guide] = []
    for where, raw in toml_entries(text, origin, "guide", "guide", GuideDataError):
        ident = raw.get("id")
        if not isinstance(ident, str) or not _ID.match(ident):
            raise GuideDataError(f"{where}: id must be lower-case words joined by dashes")
        where = f"{origin}: guide {ident!r}"
        if any(g.id == ident for g in guides):
            raise GuideDataError(f"{where}: duplicate id")
        unknown = sorted(set(raw) - _KEYS)
        missing = sorted((_KEYS - {"deep_link", "links"}) - set(raw))
        if unknown or missing:
            raise GuideDataError(f"{where}: " + (f"unknown key {unknown[0]!r}" if unknown
                                                 else f"missing {missing[0]!r}"))
        links_raw = raw.get("links", [])
        if not isinstance(links_raw, list):
            raise GuideDataError(f"{where}: links must be a list")
        links = tuple(Link(*_link(item, where)) for item in links_raw)
        deep = None
        if "deep_link" in raw:
            deep = DeepLink(*_link(raw["deep_link"], where, template=True))
        guides.append(Guide(
            id=ident,
            severity=_enum(raw["severity"], where, "severity", Severity.parse),
            effort=_enum(raw["effort"], where, "effort", Effort),
            title=_l10n(raw["title"], where, "title"), why=_l10n(raw["why"], where, "why"),
            summary=_l10n(raw["summary"], where, "summary"),
            check=_steps(raw["check"], where, "check"), fix=_steps(raw["fix"], where, "fix"),
            links=links, deep_link=deep))
        if not links and deep is None:
            raise GuideDataError(f"{where}: needs at least one link or a deep_link")
    return tuple(guides)


@cache
def guides() -> tuple[Guide, ...]:
    return parse_guides(files(__package__).joinpath("guides.toml").read_text("utf-8"))
