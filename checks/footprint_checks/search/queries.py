"""Search queries built from public identifiers only, and links that run them in a browser.

A query never carries a private marker: every query is checked locally against the same
markers the HTTP guard uses (including the street name), and one that would carry one is
dropped rather than sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote_plus

from footprint.matching import contains_marker
from footprint.models import L10n, Link
from footprint.profile.markers import private_markers
from footprint.profile.model import Profile
from footprint_checks.search.sites import SiteKind, domains

DEFAULT_MAX_QUERIES = 12


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str
    about: str  # which identifier kind it is built from: name, username, email, kvk, ...
    purpose: L10n


def _quoted(value: str) -> str:
    return '"' + value.replace('"', " ").strip() + '"'


def _sites(kind: SiteKind) -> str:
    return "(" + " OR ".join(f"site:{d}" for d in domains(kind)) + ")"


def build_queries(profile: Profile) -> list[SearchQuery]:
    """The queries that matter, most telling first."""
    out: list[SearchQuery] = []
    name = profile.name.strip()
    if name:
        context = " ".join(p for p in (profile.role, profile.municipality) if p.strip())
        if context:
            out.append(SearchQuery(f"{_quoted(name)} {context}", "name", L10n(
                en="your name with your role and municipality",
                nl="je naam met je functie en gemeente")))
        if profile.municipality.strip() and profile.role.strip():
            out.append(SearchQuery(f"{_quoted(name)} {profile.municipality.strip()}", "name",
                                   L10n(en="your name with your municipality",
                                        nl="je naam met je gemeente")))
        elif not context:
            out.append(SearchQuery(_quoted(name), "name", L10n(en="your name",
                                                                nl="je naam")))
        out.append(SearchQuery(f"{_quoted(name)} {_sites(SiteKind.PEOPLE_DIRECTORY)}", "name",
                               L10n(en="your name on people directories",
                                    nl="je naam op personengidsen")))
    kvk_sites = _sites(SiteKind.KVK_COPY)
    for number in profile.public.kvk_numbers:
        out.append(SearchQuery(f"{_quoted(number)} {kvk_sites}", "kvk", L10n(
            en=f"KvK number {number} on sites that copy the business register",
            nl=f"KvK-nummer {number} op sites die het Handelsregister kopiëren")))
    for trade_name in profile.public.trade_names:
        out.append(SearchQuery(f"{_quoted(trade_name)} {kvk_sites}", "trade_name", L10n(
            en=f"trade name {trade_name} on sites that copy the business register",
            nl=f"handelsnaam {trade_name} op sites die het Handelsregister kopiëren")))
    for email in profile.public.emails:
        out.append(SearchQuery(_quoted(email), "email", L10n(
            en=f"your email address {email}", nl=f"je e-mailadres {email}")))
    for username in profile.public.usernames:
        out.append(SearchQuery(_quoted(username), "username", L10n(
            en=f"your username {username}", nl=f"je gebruikersnaam {username}")))
    return list({q.text: q for q in out}.values())


def safe_queries(profile: Profile, queries: Sequence[SearchQuery]
                 ) -> tuple[list[SearchQuery], list[SearchQuery]]:
    """(queries that may be sent, queries dropped because they carry a private marker)."""
    markers = private_markers(profile, include_street=True)
    kept: list[SearchQuery] = []
    dropped: list[SearchQuery] = []
    for query in queries:
        (dropped if contains_marker(query.text, markers) else kept).append(query)
    return kept, dropped


ENGINES: tuple[tuple[str, str], ...] = (
    ("Google", "https://www.google.com/search?q="),
    ("Bing", "https://www.bing.com/search?q="),
    ("DuckDuckGo", "https://duckduckgo.com/?q="),
)


def search_links(query: SearchQuery, engines: Sequence[str] = ()) -> tuple[Link, ...]:
    """Links that open the query on each engine (or on the named ones)."""
    wanted = {e.lower() for e in engines}
    return tuple(
        Link(base + quote_plus(query.text), L10n(en=f"{engine}: {query.text}",
                                                 nl=f"{engine}: {query.text}"))
        for engine, base in ENGINES if not wanted or engine.lower() in wanted)
