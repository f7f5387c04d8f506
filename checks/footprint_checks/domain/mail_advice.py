"""The exact DNS records that stop others from sending mail in your name."""

from __future__ import annotations

from footprint.models import Effort, L10n, Link, Remediation
from footprint_checks.domain.dmarc import DmarcRecord
from footprint_checks.domain.mail_facts import MailFacts, known_mail_host

_DNS_HOST = L10n(
    en="Open the DNS settings of the domain at your DNS host (usually the company where you "
       "registered it).",
    nl="Open de DNS-instellingen van het domein bij je DNS-beheerder (meestal het bedrijf "
       "waar je het registreerde).")
_NOT_YOURS = L10n(
    en="Not your domain to manage (an employer's or party's)? Forward this advice to whoever "
       "manages it.",
    nl="Beheer je dit domein niet zelf (werkgever of partij)? Stuur dit advies door naar wie "
       "het beheert.")
_LINKS = (
    Link("https://www.ncsc.nl/", L10n(en="NCSC-NL: email security", nl="NCSC: e-mailbeveiliging")),
    Link("https://internet.nl/", L10n(en="internet.nl: test your domain",
                                      nl="internet.nl: test je domein")),
)


def record(name: str, rdtype: str, value: str) -> str:
    shown = f'"{value}"' if rdtype == "TXT" else value
    return f"{name}. {rdtype} {shown}"


def _add(rec: str) -> L10n:
    return L10n(en=f"Add this record: {rec}", nl=f"Voeg dit record toe: {rec}")


def _replace(old: str, rec: str) -> L10n:
    return L10n(en=f"Replace {old} with: {rec}", nl=f"Vervang {old} door: {rec}")


def report_address(facts: MailFacts, own_addresses: tuple[str, ...]) -> str:
    if facts.dmarc is not None and facts.dmarc.rua:
        return facts.dmarc.rua[0]
    mailbox = own_addresses[0] if own_addresses else f"dmarc-reports@{facts.domain}"
    return f"mailto:{mailbox}"


def suggested_spf(facts: MailFacts) -> str:
    if facts.spf_records and len(facts.spf_records) > 1:
        terms = dict.fromkeys(t for r in facts.spf_records for t in r.split()[1:]
                              if not t.lstrip("+-~?").lower().startswith(("all", "redirect=")))
        return " ".join(["v=spf1", *terms, "~all"])
    if facts.spf is not None:
        kept = [t for t in facts.spf.terms if not t.lstrip("+-~?").lower() == "all"
                and (facts.spf.error is None or t != facts.spf.error.term)]
        return " ".join(["v=spf1", *kept, "~all"])
    host = known_mail_host(facts)
    return f"v=spf1 include:{host.include} ~all" if host else "v=spf1 mx ~all"


def suggested_dmarc(facts: MailFacts, own_addresses: tuple[str, ...],
                    policy: str = "quarantine") -> str:
    tags: dict[str, str] = {}
    if isinstance(facts.dmarc, DmarcRecord) and not facts.dmarc_inherited:
        tags = {k: v for k, v in facts.dmarc.tags.items() if k not in ("v", "p", "pct")}
        # receivers ignore a rua without mailto:; a plain address gets the scheme it lacks
        mended = [*facts.dmarc.rua, *(f"mailto:{u}" for u in facts.dmarc.rua_ignored
                                      if "@" in u and ":" not in u)]
        tags.pop("rua", None)
        if mended:
            tags["rua"] = ",".join(mended)
    tags.setdefault("rua", report_address(facts, own_addresses))
    return "; ".join([f"v=DMARC1; p={policy}", *(f"{k}={v}" for k, v in tags.items())])


def spf_fix(facts: MailFacts, problem: L10n) -> Remediation:
    rec = record(facts.domain, "TXT", suggested_spf(facts))
    steps = [_DNS_HOST]
    if facts.spf_records:
        steps.append(_replace("the SPF record (the TXT record starting with v=spf1)", rec))
    else:
        steps.append(_add(rec))
    host = known_mail_host(facts)
    if host is None:
        steps.append(L10n(
            en="'mx' allows your own mail servers; add include:... for every other service "
               "that sends mail as this domain (newsletter, website forms), as that service "
               "documents.",
            nl="'mx' staat je eigen mailservers toe; voeg include:... toe voor elke andere "
               "dienst die namens dit domein mailt (nieuwsbrief, websiteformulieren), zoals "
               "die dienst beschrijft."))
    steps += [L10n(en="Keep a single SPF record with at most 10 DNS lookups.",
                   nl="Houd één SPF-record met hoogstens 10 DNS-lookups."), _NOT_YOURS]
    return Remediation(summary=problem, steps=tuple(steps), links=_LINKS, effort=Effort.MINUTES)


