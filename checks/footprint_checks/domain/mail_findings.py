"""From a domain's mail records to findings, with severity by impersonation risk.

The risk is "can someone else send mail that receivers accept as coming from you". SPF
lets receivers check the sending server, DMARC tells them to reject what fails and where
to report it; a domain that sends no mail can say so outright. Severity of one missing
piece depends on the others: no SPF with an enforcing DMARC policy is a small gap, no SPF
and no DMARC leaves the door open.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.models import Evidence, Finding, FindingKind, L10n, Remediation, Severity, Subject
from footprint_checks.domain import mail_advice as advice
from footprint_checks.domain.mail_facts import MailFacts
from footprint_checks.domain.spf import LOOKUP_LIMIT


@dataclass(frozen=True, slots=True)
class Issue:
    key: str
    severity: Severity
    title: L10n
    remediation: Remediation
    excerpt: str | None
    kind: FindingKind = FindingKind.EXPOSURE
    detail: L10n | None = None


def assess(check_id: str, subject: Subject, facts: MailFacts,
           own_addresses: tuple[str, ...]) -> list[Finding]:
    if facts.sends_no_mail:
        issues = [_no_mail(facts)]
    else:
        spf_ok, spf_issue = _spf(facts)
        issues = [spf_issue, _dmarc(facts, spf_ok, own_addresses)]
    issues.append(_dnssec(facts))
    return [Finding(check_id=check_id, subject=subject, key=f"{facts.domain}#{i.key}",
                    title=i.title, severity=i.severity, remediation=i.remediation,
                    evidence=Evidence(excerpt=i.excerpt), kind=i.kind, detail=i.detail)
            for i in issues]


def _good(key: str, facts: MailFacts, title: L10n, excerpt: str | None,
          detail: L10n | None = None) -> Issue:
    return Issue(key, Severity.INFO, title, advice.keep_it(facts.domain), excerpt,
                 FindingKind.GOOD, detail)


def _enforcing(facts: MailFacts) -> bool:
    return facts.dmarc_policy in ("quarantine", "reject")


def _spf(facts: MailFacts) -> tuple[bool, Issue]:
    d, open_door = facts.domain, not _enforcing(facts)
    shown = " | ".join(facts.spf_records) or None
    if not facts.spf_records:
        return False, Issue(
            "spf-missing", Severity.HIGH if open_door else Severity.LOW,
            L10n(en=f"{d} has no SPF record: receivers cannot tell your servers from others",
                 nl=f"{d} heeft geen SPF-record: ontvangers kunnen jouw servers niet van "
                    "andere onderscheiden"),
            advice.spf_fix(facts, L10n(en=f"Publish an SPF record for {d}.",
                                       nl=f"Publiceer een SPF-record voor {d}.")),
            f"{d} TXT: no record starting with v=spf1")
    if facts.spf is None or facts.spf_eval is None:
        return False, Issue(
            "spf-multiple", Severity.HIGH if open_door else Severity.MEDIUM,
            L10n(en=f"{d} has {len(facts.spf_records)} SPF records; receivers ignore all of them",
                 nl=f"{d} heeft {len(facts.spf_records)} SPF-records; ontvangers negeren ze "
                    "allemaal"),
            advice.spf_fix(facts, L10n(en=f"Merge the SPF records of {d} into one.",
                                       nl=f"Voeg de SPF-records van {d} samen tot één."),),
            shown)
    result = facts.spf_eval
    if result.broken:
        targets = ", ".join(result.broken)
        return False, Issue(
            "spf-broken-include", Severity.HIGH if open_door else Severity.MEDIUM,
            L10n(en=f"The SPF record of {d} refers to {targets}, which has no single SPF record",
                 nl=f"Het SPF-record van {d} verwijst naar {targets}, dat geen enkel "
                    "SPF-record heeft"),
            advice.spf_fix(facts, L10n(en=f"Remove or correct the reference to {targets}.",
                                       nl=f"Verwijder of verbeter de verwijzing naar "
                                          f"{targets}.")),
            shown)
    if result.lookups > LOOKUP_LIMIT:
        return False, Issue(
            "spf-too-many-lookups", Severity.HIGH if open_door else Severity.MEDIUM,
            L10n(en=f"The SPF record of {d} needs {result.lookups} DNS lookups; receivers stop "
                    f"at {LOOKUP_LIMIT} and treat it as broken",
                 nl=f"Het SPF-record van {d} vraagt {result.lookups} DNS-lookups; ontvangers "
                    f"stoppen bij {LOOKUP_LIMIT} en zien het als kapot"),
            advice.spf_lookups_fix(facts, result.lookups), shown)
    if result.effective_all == "+":
        return False, Issue(
            "spf-allows-anyone", Severity.HIGH,
            L10n(en=f"The SPF record of {d} ends in +all: it approves every server on earth",
                 nl=f"Het SPF-record van {d} eindigt op +all: het keurt elke server ter "
                    "wereld goed"),
            advice.spf_fix(facts, L10n(en="End the SPF record with ~all or -all.",
                                       nl="Laat het SPF-record eindigen op ~all of -all.")),
            shown)
    if result.effective_all not in ("-", "~"):
        return False, Issue(
            "spf-no-fail", Severity.MEDIUM if open_door else Severity.LOW,
            L10n(en=f"The SPF record of {d} does not end in -all or ~all, so it rejects nothing",
                 nl=f"Het SPF-record van {d} eindigt niet op -all of ~all, dus het weigert "
                    "niets"),
            advice.spf_fix(facts, L10n(en="End the SPF record with ~all or -all.",
                                       nl="Laat het SPF-record eindigen op ~all of -all.")),
            shown)
    detail = None
    if result.incomplete:
        detail = L10n(en="Very large SPF tree: footprint stopped counting lookups early.",
                      nl="Zeer grote SPF-boom: footprint stopte vroeg met tellen.")
    return True, _good("spf-ok", facts, L10n(
        en=f"{d} has a valid SPF record ({result.lookups} of {LOOKUP_LIMIT} lookups)",
        nl=f"{d} heeft een geldig SPF-record ({result.lookups} van {LOOKUP_LIMIT} lookups)"),
        shown, detail)


def _dmarc(facts: MailFacts, spf_ok: bool, own: tuple[str, ...]) -> Issue:
    d = facts.domain
    weak = Severity.MEDIUM if spf_ok else Severity.HIGH
    shown = " | ".join(facts.dmarc_records) or None
    if not facts.dmarc_records:
        return Issue(
            "dmarc-missing", weak,
            L10n(en=f"{d} has no DMARC policy: mail forged in its name is still delivered",
                 nl=f"{d} heeft geen DMARC-beleid: vervalste mail uit naam van dit domein "
                    "wordt gewoon bezorgd"),
            advice.dmarc_fix(facts, own, L10n(en=f"Publish a DMARC policy for {d}.",
                                              nl=f"Publiceer een DMARC-beleid voor {d}.")),
            f"_dmarc.{d} TXT: no record starting with v=DMARC1")
    policy = facts.dmarc_policy
    if facts.dmarc is None or policy not in ("none", "quarantine", "reject"):
        return Issue(
            "dmarc-invalid", weak,
            L10n(en=f"The DMARC record of {d} is not valid (several records, or no policy)",
                 nl=f"Het DMARC-record van {d} is ongeldig (meerdere records, of geen beleid)"),
            advice.dmarc_fix(facts, own, L10n(en=f"Publish one valid DMARC record for {d}.",
                                              nl=f"Publiceer één geldig DMARC-record voor "
                                                 f"{d}.")),
            shown)
    if policy == "none":
        return Issue(
            "dmarc-policy-none", weak,
            L10n(en=f"The DMARC policy of {d} is p=none: it only watches, forged mail is "
                    "still delivered",
                 nl=f"Het DMARC-beleid van {d} is p=none: het kijkt alleen, vervalste mail "
                    "wordt nog bezorgd"),
            advice.dmarc_fix(facts, own, L10n(en="Move the DMARC policy to quarantine, then "
                                                 "reject.",
                                              nl="Zet het DMARC-beleid op quarantine, daarna "
                                                 "op reject.")),
            shown)
    if facts.dmarc.pct < 100:
        return Issue(
            "dmarc-partial", Severity.LOW,
            L10n(en=f"The DMARC policy of {d} applies to only {facts.dmarc.pct}% of forged mail",
                 nl=f"Het DMARC-beleid van {d} geldt maar voor {facts.dmarc.pct}% van de "
                    "vervalste mail"),
            advice.dmarc_fix(facts, own, L10n(en="Remove pct= from the DMARC record.",
                                              nl="Haal pct= uit het DMARC-record.")),
            shown)
    if not facts.dmarc.rua:
        return Issue(
            "dmarc-no-reports", Severity.LOW,
            L10n(en=f"The DMARC policy of {d} asks for no reports (rua): you do not see abuse",
                 nl=f"Het DMARC-beleid van {d} vraagt geen rapporten (rua): je ziet misbruik "
                    "niet"),
            advice.dmarc_reports_fix(facts, own), shown)
    detail = None
    if policy == "quarantine":
        detail = L10n(en="When the reports show only your own services, move to p=reject.",
                      nl="Tonen de rapporten alleen je eigen diensten, ga dan naar p=reject.")
    return _good("dmarc-ok", facts, L10n(
        en=f"{d} has an enforcing DMARC policy (p={policy}) with reports",
        nl=f"{d} heeft een afdwingend DMARC-beleid (p={policy}) met rapporten"), shown, detail)


def _no_mail(facts: MailFacts) -> Issue:
    d = facts.domain
    missing = []
    if not facts.null_mx:
        missing.append("mx")
    if not (facts.spf is not None and facts.spf.terms == ("-all",)):
        missing.append("spf")
    if facts.dmarc_policy != "reject":
        missing.append("dmarc")
    if not missing:
        return _good("no-mail-locked", facts, L10n(
            en=f"{d} says it sends no mail (null MX, v=spf1 -all, p=reject)",
            nl=f"{d} zegt dat het geen mail verstuurt (null-MX, v=spf1 -all, p=reject)"), None)
    if facts.dmarc_policy == "reject":
        severity = Severity.LOW
    elif "spf" not in missing:
        severity = Severity.MEDIUM
    else:
        severity = Severity.HIGH
    return Issue(
        "no-mail-unlocked", severity,
        L10n(en=f"{d} handles no mail, but nothing stops others sending mail in its name",
             nl=f"{d} doet niets met mail, maar niets houdt anderen tegen uit naam ervan te "
                "mailen"),
        advice.no_mail_fix(facts, missing), " | ".join(facts.spf_records) or None,
        detail=L10n(en="No mail server (MX) and no SPF record that approves a sender. If the "
                       "domain does send mail (a newsletter service, say), publish SPF and "
                       "DMARC for it instead.",
                    nl="Geen mailserver (MX) en geen SPF-record dat een afzender goedkeurt. "
                       "Verstuurt het domein toch mail (bijvoorbeeld via een nieuwsbrief"
                       "dienst), publiceer dan SPF en DMARC ervoor."))


def _dnssec(facts: MailFacts) -> Issue:
    d = facts.domain
    if not facts.signed:
        return Issue(
            "dnssec-unsigned", Severity.LOW,
            L10n(en=f"{d} is not signed with DNSSEC: its DNS answers can be forged",
                 nl=f"{d} is niet ondertekend met DNSSEC: de DNS-antwoorden kunnen vervalst "
                    "worden"),
            advice.dnssec_fix(d), f"{d} DS: no record at the parent zone")
    if facts.validated:
        # The AD flag is the resolver's word, carried unprotected: anyone on the path (a
        # conference network) can set it. Say whose word it is.
        return _good("dnssec-ok", facts, L10n(
            en=f"{d} is signed with DNSSEC, and your resolver reports that the signatures "
               "validate",
            nl=f"{d} is ondertekend met DNSSEC, en je resolver meldt dat de handtekeningen "
               "kloppen"), None,
            L10n(en="footprint does not check the signatures itself: it relies on your "
                    "resolver's 'authenticated data' flag, which a network you do not trust "
                    "can forge. Run the scan from a trusted network to rely on it.",
                 nl="footprint controleert de handtekeningen niet zelf: het vertrouwt op de "
                    "'authenticated data'-vlag van je resolver, die een netwerk dat je niet "
                    "vertrouwt kan vervalsen. Draai de scan vanaf een vertrouwd netwerk om erop "
                    "te bouwen."))
    return _good("dnssec-signed", facts, L10n(
        en=f"{d} is signed with DNSSEC (DS record at the parent)",
        nl=f"{d} is ondertekend met DNSSEC (DS-record bij de bovenliggende zone)"), None,
        L10n(en="Your DNS resolver does not validate DNSSEC, so footprint could not confirm "
                "the signatures themselves.",
             nl="Je DNS-resolver controleert DNSSEC niet, dus footprint kon de handtekeningen "
                "zelf niet bevestigen."))
