"""``search.engine``: what search engines show about you, through a provider you configure.

Only public identifiers go out as queries; every result (title, snippet, address) is
matched here against the private markers. A query that could not be answered, or whose
engines all failed, is listed as a guided step with links, never counted as clear; when
no query could be answered, or not one result came back at all, the check is
inconclusive.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.i18n import yours_of
from footprint.matching import find_markers, masked_excerpt, postcode_near_number
from footprint.models import (
    PROFILE_SUBJECT,
    Disclosure,
    Evidence,
    Finding,
    L10n,
    Severity,
    Subject,
)
from footprint.profile.markers import MarkerKind
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.search import sites, texts
from footprint_checks.search.honesty import QueryOutcome, honesty_findings, none_answered
from footprint_checks.search.providers import (
    BRAVE_API,
    BraveProvider,
    Provider,
    ProviderFailed,
    QueryFailed,
    SearchHit,
    SearxngProvider,
)
from footprint_checks.search.queries import (
    DEFAULT_MAX_QUERIES,
    SearchQuery,
    build_queries,
    safe_queries,
)
from footprint_checks.search.sites import copy_sites

BRAVE_KEY = "BRAVE_API_KEY"
_SENDS = L10n(
    en="search queries made of your public identifiers: your name with role and "
       "municipality, usernames, email addresses, KvK numbers and trade names",
    nl="zoekopdrachten met je openbare gegevens: je naam met functie en gemeente, "
       "gebruikersnamen, e-mailadressen, KvK-nummers en handelsnamen")
_SEVERITY = {MarkerKind.ADDRESS: Severity.HIGH, MarkerKind.PHONE: Severity.HIGH,
             MarkerKind.POSTCODE: Severity.MEDIUM, MarkerKind.FAMILY: Severity.MEDIUM,
             MarkerKind.OTHER: Severity.MEDIUM, MarkerKind.STREET: Severity.LOW}


def _declared_host(settings: Mapping[str, Any]) -> list[Disclosure]:
    provider = str(settings.get("provider", "")).lower()
    url = settings.get("url")
    if provider != "brave" and isinstance(url, str) and url:
        return [Disclosure(urlsplit(url).hostname or url, _SENDS)]
    if provider == "brave":
        return [Disclosure(urlsplit(BRAVE_API).hostname or BRAVE_API, _SENDS, "brave")]
    return [Disclosure("the SearXNG instance in [checks.search] url", _SENDS),
            Disclosure("api.search.brave.com (with BRAVE_API_KEY)", _SENDS, "brave")]


@dataclass
class _Hit:
    hit: SearchHit
    query: SearchQuery
    labels: dict[str, L10n] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""
    severity: Severity = Severity.INFO


class SearchEngineCheck(BaseCheck):
    id = "search.engine"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """The providers' shapes (apis.toml) and the copy sites searched."""
        return apis.records_for(self.id) + sites.records()

    title = L10n(en="What search engines show about you",
                 nl="Wat zoekmachines over je laten zien")
    optional_secrets = (BRAVE_KEY,)
    opt_in = True
    timeout_s = 120.0

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        self.disclosures = tuple(_declared_host(settings or {}))

    def provider(self, ctx: CheckContext) -> tuple[Provider, float]:
        settings = ctx.settings
        choice = str(settings.get("provider", "")).strip().lower()
        url = settings.get("url")
        key = ctx.secrets.get(BRAVE_KEY, "")
        if not choice:
            choice = "searxng" if url else "brave" if key else ""
        delay = settings.get("delay_s")
        if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float)
                                  or not 0 <= delay <= 60):
            raise Skip(L10n(en="[checks.search] delay_s must be a number of seconds (0-60)",
                            nl="[checks.search] delay_s moet een aantal seconden zijn (0-60)"))
        if choice == "searxng":
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise Skip(L10n(
                    en="provider searxng needs url = \"https://your-instance\" in [checks.search]",
                    nl="provider searxng heeft url = \"https://je-instantie\" nodig in "
                       "[checks.search]"))
            language = str(settings.get("language", "nl"))
            return SearxngProvider(url, language), float(delay or 0.0)
        if choice == "brave":
            if not key:
                raise Skip(L10n(en=f"provider brave needs {BRAVE_KEY} in the environment",
                                nl=f"provider brave heeft {BRAVE_KEY} nodig in de omgeving"))
            brave = BraveProvider(key, ctx.endpoint("brave", BRAVE_API),
                                  str(settings.get("country", "NL")),
                                  str(settings.get("language", "nl")))
            return brave, 1.1 if delay is None else float(delay)
        if choice:
            raise Skip(L10n(en=f"unknown search provider {choice!r}: use searxng or brave",
                            nl=f"onbekende zoekdienst {choice!r}: gebruik searxng of brave"))
        raise Skip(L10n(
            en="no search provider configured: set provider and url in [checks.search], or "
               f"{BRAVE_KEY}; the guided step search.links works without one",
            nl="geen zoekdienst ingesteld: zet provider en url in [checks.search], of "
               f"{BRAVE_KEY}; de begeleide stap search.links werkt zonder"))

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        provider, delay = self.provider(ctx)
        limit = _int_setting(ctx.settings, "max_queries", DEFAULT_MAX_QUERIES)
        queries, _dropped = safe_queries(ctx.profile, build_queries(ctx.profile))
        queries = queries[:limit]
        if not queries:
            raise Skip(L10n(en="no public identifiers to search for",
                            nl="geen openbare gegevens om op te zoeken"))
        outcomes = await self._ask(provider, queries, delay, ctx)
        answered = [o for o in outcomes if o.answer is not None
                    and not o.answer.every_engine_failed]
        if not answered:
            raise Inconclusive(none_answered(provider, outcomes))
        if not any(o.answer.hits for o in answered if o.answer is not None):
            raise Inconclusive(L10n(
                en=f"{provider.name} returned no results at all for {len(answered)} "
                   "queries, not even for your name: cannot tell 'nothing out there' from a "
                   "search that searched nothing",
                nl=f"{provider.name} gaf voor {len(answered)} zoekopdrachten helemaal geen "
                   "resultaten, zelfs niet voor je naam: 'niets te vinden' is zo niet te "
                   "onderscheiden van een zoekdienst die niets doorzocht"))
        findings = self._matches(answered, provider, ctx)
        findings += honesty_findings(provider, outcomes, self.id)
        return findings

    async def _ask(self, provider: Provider, queries: list[SearchQuery], delay: float,
                   ctx: CheckContext) -> list[QueryOutcome]:
        outcomes: list[QueryOutcome] = []
        for index, query in enumerate(queries):
            if index and delay > 0:
                await asyncio.sleep(delay)  # the provider's rate limit (Brave: 1 per second)
            try:
                outcomes.append(QueryOutcome(query, await provider.search(query.text, ctx)))
            except ProviderFailed as exc:
                raise Inconclusive(exc.reason) from None
            except QueryFailed as exc:
                outcomes.append(QueryOutcome(query, failure=exc.reason))
        return outcomes

    def _matches(self, answered: list[QueryOutcome], provider: Provider,
                 ctx: CheckContext) -> list[Finding]:
        house = ctx.profile.private.address.house_number + ctx.profile.private.address.addition
        copies = {s.domain for s in copy_sites()}
        by_url: dict[str, _Hit] = {}
        for outcome in answered:
            for hit in outcome.answer.hits if outcome.answer else ():
                text = "\n".join((hit.title, hit.snippet, unquote(hit.url)))
                matches = find_markers(text, ctx.markers)
                if not matches:
                    continue
                found = by_url.setdefault(hit.url, _Hit(hit, outcome.query, text=text))
                if found.text != text:
                    continue  # the same page through another query: counted once
                for m in matches:
                    found.labels[m.marker.kind.value] = m.marker.label
                    found.spans.append((m.start, m.end))
                    severity = _SEVERITY[m.marker.kind]
                    if postcode_near_number(text, m, house):
                        severity = Severity.HIGH
                    found.severity = max(found.severity, severity)
        out = []
        for url, found in sorted(by_url.items()):
            host = (urlsplit(url).hostname or "").removeprefix("www.")
            what = yours_of(found.labels.values())
            out.append(Finding(
                check_id=self.id, subject=PROFILE_SUBJECT, key=f"search:{url}",
                title=L10n(en=f"A search result shows {what.en}",
                           nl=f"Een zoekresultaat toont {what.nl}"),
                severity=found.severity,
                remediation=texts.hit_remediation(copy_site=host in copies),
                evidence=Evidence(url=url, excerpt=masked_excerpt(found.text, found.spans),
                                  matched=tuple(found.labels)),
                detail=L10n(en=f"Found via {provider.name} with the search for "
                               f"{found.query.purpose.en}: {found.query.text}",
                            nl=f"Gevonden via {provider.name} met de zoekopdracht naar "
                               f"{found.query.purpose.nl}: {found.query.text}"),
            ))
        return out


def _int_setting(settings: Mapping[str, Any], key: str, default: int) -> int:
    value = settings.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Skip(L10n(en=f"[checks.search] {key} must be a whole number of at least 1",
                        nl=f"[checks.search] {key} moet een geheel getal van minstens 1 zijn"))
    return value
