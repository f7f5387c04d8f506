"""web.pages: private details on the pages you list (council, party, your own site)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from footprint.check import BaseCheck, CheckContext, Inconclusive
from footprint.extract import PageText
from footprint.i18n import marker_sentence
from footprint.matching import (
    GenericHit,
    MarkerMatch,
    find_markers,
    generic_hits,
    masked_excerpt,
    postcode_near_number,
)
from footprint.matchkeys import marker_key
from footprint.models import (
    Disclosure,
    Evidence,
    Finding,
    FindingKind,
    Kind,
    L10n,
    Severity,
    Subject,
)
from footprint.page_reader import PageNotRead
from footprint.profile.markers import MarkerKind
from footprint_checks.web import remediation
from footprint_checks.web.waf import looks_blocked

_SEVERITY = {
    MarkerKind.ADDRESS: Severity.HIGH,
    MarkerKind.POSTCODE: Severity.MEDIUM,
    MarkerKind.PHONE: Severity.HIGH,
    MarkerKind.FAMILY: Severity.MEDIUM,
    MarkerKind.OTHER: Severity.MEDIUM,
}
_READABLE = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_GENERIC_TITLES = {
    "address": L10n(en="A street address with postcode on your page: is it yours?",
                    nl="Een straatadres met postcode op je pagina: is het van jou?"),
    "mobile": L10n(en="A mobile number on your page: is it private?",
                   nl="Een mobiel nummer op je pagina: is het privé?"),
}


class OwnPagesCheck(BaseCheck):
    id = "web.pages"
    title = L10n(en="Private details on your own pages", nl="Privégegevens op je eigen pagina's")
    inputs = frozenset({Kind.URL})
    disclosures = (Disclosure(
        host="the hosts of the URLs in your profile",
        sends=L10n(en="a normal page request for each URL you listed, and for the images on it",
                   nl="een gewoon paginaverzoek per opgegeven URL, en voor de afbeeldingen erop")),)
    timeout_s = 45.0

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        page, page_url = await self._fetch(subject.value, ctx)
        text = f"{page.title}\n{page.text}"
        matches = find_markers(text, ctx.markers)
        generic = [g for g in generic_hits(text) if not _overlaps(g, matches)]
        spans = [(m.start, m.end) for m in matches] + [(g.start, g.end) for g in generic]
        findings = self._marker_findings(subject, text, matches, spans, ctx)
        findings += [self._generic_finding(subject, text, g, spans) for g in generic]
        findings += await _linked_images(page, page_url, ctx, self.id, subject)
        return findings

    async def _fetch(self, url: str, ctx: CheckContext) -> tuple[PageText, str]:
        response = await ctx.http.get(url)
        if looks_blocked(response):
            raise Inconclusive(L10n(
                en=f"the site blocked the request (HTTP {response.status_code}, bot protection)",
                nl=f"de site blokkeerde het verzoek (HTTP {response.status_code}, "
                   "botbescherming)"))
        if response.status_code != 200:
            raise Inconclusive(L10n(
                en=f"the page answered HTTP {response.status_code}; it could not be read",
                nl=f"de pagina gaf HTTP {response.status_code}; ze kon niet gelezen worden"))
        kind = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
        if kind not in _READABLE:
            raise Inconclusive(L10n(
                en=f"the page is {kind}, which this check cannot read; check it by hand",
                nl=f"de pagina is {kind}, wat deze controle niet kan lezen; controleer haar "
                   "zelf"))
        if kind == "text/plain":
            return PageText(title="", text=response.text), str(response.url)
        try:
            page = await ctx.pages.read(response.text, str(response.url))
        except PageNotRead as exc:
            raise Inconclusive(L10n(
                en=f"the page could not be read ({exc}); check it by hand",
                nl=f"de pagina kon niet gelezen worden ({exc}); controleer haar zelf")) from exc
        return page, str(response.url)

    def _marker_findings(self, subject: Subject, text: str, matches: Sequence[MarkerMatch],
                         spans: list[tuple[int, int]], ctx: CheckContext) -> list[Finding]:
        findings: dict[MarkerKind, Finding] = {}
        house_number = ctx.profile.private.address.house_number
        for match in matches:
            kind = match.marker.kind
            severity = _SEVERITY.get(kind, Severity.MEDIUM)
            pinpointed = postcode_near_number(text, match, house_number)
            if pinpointed:
                severity = Severity.HIGH
            previous = findings.get(kind)
            if previous is not None and previous.severity >= severity:
                continue
            label = match.marker.label
            if pinpointed:
                label = L10n(en=f"{label.en} and house number", nl=f"{label.nl} en huisnummer")
            findings[kind] = Finding(
                check_id=self.id, subject=subject, key=f"{subject.value}#{kind.value}",
                title=marker_sentence(
                    "on_page_with_number" if pinpointed else "on_page", (kind,)),
                severity=severity, remediation=remediation.for_marker(kind),
                evidence=Evidence(url=subject.value,
                                  excerpt=masked_excerpt(text, spans, spans.index(
                                      (match.start, match.end))),
                                  matched=(marker_key(kind, with_number=bool(pinpointed)),)),
                group=remediation.page_group(subject.value),
            )
        return [findings[k] for k in sorted(findings)]

    def _generic_finding(self, subject: Subject, text: str, hit: GenericHit,
                         spans: list[tuple[int, int]]) -> Finding:
        value = text[hit.start:hit.end]
        digest = hashlib.sha256(value.casefold().encode()).hexdigest()[:10]
        return Finding(
            check_id=self.id, subject=subject, key=f"{subject.value}#{hit.what}-{digest}",
            title=_GENERIC_TITLES[hit.what], severity=Severity.LOW,
            remediation=remediation.for_generic(),
            evidence=Evidence(url=subject.value,
                              excerpt=masked_excerpt(
                                  text, spans, spans.index((hit.start, hit.end))),
                              matched=(f"generic-{hit.what}",)),
        )


def _overlaps(hit: GenericHit, matches: Sequence[MarkerMatch]) -> bool:
    return any(hit.start < m.end and m.start < hit.end for m in matches)


async def _linked_images(page: PageText, page_url: str, ctx: CheckContext, check_id: str,
                         subject: Subject) -> list[Finding]:
    """Photos on your pages can carry the place they were taken (photos family).

    When none of them could be read, that is a step for the person, not a reason to drop
    what the page's text already showed."""
    if not page.images:
        return []
    from footprint_checks.photos.linked import audit_linked_images

    try:
        return await audit_linked_images(page.images, ctx, check_id, subject, source=page_url)
    except Inconclusive as exc:
        return [Finding(
            check_id=check_id, subject=subject, key=f"{subject.value}#images-unchecked",
            title=L10n(en="The photos on this page could not be checked",
                       nl="De foto's op deze pagina konden niet worden gecontroleerd"),
            severity=Severity.INFO, kind=FindingKind.MANUAL, detail=exc.reason,
            evidence=Evidence(url=subject.value),
            remediation=remediation.for_unchecked_images(),
        )]
