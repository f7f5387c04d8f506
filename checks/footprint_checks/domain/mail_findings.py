"""From a domain's mail records to findings, with severity by impersonation risk.

The risk is "can someone else send mail that receivers accept as coming from you". SPF
lets receivers check the sending server, DMARC tells them to reject what fails and where
to report it; a domain that sends no mail can say so outright. Severity of one missing
piece depends on the others: no SPF with an enforcing DMARC policy is a small gap, no SPF
and no DMARC leaves the door open.
"""

from __future__ import annotations

from footprint.models import Evidence, Finding, L10n, Severity, Subject
from footprint_checks.domain import mail_advice as advice
from footprint_checks.domain.dmarc import sampled_fallback
from footprint_checks.domain.mail_facts import MailFacts
from footprint_checks.domain.mail_issue import Issue, good
from footprint_checks.domain.spf_findings import spf_issue


def assess(check_id: str, subject: Subject, facts: MailFacts,
           own_addresses: tuple[str, ...]) -> list[Finding]:
    if facts.sends_no_mail:
        issues = [_no_mail(facts)]
    else:
        spf_ok, spf_found = spf_issue(facts)
        issues = [spf_found, _dmarc(facts, spf_ok, own_addresses)]
    issues.append(_dnssec(facts))
    return [Finding(check_id=check_id, subject=subject, key=f"{facts.domain}#{i.key}",
                    title=i.title, severity=i.severity, remediation=i.remediation,
                    evidence=Evidence(excerpt=i.excerpt), kind=i.kind, detail=i.detail)
            for i in issues]


def _dmarc(facts: MailFacts, spf_ok: bool, own: tuple[str, ...]) -> Issue:
    d = facts.domain
    weak = Severity.MEDIUM if spf_ok else Severity.HIGH
    shown = " | ".join(facts.dmarc_records) or None
    if not facts.dmarc_records and facts.dmarc_ignored:
        return Issue(
            "dmarc-ignored", weak,
            L10n(en=f"The DMARC record of {d} is ignored by receivers: it must start with "
                    "exactly v=DMARC1",
                 nl=f"Het DMARC-record van {d} wordt door ontvangers genegeerd: het moet "
                    "beginnen met precies v=DMARC1"),
            advice.dmarc_fix(facts, own, L10n(en="Start the DMARC record with v=DMARC1 "
                                                 "(capitals as written).",
                                              nl="Laat het DMARC-record beginnen met v=DMARC1 "
                                                 "(hoofdletters zoals hier).")),
            " | ".join(facts.dmarc_ignored),
            detail=L10n(en="RFC 7489 6.3: the version must match precisely, or the whole "
                           "record is ignored.",
                        nl="RFC 7489 6.3: de versie moet precies kloppen, anders wordt het "
                           "hele record genegeerd."))
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
        if facts.dmarc is None:
            why = L10n(en=f"there are {len(facts.dmarc_records)} records; receivers use none "
                          "of them",
                       nl=f"er zijn {len(facts.dmarc_records)} records; ontvangers gebruiken "
                          "er geen")
        else:
            problem = facts.dmarc.policy_problem or "p="
            why = L10n(en=f"no valid policy ({problem}; use none, quarantine or reject), and "
                          "no report address to fall back on",
                       nl=f"geen geldig beleid ({problem}; gebruik none, quarantine of "
                          "reject), en geen rapportadres om op terug te vallen")
        return Issue(
            "dmarc-invalid", weak,
            L10n(en=f"The DMARC record of {d} is not valid: {why.en}",
                 nl=f"Het DMARC-record van {d} is ongeldig: {why.nl}"),
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
        pct, rest = facts.dmarc.pct, sampled_fallback(policy)
        return Issue(
            "dmarc-partial", Severity.LOW,
            L10n(en=f"The DMARC policy of {d} is p={policy} for only {pct}% of forged mail; "
                    f"the other {100 - pct}% gets p={rest}",
                 nl=f"Het DMARC-beleid van {d} is p={policy} voor maar {pct}% van de vervalste "
                    f"mail; de andere {100 - pct}% krijgt p={rest}"),
            advice.dmarc_fix(facts, own, L10n(en="Remove pct= from the DMARC record.",
                                              nl="Haal pct= uit het DMARC-record.")),
            shown)
    if not facts.dmarc.rua:
        ignored = ", ".join(facts.dmarc.rua_ignored)
        return Issue(
            "dmarc-no-reports", Severity.LOW,
            L10n(en=f"The DMARC policy of {d} asks for no reports (rua): you do not see abuse",
                 nl=f"Het DMARC-beleid van {d} vraagt geen rapporten (rua): je ziet misbruik "
                    "niet"),
            advice.dmarc_reports_fix(facts, own), shown,
            detail=L10n(en=f"rua={ignored} is not a mailto: address, so receivers ignore it "
                           "(the policy itself still holds).",
                        nl=f"rua={ignored} is geen mailto:-adres, dus ontvangers negeren het "
                           "(het beleid zelf blijft gelden).") if ignored else None)
    detail = None
    if policy == "quarantine":
        detail = L10n(en="When the reports show only your own services, move to p=reject.",
                      nl="Tonen de rapporten alleen je eigen diensten, ga dan naar p=reject.")
    return good("dmarc-ok", facts, L10n(
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
        return good("no-mail-locked", facts, L10n(
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
        return good("dnssec-ok", facts, L10n(
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
    return good("dnssec-signed", facts, L10n(
        en=f"{d} is signed with DNSSEC (DS record at the parent)",
        nl=f"{d} is ondertekend met DNSSEC (DS-record bij de bovenliggende zone)"), None,
        L10n(en="Your DNS resolver does not validate DNSSEC, so footprint could not confirm "
                "the signatures themselves.",
             nl="Je DNS-resolver controleert DNSSEC niet, dus footprint kon de handtekeningen "
                "zelf niet bevestigen."))
