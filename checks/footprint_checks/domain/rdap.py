"""domain.rdap: what the registration data of your domains publishes about you."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.domains import registrable_domain
from footprint.i18n import marker_phrase
from footprint.matching import find_markers, generic_hits, masked_excerpt, postcode_near_number
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
from footprint.profile.markers import MarkerKind, capitalised, fold, phone_variants
from footprint.profile.model import Profile
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.domain import bootstrap, rdap_advice
from footprint_checks.domain.names import (
    RESERVED_TLDS,
    domain_subjects,
    is_own_domain,
    mail_addresses_at,
    tld_of,
)
from footprint_checks.domain.rdap_parse import (
    Contact,
    contacts,
    privacy_service,
    redacted_fields,
    related_registrar_url,
    self_url,
)
from footprint_checks.domain.registries import registry_page

ACCEPT = "application/rdap+json, application/json;q=0.9"
_MARKER_SEVERITY = {MarkerKind.ADDRESS: Severity.HIGH, MarkerKind.PHONE: Severity.HIGH}
_FIELDS = {"name": L10n(en="name", nl="de naam"), "address": L10n(en="address", nl="het adres"),
           "phone": L10n(en="phone number", nl="het telefoonnummer"),
           "email": L10n(en="email address", nl="het e-mailadres")}
_ROLES = {"registrant": L10n(en="holder (registrant)", nl="houder (registrant)"),
          "administrative": L10n(en="administrative contact", nl="administratief contact")}


class RdapCheck(BaseCheck):
    id = "domain.rdap"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="Registration data of your domains", nl="Registratiegegevens van je domeinen")
    inputs = frozenset({Kind.DOMAIN, Kind.EMAIL})
    disclosures = (
        Disclosure(host="the registry's RDAP server for each domain, from IANA's bootstrap "
                        "list (rdap.sidn.nl for .nl)",
                   sends=L10n(en="the domain name", nl="de domeinnaam"), endpoint="rdap"),
        Disclosure(host="the registrar's RDAP server, when the registry points there "
                        "(.com, .net)",
                   sends=L10n(en="the domain name", nl="de domeinnaam")),
    )
    timeout_s = 30.0

    def subjects(self, profile: Profile) -> Sequence[Subject]:
        return domain_subjects(profile)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        domain = subject.value
        tld = tld_of(domain)
        if tld in RESERVED_TLDS:
            raise Skip(L10n(en=f".{tld} is a reserved name; nobody can register it",
                            nl=f".{tld} is een gereserveerde naam; niemand kan die registreren"))
        override = ctx.endpoints.get(f"rdap-{tld}") or ctx.endpoints.get("rdap")
        bases = (override,) if override else bootstrap.current(
            ctx.settings.get("rdap_bootstrap")).lookup(domain)
        if not bases:
            return [self._manual(subject, domain, tld)]
        doc, url = None, ""
        for name in _registrable_candidates(domain):
            url = f"{bases[0].rstrip('/')}/domain/{name}"
            doc = await _fetch(url, ctx, missing_ok=True)
            if doc is not None:
                break
        if doc is None:
            return [self._not_registered(subject, domain, url, ctx)]
        people, redacted, source = contacts(doc), redacted_fields(doc), self_url(doc, url)
        registrar = related_registrar_url(doc)
        if registrar and not any(c.role == "registrant" for c in people):
            thick = await _fetch(registrar, ctx, missing_ok=False) or {}
            people, source = contacts(thick), self_url(thick, registrar)
            redacted += redacted_fields(thick)
        return self._assess(subject, people, redacted, source, ctx)

    def _assess(self, subject: Subject, people: list[Contact], redacted: list[str],
                source: str, ctx: CheckContext) -> list[Finding]:
        domain = subject.value
        own = is_own_domain(ctx.profile, domain)
        names = {fold(n) for n in ctx.profile.identifiers(Kind.NAME) if fold(n)}
        findings: dict[str, Finding] = {}
        shields: list[str] = []
        for contact in people:
            service = privacy_service(contact)
            if service:
                shields.append(f"{contact.role}: {service}")
                continue
            shields += [f"{contact.role} {field}" for field in contact.withheld]
            for finding in self._contact_findings(subject, contact, source, own, names, ctx):
                known = findings.get(finding.key)
                if known is None or known.severity < finding.severity:
                    findings[finding.key] = finding
        shields += [r for r in redacted if "registrant" in r.lower()] or redacted
        out = sorted(findings.values(), key=lambda f: (-f.severity, f.key))
        registrant_shown = any(c.role == "registrant" and c.lines() and not privacy_service(c)
                               for c in people)
        if shields:
            out.append(self._good(subject, "shielded", source, L10n(
                en=f"The registration of {domain} hides the holder's details",
                nl=f"De registratie van {domain} schermt de gegevens van de houder af"),
                "; ".join(dict.fromkeys(shields))))
        elif not registrant_shown:
            out.append(self._good(subject, "no-registrant-data", source, L10n(
                en=f"The registration of {domain} publishes no holder details",
                nl=f"De registratie van {domain} publiceert geen gegevens van de houder"), ""))
        return out

    def _contact_findings(self, subject: Subject, contact: Contact, source: str, own: bool,
                          names: set[str], ctx: CheckContext) -> list[Finding]:
        domain, text = subject.value, contact.text()
        matches = find_markers(text, ctx.markers)
        spans = [(m.start, m.end) for m in matches]
        spans += [(g.start, g.end) for g in generic_hits(text)
                  if not any(g.start < e and s < g.end for s, e in spans)]
        out = []
        house_number = ctx.profile.private.address.house_number
        for i, match in enumerate(matches):
            kind = match.marker.kind
            pinpointed = postcode_near_number(text, match, house_number)
            severity = Severity.HIGH if pinpointed else _MARKER_SEVERITY.get(kind, Severity.MEDIUM)
            yours = capitalised(marker_phrase(kind))
            out.append(Finding(
                check_id=self.id, subject=subject, key=f"{domain}#registration-{kind.value}",
                title=L10n(en=f"{yours.en} is in the registration data of {domain}",
                           nl=f"{yours.nl} staat in de registratiegegevens van {domain}"),
                severity=severity,
                remediation=rdap_advice.hide_contact_details(domain, _field_list(kind)),
                evidence=Evidence(url=source, excerpt=masked_excerpt(text, spans, i),
                                  matched=(marker_key(kind, with_number=bool(pinpointed)),)),
                detail=L10n(en=f"Published for the {contact.role} contact.",
                            nl=f"Gepubliceerd bij het {contact.role}-contact."),
                group=rdap_advice.private_details_group(domain)))
        if contact.role not in _ROLES:
            return out
        is_person = any(n in fold(contact.name) for n in names) if contact.name else False
        if not (own or is_person):
            return out
        matched = {m.marker.kind for m in matches}
        fields = []
        if is_person:
            fields.append("name")
        if contact.has_street_address and not matched & {MarkerKind.ADDRESS,
                                                          MarkerKind.POSTCODE}:
            fields.append("address")
        if MarkerKind.PHONE not in matched and not _only_public_phones(contact, ctx.profile):
            fields.append("phone")
        if contact.emails and not _only_public_emails(contact, ctx.profile, domain):
            fields.append("email")
        if not fields or fields == ["name"] and not own:
            return out
        private = {"address", "phone"} & set(fields)
        severity = Severity.MEDIUM if private and (is_person or not contact.org) else Severity.LOW
        role, what = _ROLES[contact.role], _join([_FIELDS[f] for f in fields])
        out.append(Finding(
            check_id=self.id, subject=subject,
            key=f"{domain}#published-{contact.role}-{'-'.join(fields)}",
            title=L10n(en=f"The registration of {domain} publishes the {what.en} of the {role.en}",
                       nl=f"De registratie van {domain} publiceert {what.nl} van de {role.nl}"),
            severity=severity,
            remediation=rdap_advice.hide_contact_details(domain, what),
            evidence=Evidence(url=source, excerpt=masked_excerpt(text, spans),
                              matched=tuple(f"registration-{f}" for f in fields),
                              labels=tuple(_FIELDS[f] for f in fields))))
        return out

    def _good(self, subject: Subject, what: str, source: str, title: L10n,
              listed: str) -> Finding:
        detail = None
        if listed:
            detail = L10n(en=f"Withheld or shielded: {listed}", nl=f"Afgeschermd: {listed}")
        return Finding(check_id=self.id, subject=subject, key=f"{subject.value}#{what}",
                       title=title, severity=Severity.INFO, kind=FindingKind.GOOD,
                       remediation=rdap_advice.keep_it(subject.value),
                       evidence=Evidence(url=source), detail=detail)

    def _manual(self, subject: Subject, domain: str, tld: str) -> Finding:
        page = registry_page(tld)
        return Finding(
            check_id=self.id, subject=subject, key=f"{domain}#whois-by-hand",
            title=L10n(en=f"Check the registration data of {domain} by hand",
                       nl=f"Controleer de registratiegegevens van {domain} zelf"),
            severity=Severity.MEDIUM, kind=FindingKind.MANUAL,
            remediation=rdap_advice.manual_lookup(domain, tld, page),
            evidence=Evidence(url=page.url),
            detail=L10n(en=f"The registry of .{tld} offers no RDAP service in IANA's list, so "
                           "footprint cannot read the registration itself.",
                        nl=f"De registry van .{tld} biedt geen RDAP-dienst in de lijst van "
                           "IANA, dus footprint kan de registratie niet zelf lezen."))

    def _not_registered(self, subject: Subject, domain: str, url: str,
                        ctx: CheckContext) -> Finding:
        for_mail = bool(mail_addresses_at(ctx.profile, domain))
        return Finding(
            check_id=self.id, subject=subject, key=f"{domain}#not-registered",
            title=L10n(en=f"The registry says {domain} is not registered",
                       nl=f"Volgens de registry is {domain} niet geregistreerd"),
            severity=Severity.HIGH if for_mail else Severity.MEDIUM,
            remediation=rdap_advice.not_registered(domain, for_mail),
            evidence=Evidence(url=url),
            detail=L10n(en="Your profile lists this domain, but its registry does not know it: "
                           "it lapsed, or the spelling is wrong. A lapsed domain can be "
                           "registered by anyone, who then receives its mail.",
                        nl="Je profiel noemt dit domein, maar de registry kent het niet: het is "
                           "verlopen, of de spelling klopt niet. Een verlopen domein kan "
                           "iedereen registreren, die dan ook de mail ervoor ontvangt."))


async def _fetch(url: str, ctx: CheckContext, *, missing_ok: bool) -> dict[str, Any] | None:
    response = await ctx.http.get(url, headers={"Accept": ACCEPT})
    host = response.request.url.host
    if response.status_code == 404 and missing_ok:
        return None
    if response.status_code == 429:
        raise Inconclusive(L10n(en=f"{host} is rate limiting (HTTP 429); try again later",
                                nl=f"{host} remt af (HTTP 429); probeer het later opnieuw"))
    if response.status_code != 200:
        raise Inconclusive(L10n(
            en=f"{host} answered HTTP {response.status_code}; the registration was not read",
            nl=f"{host} gaf HTTP {response.status_code}; de registratie is niet gelezen"))
    try:
        doc = response.json()
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or doc.get("objectClassName") != "domain":
        raise Inconclusive(L10n(en=f"{host} did not answer with an RDAP domain record",
                                nl=f"{host} antwoordde niet met een RDAP-domeinrecord"))
    return doc


def _registrable_candidates(domain: str) -> list[str]:
    """The name itself, then its parents: registries only know registered names, and a
    subdomain (mail.example.nl) is not one. Stops at the registered name by the Public
    Suffix List (example.co.uk, never co.uk)."""
    labels = domain.split(".")
    registered = registrable_domain(domain)
    depth = len(registered.split(".")) if registered else len(labels)
    return [".".join(labels[i:]) for i in range(0, max(1, len(labels) - depth + 1))]


def _field_list(kind: MarkerKind) -> L10n:
    if kind in (MarkerKind.ADDRESS, MarkerKind.POSTCODE, MarkerKind.STREET):
        return L10n(en="address", nl="het adres")
    if kind is MarkerKind.PHONE:
        return L10n(en="phone number", nl="het telefoonnummer")
    return L10n(en="contact details", nl="de contactgegevens")


def _join(parts: list[L10n]) -> L10n:
    if len(parts) == 1:
        return parts[0]
    return L10n(en=", ".join(p.en for p in parts[:-1]) + " and " + parts[-1].en,
                nl=", ".join(p.nl for p in parts[:-1]) + " en " + parts[-1].nl)


def _only_public_emails(contact: Contact, profile: Profile, domain: str) -> bool:
    """An address you list as public anyway, at the domain itself, is no news."""
    public = {e.lower() for e in profile.public.emails}
    return all(e.lower() in public or e.lower().endswith("@" + domain) for e in contact.emails)


def _only_public_phones(contact: Contact, profile: Profile) -> bool:
    """True when no phone is published, or only numbers you list as public."""
    public = set().union(*(phone_variants(p) for p in profile.public.phones))
    return all(fold(p) in public for p in contact.phones)
