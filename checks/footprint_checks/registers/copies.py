"""Sites that copy KvK data or publish addresses: guided steps, and pages derived from the
KvK number fetched and matched locally.

Shielding at KvK does not take back copies sold or scraped before, so each copy site is a
step of its own: look yourself (deep link), and send an erasure request where you are found.
"""

from __future__ import annotations

from collections.abc import Iterable

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.extract import extract_page
from footprint.matching import find_markers, masked_excerpt, postcode_near_number
from footprint.models import (
    PROFILE_SUBJECT,
    ActionGroup,
    Disclosure,
    Effort,
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
from footprint.profile.markers import MarkerKind, fold, yours_of
from footprint.profile.model import Profile
from footprint_checks.registers import texts
from footprint_checks.registers.sources import Source, sources

_KIND_WHY = {
    "kvk-copy": L10n(
        en="copies KvK data, including visiting addresses, and keeps them after you shield "
           "the address at KvK",
        nl="neemt KVK-gegevens over, ook bezoekadressen, en houdt ze vast nadat je het adres "
           "bij KVK hebt afgeschermd"),
    "people-search": L10n(
        en="publishes names with addresses and phone numbers; removal has been hard and data "
           "has reappeared",
        nl="publiceert namen met adressen en telefoonnummers; verwijderen bleek lastig en "
           "gegevens kwamen terug"),
    "phone-directory": L10n(
        en="lists phone numbers with names and addresses, some with reverse lookup",
        nl="toont telefoonnummers met naam en adres, soms met omgekeerd zoeken"),
}


def _letter_step(source: Source) -> L10n:
    return L10n(
        en=f"Found? Send an erasure request (GDPR art. 17): 'footprint letter avg {source.id}' "
           "writes it. No answer within a month: complain to the Dutch DPA (AP). Do not send "
           "a copy of your ID unless they have real doubt who you are.",
        nl=f"Gevonden? Stuur een verwijderverzoek (AVG art. 17): 'footprint letter avg "
           f"{source.id}' schrijft het. Geen antwoord binnen een maand: klaag bij de "
           "Autoriteit Persoonsgegevens. Stuur geen kopie van je ID tenzij ze echt twijfelen "
           "wie je bent.")


def _queries(profile: Profile, kind: str) -> list[str]:
    if kind == "kvk-copy":
        wanted = [*profile.public.kvk_numbers, *profile.public.trade_names]
    else:
        wanted = [profile.name]
    return [q for q in wanted if q][:4]


# one action for all copy sites: the same search-and-erase routine, site by site
_COPY_SITES_GROUP = ActionGroup("register.copy-sites", L10n(
    en="Look yourself up on the sites that copy the business register and people-search "
       "sites; request erasure where your home address or number shows",
    nl="Zoek jezelf op bij sites die het Handelsregister overnemen en bij personenzoekers; "
       "vraag verwijdering waar je huisadres of nummer staat"))


class CopySitesGuide(BaseCheck):
    """One guided step per copy site: where to look, what to look for, how to get it removed."""

    id = "register.copy-sites"
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
            links = tuple(Link(source.search_link(q),
                               L10n(en=f"search {source.domains[0]} for {q}",
                                    nl=f"zoek op {source.domains[0]} naar {q}"))
                          for q in queries)
            findings.append(Finding(
                check_id=self.id, subject=PROFILE_SUBJECT, key=source.id,
                title=L10n(en=f"Check {source.name} for your home address",
                           nl=f"Controleer {source.name} op je huisadres"),
                severity=Severity.MEDIUM, kind=FindingKind.MANUAL,
                detail=L10n(en=f"{source.name} {_KIND_WHY[source.kind].en}.",
                            nl=f"{source.name} {_KIND_WHY[source.kind].nl}."),
                remediation=Remediation(
                    summary=L10n(
                        en=f"Look yourself up on {source.name}; if your home address or "
                           "private number is there, request erasure.",
                        nl=f"Zoek jezelf op bij {source.name}; staat je huisadres of "
                           "privénummer erop, vraag dan verwijdering."),
                    steps=(
                        L10n(en="Open the search link(s) below (or search on the site "
                                "itself) for your KvK number, trade name or name.",
                             nl="Open de zoeklink(s) hieronder (of zoek op de site zelf) naar "
                                "je KVK-nummer, handelsnaam of naam."),
                        L10n(en="Look for your street, house number, postcode or private "
                                "phone number; note the page URLs.",
                             nl="Let op je straat, huisnummer, postcode of privénummer; "
                                "noteer de URL's van de pagina's."),
                        _letter_step(source),
                    ),
                    links=(*links, texts.AP_ERASURE), effort=Effort.HOURS),
                evidence=Evidence(url=links[0].url),
                group=_COPY_SITES_GROUP))
        if not findings:  # no name and no business: nothing to suggest is not "clear"
            raise Skip(L10n(
                en="nothing to suggest: your profile has no name, KvK number or trade name",
                nl="niets voor te stellen: je profiel bevat geen naam, KVK-nummer of "
                   "handelsnaam"))
        return findings


class CopyPagesCheck(BaseCheck):
    """Pages that a copy site keeps under your KvK number, matched here for your address."""

    id = "register.copy-pages"
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
            page = extract_page(response.text, str(response.url))
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
        labels = texts.marker_labels(matches)
        what = yours_of(labels)
        return Finding(
            check_id=self.id, subject=subject, key=source.id,
            title=L10n(en=f"{source.name} shows {what.en}", nl=f"{source.name} toont {what.nl}"),
            severity=Severity.HIGH if pinned else Severity.MEDIUM,
            remediation=Remediation(
                summary=L10n(en=f"Ask {source.name} to erase your data (GDPR art. 17).",
                             nl=f"Vraag {source.name} je gegevens te wissen (AVG art. 17)."),
                steps=(_letter_step(source),
                       L10n(en="Shield the address at KvK first, or the copy comes back.",
                            nl="Scherm eerst het adres bij KVK af, anders komt de kopie "
                               "terug.")),
                links=(texts.KVK_CONVENANT, texts.AP_ERASURE), effort=Effort.HOURS),
            evidence=Evidence(url=url,
                              excerpt=masked_excerpt(text, [(m.start, m.end) for m in matches]),
                              matched=tuple(lb.en for lb in labels)))
