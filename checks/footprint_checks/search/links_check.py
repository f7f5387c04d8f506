"""``search.links``: the guided step that needs no provider.

It sends nothing. It prepares Google, Bing and DuckDuckGo links for the searches that
matter (built from public identifiers only), including ``site:`` searches on the known
sites that copy the KvK business register and on people directories.
"""

from __future__ import annotations

from collections.abc import Iterable

from footprint.check import BaseCheck, CheckContext, Skip
from footprint.models import Evidence, Finding, FindingKind, L10n, Remediation, Severity, Subject
from footprint.provenance import Provenance
from footprint_checks.search import sites, texts
from footprint_checks.search.queries import (
    SearchQuery,
    build_queries,
    safe_queries,
    search_links,
)

_GROUPS: tuple[tuple[str, frozenset[str], L10n, Severity], ...] = (
    ("search-yourself", frozenset({"name"}),
     L10n(en="Search for your name and see what others find",
          nl="Zoek op je naam en kijk wat anderen vinden"), Severity.LOW),
    ("search-kvk-copies", frozenset({"kvk", "trade_name"}),
     L10n(en="Check the sites that copy the KvK business register",
          nl="Controleer de sites die het Handelsregister van KvK kopiëren"), Severity.MEDIUM),
    ("search-accounts", frozenset({"email", "username"}),
     L10n(en="Search for your email addresses and usernames",
          nl="Zoek op je e-mailadressen en gebruikersnamen"), Severity.LOW),
)


def _finding(check_id: str, key: str, title: L10n, severity: Severity,
             queries: list[SearchQuery]) -> Finding:
    base = texts.manual_search_remediation()
    links = tuple(link for q in queries for link in search_links(q))
    purposes = L10n(en="; ".join(q.purpose.en for q in queries),
                    nl="; ".join(q.purpose.nl for q in queries))
    return Finding(
        check_id=check_id, subject=Subject("profile", ""), key=key, title=title,
        severity=severity, kind=FindingKind.MANUAL,
        remediation=Remediation(summary=base.summary, steps=base.steps,
                                links=links + base.links, effort=base.effort),
        evidence=Evidence(excerpt=" | ".join(q.text for q in queries)),
        detail=purposes,
    )


class SearchLinksCheck(BaseCheck):
    id = "search.links"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where each copy site in the searches was confirmed."""
        return sites.records()

    title = L10n(en="Search for yourself (prepared searches)",
                 nl="Zoek jezelf op (klaargezette zoekopdrachten)")
    guide_only = True

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        queries, _dropped = safe_queries(ctx.profile, build_queries(ctx.profile))
        if not queries:
            raise Skip(L10n(en="no public identifiers to search for",
                            nl="geen openbare gegevens om op te zoeken"))
        findings = []
        for key, kinds, title, severity in _GROUPS:
            group = [q for q in queries if q.about in kinds]
            if group:
                findings.append(_finding(self.id, key, title, severity, group))
        return findings
