"""register.raadsinformatie: private details in council documents (OpenBesluitvorming).

The national index of council documents (VNG's OpenBesluitvorming, successor of Open
Raadsinformatie, whose Elastic API was switched off on 1 Nov 2026) is searched for the
person's public name; each document's full text is then matched here, on this machine,
for the private markers. API: GET /api/search and GET /api/entities/{id} (ontola/
openbesluitvorming API.md); see docs/registers.md for the assumptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.i18n import marker_sentence
from footprint.matching import MarkerMatch, find_markers, masked_excerpt, postcode_near_number
from footprint.models import (
    Disclosure,
    Evidence,
    Finding,
    FindingKind,
    Kind,
    L10n,
    Link,
    Remediation,
    Severity,
    Subject,
)
from footprint.profile.markers import MarkerKind
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.registers import texts

DEFAULT_BASE = "https://openbesluitvorming.nl"
DEFAULT_MAX_DOCUMENTS = 40
_SEVERITY = {
    MarkerKind.ADDRESS: Severity.HIGH,
    MarkerKind.PHONE: Severity.HIGH,
    MarkerKind.POSTCODE: Severity.MEDIUM,
    MarkerKind.FAMILY: Severity.MEDIUM,
    MarkerKind.OTHER: Severity.MEDIUM,
}


@dataclass(frozen=True, slots=True)
class Document:
    entity_id: str
    title: str
    organization: str
    date: str
    summary: str
    url: str  # the file at the council's own system, or the API entity when there is none


def _unexpected(what: str) -> Inconclusive:
    return Inconclusive(L10n(en=f"unexpected answer from OpenBesluitvorming ({what})",
                             nl=f"onverwacht antwoord van OpenBesluitvorming ({what})"))


def _status(response: httpx.Response) -> None:
    if response.status_code == 429:
        raise Inconclusive(L10n(
            en="OpenBesluitvorming is rate limiting (HTTP 429); try again later",
            nl="OpenBesluitvorming remt af (HTTP 429); probeer het later opnieuw"))
    if response.status_code != 200:
        response.raise_for_status()
        raise _unexpected(f"HTTP {response.status_code}")


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise _unexpected("not JSON") from None


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_results(body: Any, base: str) -> tuple[list[Document], bool]:
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        raise _unexpected("no 'results' list")
    docs = []
    for item in body["results"]:
        if not isinstance(item, dict) or not _str(item.get("entityId")):
            raise _unexpected("a result without entityId")
        entity = _str(item.get("entityId"))
        docs.append(Document(
            entity_id=entity, title=_str(item.get("title")),
            organization=_str(item.get("organization")), date=_str(item.get("date")),
            summary=_str(item.get("summary")),
            url=_str(item.get("downloadUrl")) or entity_url(base, entity)))
    return docs, bool(body.get("hasMore"))


def entity_url(base: str, entity_id: str) -> str:
    return f"{base}/api/entities/{quote(entity_id, safe='')}"


class RaadsinformatieCheck(BaseCheck):
    id = "register.raadsinformatie"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="Council documents with your private details",
                 nl="Raadsstukken met je privégegevens")
    disclosures = (Disclosure(
        host="openbesluitvorming.nl", endpoint="openbesluitvorming",
        sends=L10n(en="your name and aliases as search terms; document texts are matched on "
                      "this machine",
                   nl="je naam en andere namen als zoektermen; de teksten worden op deze "
                      "computer doorzocht")),)
    timeout_s = 120.0

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        names = ctx.profile.identifiers(Kind.NAME)
        if not names:
            raise Skip(L10n(en="no name in your profile", nl="geen naam in je profiel"))
        if not ctx.markers:
            raise Skip(L10n(en="no private details in your profile to look for",
                            nl="geen privégegevens in je profiel om naar te zoeken"))
        base = ctx.endpoint("openbesluitvorming", DEFAULT_BASE)
        limit = max(1, min(int(ctx.settings.get("raadsinformatie_max_documents",
                                                DEFAULT_MAX_DOCUMENTS)), 100))
        docs: dict[str, Document] = {}
        more = False
        for name in names:
            found, has_more = await self._search(ctx, base, name, limit)
            more = more or has_more
            for doc in found:
                if len(docs) >= limit:
                    more = True
                    break
                docs.setdefault(doc.entity_id, doc)
        # The document ids come from the search answer: their addresses are fetched as one
        # group, all or none (footprint/http/quarantine.py).
        answers = await ctx.http.get_derived(
            f"{base}/api/search", [entity_url(base, d.entity_id) for d in docs.values()],
            headers={"accept": "application/json"}, concurrency=4)
        texts_ = [_full_text(d, a) for d, a in zip(docs.values(), answers, strict=True)]
        findings: list[Finding] = []
        unreadable: list[Document] = []
        for doc, text in zip(docs.values(), texts_, strict=True):
            if text is None:
                unreadable.append(doc)
                continue
            finding = self._finding(subject, doc, text, ctx)
            if finding is not None:
                findings.append(finding)
        if docs and len(unreadable) == len(docs):
            raise Inconclusive(L10n(
                en=f"none of the {len(docs)} documents found could be read",
                nl=f"geen van de {len(docs)} gevonden documenten kon gelezen worden"))
        if unreadable:
            findings.append(self._unreadable(subject, unreadable))
        if more:
            findings.append(self._more(subject, limit))
        return findings

    async def _search(self, ctx: CheckContext, base: str, name: str,
                      limit: int) -> tuple[list[Document], bool]:
        params: dict[str, str | int] = {"query": f'"{name}"', "entityType": "Document",
                                        "limit": limit}
        organization = ctx.settings.get("raadsinformatie_organization")
        if isinstance(organization, str) and organization:
            params["organization"] = organization
        response = await ctx.http.get(f"{base}/api/search", params=params,
                                      headers={"accept": "application/json"}, api=True)
        _status(response)
        return parse_results(_json(response), base)

    def _finding(self, subject: Subject, doc: Document, text: str,
                 ctx: CheckContext) -> Finding | None:
        matches = find_markers(text, ctx.markers)
        if not matches:
            return None
        house_number = ctx.profile.private.address.house_number
        worst = max(matches, key=lambda m: _severity(m, text, house_number))
        severity = _severity(worst, text, house_number)
        spans = [(m.start, m.end) for m in matches]
        where = " – ".join(p for p in (doc.organization, doc.date) if p)
        title = doc.title or doc.entity_id
        return Finding(
            check_id=self.id, subject=subject, key=doc.entity_id,
            title=marker_sentence("council_document", texts.marker_kinds(matches),
                                  title=title),
            severity=severity, remediation=_remediation(doc),
            detail=L10n.same(where) if where else None,
            evidence=Evidence(url=doc.url, excerpt=masked_excerpt(text, spans,
                                                                  spans.index((worst.start,
                                                                               worst.end))),
                              matched=texts.marker_keys(matches)))

    def _unreadable(self, subject: Subject, docs: list[Document]) -> Finding:
        links = tuple(Link(d.url, L10n.same(d.title or d.entity_id)) for d in docs[:10])
        return Finding(
            check_id=self.id, subject=subject, key="unreadable",
            title=L10n(en=f"{len(docs)} council document(s) with your name could not be read",
                       nl=f"{len(docs)} raadsstuk(ken) met je naam kon(den) niet gelezen "
                          "worden"),
            severity=Severity.LOW, kind=FindingKind.MANUAL,
            remediation=_with_links(texts.prose().remediation("raadsinformatie_unreadable"),
                                    links),
            evidence=Evidence(url=docs[0].url))

    def _more(self, subject: Subject, limit: int) -> Finding:
        return Finding(
            check_id=self.id, subject=subject, key="more-documents",
            title=L10n(en=f"More council documents mention your name than the {limit} checked",
                       nl=f"Meer raadsstukken noemen je naam dan de {limit} gecontroleerde"),
            severity=Severity.LOW, kind=FindingKind.MANUAL,
            detail=L10n(en="Raise [checks.register] raadsinformatie_max_documents (up to 100) "
                           "or set raadsinformatie_organization to your council's source key.",
                        nl="Verhoog [checks.register] raadsinformatie_max_documents (tot 100) "
                           "of zet raadsinformatie_organization op de bronsleutel van je "
                           "gemeente."),
            remediation=texts.prose().remediation("raadsinformatie_more"),
            evidence=Evidence(url=texts.OBV_SITE.url))


def _severity(match: MarkerMatch, text: str, house_number: str) -> Severity:
    if postcode_near_number(text, match, house_number):
        return Severity.HIGH
    return _SEVERITY.get(match.marker.kind, Severity.MEDIUM)


def _remediation(doc: Document) -> Remediation:
    link = Link(doc.url, L10n(en="the document", nl="het document"))
    return _with_links(texts.RAADSINFORMATIE, (link,))


def _with_links(base: Remediation, links: tuple[Link, ...]) -> Remediation:
    """``base`` with the documents' own links first."""
    return Remediation(base.summary, base.steps, (*links, *base.links), base.effort)


def _full_text(doc: Document, answer: httpx.Response | Exception) -> str | None:
    if isinstance(answer, Exception) or answer.status_code != 200:
        return None
    try:
        body = answer.json()
    except ValueError:
        return None
    text = body.get("markdownText") if isinstance(body, dict) else None
    if not isinstance(text, str):
        return None
    return f"{doc.title}\n{doc.summary}\n{text}"