def spf_lookups_fix(facts: MailFacts, count: int) -> Remediation:
    return Remediation(
        summary=L10n(en=f"Bring the SPF record of {facts.domain} to at most 10 DNS lookups "
                        f"(now at least {count}).",
                     nl=f"Breng het SPF-record van {facts.domain} naar hoogstens 10 DNS-lookups "
                        f"(nu minstens {count})."),
        steps=(_DNS_HOST,
               L10n(en="Remove include:... entries for services you no longer use.",
                    nl="Verwijder include:...-vermeldingen van diensten die je niet meer "
                       "gebruikt."),
               L10n(en="Replace 'a' and 'mx' with the fixed ip4:/ip6: addresses of your own "
                       "servers; each costs no lookup.",
                    nl="Vervang 'a' en 'mx' door de vaste ip4:/ip6:-adressen van je eigen "
                       "servers; die kosten geen lookup."),
               _NOT_YOURS),
        links=_LINKS, effort=Effort.HOURS)


def dmarc_fix(facts: MailFacts, own: tuple[str, ...], problem: L10n) -> Remediation:
    rec = record(f"_dmarc.{facts.domain}", "TXT", suggested_dmarc(facts, own))
    has_own = (facts.dmarc_records and not facts.dmarc_inherited) or facts.dmarc_ignored
    steps = [_DNS_HOST,
             _replace(f"the TXT record at _dmarc.{facts.domain}", rec) if has_own else _add(rec),
             L10n(en="Read the reports that arrive at the rua address for 2 to 4 weeks; when "
                     "only your own services appear, change p=quarantine to p=reject.",
                  nl="Lees 2 tot 4 weken de rapporten die op het rua-adres binnenkomen; staan "
                     "er alleen je eigen diensten in, verander dan p=quarantine in p=reject."),
             _NOT_YOURS]
    return Remediation(summary=problem, steps=tuple(steps), links=_LINKS, effort=Effort.HOURS)


def dmarc_reports_fix(facts: MailFacts, own: tuple[str, ...]) -> Remediation:
    policy = facts.dmarc_policy or "quarantine"
    rec = record(f"_dmarc.{facts.domain}", "TXT", suggested_dmarc(facts, own, policy))
    return Remediation(
        summary=L10n(en=f"Ask for DMARC reports for {facts.domain}, so you see who sends in "
                        "its name.",
                     nl=f"Vraag DMARC-rapporten aan voor {facts.domain}, zodat je ziet wie "
                        "namens dit domein mailt."),
        steps=(_DNS_HOST, _replace(f"the TXT record at _dmarc.{facts.domain}", rec), _NOT_YOURS),
        links=_LINKS, effort=Effort.MINUTES)


def no_mail_fix(facts: MailFacts, missing: list[str]) -> Remediation:
    d = facts.domain
    recs = {"mx": record(d, "MX", "0 ."), "spf": record(d, "TXT", "v=spf1 -all"),
            "dmarc": record(f"_dmarc.{d}", "TXT", "v=DMARC1; p=reject;")}
    present = {"mx": bool(facts.mx), "spf": bool(facts.spf_records),
               "dmarc": bool(facts.dmarc_ignored
                             or (facts.dmarc_records and not facts.dmarc_inherited))}
    where = {"mx": f"the MX record of {d}", "spf": "the SPF record (the TXT record starting "
             "with v=spf1)", "dmarc": f"the TXT record at _dmarc.{d}"}
    steps = [_DNS_HOST] + [_replace(where[m], recs[m]) if present[m] else _add(recs[m])
                           for m in missing]
    steps.append(L10n(en="Remove other SPF, DMARC or MX records for the domain, if any.",
                      nl="Verwijder eventuele andere SPF-, DMARC- of MX-records van het domein."))
    return Remediation(
        summary=L10n(en=f"{d} sends no mail: say so in DNS, so nobody else can send in its "
                        "name.",
                     nl=f"{d} verstuurt geen mail: zeg dat in DNS, zodat niemand anders uit "
                        "naam van dit domein kan mailen."),
        steps=tuple(steps), links=_LINKS, effort=Effort.MINUTES)


def dnssec_fix(domain: str) -> Remediation:
    return Remediation(
        summary=L10n(en=f"Turn on DNSSEC for {domain}.", nl=f"Zet DNSSEC aan voor {domain}."),
        steps=(_DNS_HOST,
               L10n(en="Switch on DNSSEC; most Dutch DNS hosts do this with one setting and "
                       "publish the DS record at the registry for you.",
                    nl="Zet DNSSEC aan; de meeste Nederlandse DNS-beheerders doen dit met één "
                       "instelling en zetten het DS-record voor je bij de registry."),
               L10n(en="Moving to another DNS host later? Turn DNSSEC off first, or move it "
                       "along, so the domain keeps working.",
                    nl="Later naar een andere DNS-beheerder? Zet DNSSEC eerst uit of verhuis "
                       "het mee, zodat het domein blijft werken."),
               _NOT_YOURS),
        links=_LINKS, effort=Effort.MINUTES)


def keep_it(domain: str) -> Remediation:
    return Remediation(
        summary=L10n(en=f"Nothing to do for {domain}; keep these records in place.",
                     nl=f"Niets te doen voor {domain}; laat deze records staan."),
        effort=Effort.MINUTES)
