"""Sites that copy KvK data or publish addresses: guided steps, and pages derived from the
KvK number fetched and matched locally.

Shielding at KvK does not take back copies sold or scraped before, so each copy site is a
step of its own: look yourself (deep link), and send an erasure request where you are found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.i18n import marker_sentence
from footprint.matching import find_markers, masked_excerpt, postcode_near_number
from footprint.models import (
    PROFILE_SUBJECT,
    ActionGroup,
    Disclosure,
    Evidence,
    Finding,
    FindingKind,
    Kind,
    L10n,
    Link,
    Severity,
    Subject,
)
from footprint.page_reader import PageNotRead
from footprint.profile.markers import MarkerKind, fold
from footprint.profile.model import Profile
from footprint.provenance import Provenance
from footprint_checks.registers import texts
from footprint_checks.registers.sources import Source, sources
from footprint_checks.registers.sources import records as source_records


def _queries(profile: Profile, kind: str) -> list[str]:
    if kind == "kvk-copy":
        wanted = [*profile.public.kvk_numbers, *profile.public.trade_names]
    else:
        wanted = [profile.name]
    return [q for q in wanted if q][:4]


class CopySitesGuide(BaseCheck):
    """One guided step per copy site: where to look, what to look for, how to get it removed."""

    id = "register.copy-sites"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where each site in sources.toml was confirmed."""
        return source_records()

    title = L10n(en="KvK copy sites and people-search sites",
                 nl="Sites die KVK-gegevens overnemen en personenzoekers")
    guide_only = True

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        profile = ctx.profile
        has_business = bool(profile.public.kvk_numbers or profile.public.trade_names)
        findings = []
        for source in sources():
            if source.kind == "phone-directory" or (source.kind == "kvk-copy"
                                                    and not has_business):
                continue  # phone directories: the guide.phone-directories step covers them
            queries = _queries(profile, source.kind)
            if not queries:
                continue
            links = tuple(Link(source.search_link(q), texts.prose().text(
                              "copy_site.search", domain=source.domains[0], query=q))
                          for q in queries)
            lookup = texts.prose().remediation("copy_site_lookup", site=source.name,
                                               source_id=source.id)
            findings.append(Finding(
                check_id=self.id, subject=PROFILE_SUBJECT, key=source.id,
                title=texts.prose().text("copy_site.title", site=source.name),
                severity=Severity.MEDIUM, kind=FindingKind.MANUAL,
                detail=texts.prose().text(f"copy_site.{source.kind}", site=source.name),
                remediation=replace(lookup, links=(*links, *lookup.links)),
                evidence=Evidence(url=links[0].url),
                # one action for all copy sites: the same routine, site by site
                group=ActionGroup("register.copy-sites",
                                  texts.prose().text("copy_site.group"))))
        if not findings:  # no name and no business: nothing to suggest is not "clear"
            raise Skip(texts.prose().text("copy_site.nothing_to_suggest"))
        return findings


class CopyPagesCheck(BaseCheck):
    """Pages that a copy site keeps under your KvK number, matched here for your address."""

    id = "register.copy-pages"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the sites whose pages are fetched were confirmed (sources.toml)."""
        return tuple(s.checked for s in sources() if s.profile_url and s.checked)

    title = L10n(en="Your business page on KvK copy sites",
                 nl="Je bedrijfspagina op sites die KVK-gegevens overnemen")
    inputs = frozenset({Kind.KVK})
    timeout_s = 45.0

    def __init__(self) -> None:
        self.disclosures = tuple(Disclosure(
            host=s.domains[0],
            sends=L10n(en="a normal page request with your KvK number in the address",
                       nl="een gewoon paginaverzoek met je KVK-nummer in het adres"))
            for s in sources() if s.profile_url)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        targets = [s for s in sources() if s.profile_url]
        if not targets:
            raise Skip("no copy site with a page per KvK number is configured")
        findings: list[Finding] = []
        undecided: list[str] = []
        for source in targets:
            url = source.profile_for(subject.value)
            response = await ctx.http.get(url)
            kind = response.headers.get("content-type", "text/html").split(";")[0].lower()
            if response.status_code != 200 or "html" not in kind:
                undecided.append(f"{source.name}: HTTP {response.status_code}")
                continue
            try:
                page = await ctx.pages.read(response.text, str(response.url))
            except PageNotRead:
                undecided.append(f"{source.name}: the page could not be read")
                continue
            text = f"{page.title}\n{page.text}"
            if subject.value not in fold(text):
                undecided.append(f"{source.name}: page does not show KvK {subject.value}")
                continue
            finding = self._finding(subject, source, str(response.url), text, ctx)
            if finding is not None:
                findings.append(finding)
        if undecided and not findings:
            raise Inconclusive(L10n(
                en="could not read: " + "; ".join(undecided) + " (see register.copy-sites)",
                nl="niet te lezen: " + "; ".join(undecided) + " (zie register.copy-sites)"))
        return findings

    def _finding(self, subject: Subject, source: Source, url: str, text: str,
                 ctx: CheckContext) -> Finding | None:
        matches = find_markers(text, ctx.markers)
        if not matches:
            return None
        house = ctx.profile.private.address.house_number
        pinned = any(m.marker.kind in (MarkerKind.ADDRESS, MarkerKind.PHONE)
                     or postcode_near_number(text, m, house) for m in matches)
        return Finding(
            check_id=self.id, subject=subject, key=source.id,
            title=marker_sentence("site_shows", texts.marker_kinds(matches),
                                  site=source.name),
            severity=Severity.HIGH if pinned else Severity.MEDIUM,
            remediation=texts.prose().remediation("copy_page_erase", site=source.name,
                                                  source_id=source.id),
            evidence=Evidence(url=url,
                              excerpt=masked_excerpt(text, [(m.start, m.end) for m in matches]),
                              matched=texts.marker_keys(matches)))
