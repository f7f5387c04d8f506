"""register.kvk: a business registered at your home address in the KvK Handelsregister.

The person's KvK numbers, trade names and name are searched (public); every address that
comes back is compared with the home address here, on this machine. KvK's search shows
house number and postcode only when one searched on them (which we never do), so a street
and town that match are confirmed through the branch profile, which also says whether the
address is shielded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from footprint.check import BaseCheck, CheckContext, Skip
from footprint.matching import find_markers, masked_excerpt, postcode_near_number
from footprint.matchkeys import marker_key
from footprint.models import (
    Disclosure,
    Evidence,
    Finding,
    FindingKind,
    L10n,
    Link,
    Remediation,
    Severity,
    Subject,
)
from footprint.profile.markers import MarkerKind, fold
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.registers import kvk_api, texts
from footprint_checks.registers.kvk_api import KvkAddress, KvkResult


class Place(Enum):
    HOME = "home"  # street and number, or postcode and number, are the home address
    STREET = "street"  # same street and town; KvK did not show the number
    SHIELDED = "shielded"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"  # no address in the answer


@dataclass(frozen=True, slots=True)
class Verdict:
    place: Place
    address: KvkAddress | None = None
    non_mailing: bool | None = None


class KvkCheck(BaseCheck):
    id = "register.kvk"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="KvK Business Register: a business at your home address",
                 nl="KVK Handelsregister: een bedrijf op je huisadres")
    optional_secrets = ("KVK_API_KEY",)
    disclosures = (Disclosure(
        host="api.kvk.nl", endpoint="kvk",
        sends=L10n(en="your KvK numbers, trade names and name as search terms (never your "
                      "address: addresses are compared on this machine)",
                   nl="je KVK-nummers, handelsnamen en naam als zoektermen (nooit je adres: "
                      "adressen worden op deze computer vergeleken)")),)
    timeout_s = 60.0

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        profile = ctx.profile
        own_terms = [("kvkNummer", n) for n in profile.public.kvk_numbers]
        own_terms += [("naam", t) for t in profile.public.trade_names]
        key = ctx.secrets.get("KVK_API_KEY", "")
        if not key:
            return [self._manual(subject, ctx)]
        if profile.private.address.is_empty:
            raise Skip(L10n(en="no home address in your profile to compare with",
                            nl="geen huisadres in je profiel om mee te vergelijken"))
        terms = list(own_terms)
        if profile.name and ctx.settings.get("kvk_search_name", True):
            terms.append(("naam", profile.name))
        if not terms:
            raise Skip(L10n(en="no KvK numbers, trade names or name in your profile",
                            nl="geen KVK-nummers, handelsnamen of naam in je profiel"))
        base = ctx.endpoint("kvk", kvk_api.DEFAULT_BASE)
        max_pages = int(ctx.settings.get("kvk_max_pages", 3))
        version = kvk_api.version_from(ctx.settings)
        use_profiles = bool(ctx.settings.get("kvk_branch_profiles", True))
        results: dict[tuple[str, str], tuple[KvkResult, bool]] = {}
        truncated: list[str] = []
        for param, value in terms:
            found, more = await kvk_api.search(ctx, base, key, param, value, max_pages,
                                               version)
            if more:
                truncated.append(value)
            own = (param, value) in own_terms
            for result in found:
                ident = (result.kvk_number, result.branch_number)
                known_own = results.get(ident, (result, False))[1]
                results[ident] = (result, own or known_own)
        findings = []
        for result, own in results.values():
            verdict = await self._place(result, own, use_profiles, base, key, ctx)
            finding = self._finding(subject, result, verdict, own, ctx)
            if finding is not None:
                findings.append(finding)
        if truncated:
            findings.append(self._truncated(subject, truncated))
        return findings

    async def _place(self, result: KvkResult, own: bool, use_profiles: bool, base: str,
                     key: str, ctx: CheckContext) -> Verdict:
        if not result.branch_number:
            return Verdict(Place.UNKNOWN)  # a legal entity: its branches carry the address
        verdict = Verdict(compare(result.address, ctx), result.address)
        worth_a_look = verdict.place is Place.STREET or (own and verdict.place is Place.UNKNOWN)
        if not (use_profiles and worth_a_look):
            return verdict
        profile = await kvk_api.branch_profile(ctx, base, key, result.branch_number)
        places = [(compare(a, ctx), a) for a in profile.addresses]
        for wanted in (Place.HOME, Place.STREET, Place.SHIELDED):
            for place, address in places:
                if place is wanted:
                    return Verdict(place, address, profile.non_mailing)
        if places:
            return Verdict(Place.ELSEWHERE, places[0][1], profile.non_mailing)
        return verdict

    def _finding(self, subject: Subject, result: KvkResult, verdict: Verdict, own: bool,
                 ctx: CheckContext) -> Finding | None:
        ident = f"{result.kvk_number}:{result.branch_number or '-'}"
        name = result.name or result.kvk_number
        link = Link(texts.kvk_search_link(result.kvk_number),
                    L10n(en=f"KvK search: {result.kvk_number}",
                         nl=f"KVK zoeken: {result.kvk_number}"))
        if verdict.place is Place.SHIELDED and own:
            return Finding(
                check_id=self.id, subject=subject, key=f"shielded:{ident}",
                title=L10n(en=f"The visiting address of {name} is shielded in the KvK register",
                           nl=f"Het bezoekadres van {name} is afgeschermd in het KVK-register"),
                severity=Severity.INFO, kind=FindingKind.GOOD,
                remediation=texts.KVK_SHIELDED, evidence=Evidence(url=link.url))
        if verdict.place not in (Place.HOME, Place.STREET) or verdict.address is None:
            return None
        text = verdict.address.text()
        matches = find_markers(text, ctx.markers)
        spans = [(m.start, m.end) for m in matches] or _street_span(text, verdict.address)
        sure = verdict.place is Place.HOME
        detail = None
        if not sure:
            detail = L10n(
                en="KvK shows the street and town of your home but not the house number; "
                   "check the number on kvk.nl.",
                nl="KVK toont de straat en plaats van je huis maar niet het huisnummer; "
                   "controleer het nummer op kvk.nl.")
        if verdict.non_mailing is False:
            extra = L10n(en="The non-mailing indicator is off.",
                         nl="De non-mailingindicator staat uit.")
            detail = extra if detail is None else L10n(en=f"{detail.en} {extra.en}",
                                                       nl=f"{detail.nl} {extra.nl}")
        whose = L10n(en="" if own else " (found by searching your name: yours, a partner's or "
                                        "a namesake's?)",
                     nl="" if own else " (gevonden op je naam: van jou, je partner of een "
                                       "naamgenoot?)")
        remediation = texts.KVK_AT_HOME
        remediation = Remediation(remediation.summary, remediation.steps,
                                  (link, *remediation.links), remediation.effort)
        return Finding(
            check_id=self.id, subject=subject, key=f"home:{ident}",
            title=L10n(
                en=f"Your home address is the public visiting address of {name} "
                   f"(KvK {result.kvk_number}){whose.en}",
                nl=f"Je huisadres is het openbare bezoekadres van {name} "
                   f"(KVK {result.kvk_number}){whose.nl}"),
            severity=Severity.HIGH if sure or own else Severity.MEDIUM,
            remediation=remediation, detail=detail,
            evidence=Evidence(url=link.url, excerpt=masked_excerpt(text, spans),
                              matched=tuple(dict.fromkeys(marker_key(m.marker.kind)
                                                          for m in matches))
                              or (marker_key(MarkerKind.STREET),)),
        )

    def _manual(self, subject: Subject, ctx: CheckContext) -> Finding:
        public = ctx.profile.public
        queries = [*public.kvk_numbers, *public.trade_names] or [ctx.profile.name]
        links = tuple(Link(texts.kvk_search_link(q), L10n(en=f"KvK search: {q}",
                                                          nl=f"KVK zoeken: {q}"))
                      for q in queries if q)
        base = texts.KVK_MANUAL
        return Finding(
            check_id=self.id, subject=subject, key="manual",
            title=L10n(en="Check the KvK register for a business at your home address",
                       nl="Controleer het KVK-register op een bedrijf op je huisadres"),
            severity=Severity.HIGH if queries and (public.kvk_numbers or public.trade_names)
            else Severity.MEDIUM,
            kind=FindingKind.MANUAL,
            detail=L10n(
                en="A business run from home shows your home address as its public visiting "
                   "address, and copy sites spread it further. No KVK_API_KEY is set, so "
                   "footprint cannot check this for you.",
                nl="Een bedrijf vanuit huis toont je woonadres als openbaar bezoekadres, en "
                   "kopieersites verspreiden het verder. KVK_API_KEY is niet gezet, dus "
                   "footprint kan dit niet voor je controleren."),
            remediation=Remediation(base.summary, base.steps, (*links, *base.links),
                                    base.effort),
            evidence=Evidence(url=links[0].url if links else texts.KVK_CONVENANT.url),
        )

    def _truncated(self, subject: Subject, terms: list[str]) -> Finding:
        shown = ", ".join(terms)
        return Finding(
            check_id=self.id, subject=subject, key="more-results",
            title=L10n(en=f"Too many KvK results to check them all ({shown})",
                       nl=f"Te veel KVK-resultaten om alles te controleren ({shown})"),
            severity=Severity.LOW, kind=FindingKind.MANUAL, remediation=texts.KVK_MANUAL,
            evidence=Evidence(url=texts.kvk_search_link(terms[0])))


def compare(address: KvkAddress | None, ctx: CheckContext) -> Place:
    """Where an address from KvK is, relative to the home address (locally)."""
    if address is None:
        return Place.UNKNOWN
    if address.shielded:
        return Place.SHIELDED
    if not (address.street or address.postcode):
        return Place.UNKNOWN
    home = ctx.profile.private.address
    text = address.text()
    for match in find_markers(text, ctx.markers):
        if match.marker.kind is MarkerKind.ADDRESS:
            return Place.HOME
        if match.marker.kind is MarkerKind.POSTCODE and (
                postcode_near_number(text, match, home.house_number)
                or fold(address.number) == fold(home.house_number + home.addition)):
            return Place.HOME
    same_street = bool(home.street) and fold(address.street) == fold(home.street)
    same_town = not address.city or not home.city or fold(address.city) == fold(home.city)
    if not (same_street and same_town) or address.country:
        return Place.ELSEWHERE
    if not address.number:
        return Place.STREET
    # the same building when only the addition differs in spelling or is left out
    if fold(address.number) in {fold(home.house_number), fold(home.house_number + home.addition)}:
        return Place.HOME
    return Place.ELSEWHERE


def _street_span(text: str, address: KvkAddress) -> list[tuple[int, int]]:
    start = text.find(address.street)
    return [(start, start + len(address.street))] if address.street and start >= 0 else []
