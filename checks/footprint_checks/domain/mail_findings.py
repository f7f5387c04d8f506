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
from footprint_checks.domain.dmarc import sampled_fallback
from footprint_checks.domain.mail_facts import MailFacts
from footprint_checks.domain.spf import LOOKUP_LIMIT, VOID_LIMIT


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
    if facts.spf is not None and facts.spf.error is not None:
        return False, _spf_permerror(facts, d, facts.spf.error.term, facts.spf.error.reason,
                                     open_door, shown)
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
    if result.problems:
        problem = result.problems[0]
        inside = "" if problem.where == d else f" (in the record of {problem.where})"
        binnen = "" if problem.where == d else f" (in het record van {problem.where})"
        reason = L10n(en=problem.reason.en + inside, nl=problem.reason.nl + binnen)
        return False, _spf_permerror(facts, d, problem.term, reason, open_door, shown)
    if result.broken:
        targets = ", ".join(result.broken)
        return False, Issue(
            "spf-broken-include", Severity.HIGH if open_door else Severity.MEDIUM,
            L10n(en=f"The SPF record of {d} refers to {targets}, which has no single SPF "
                    "record (permerror: receivers ignore your SPF record)",
                 nl=f"Het SPF-record van {d} verwijst naar {targets}, dat niet precies één "
                    "SPF-record heeft (permerror: ontvangers negeren je SPF-record)"),
            advice.spf_fix(facts, L10n(en=f"Remove or correct the reference to {targets}.",
                                       nl=f"Verwijder of verbeter de verwijzing naar "
                                          f"{targets}.")),
            shown)
    if result.lookups > LOOKUP_LIMIT:
        return False, Issue(
            "spf-too-many-lookups", Severity.HIGH if open_door else Severity.MEDIUM,
            L10n(en=f"The SPF record of {d} needs more than {LOOKUP_LIMIT} DNS lookups; "
                    "receivers stop there (permerror) and ignore your SPF record",
                 nl=f"Het SPF-record van {d} vraagt meer dan {LOOKUP_LIMIT} DNS-lookups; "
                    "ontvangers stoppen daar (permerror) en negeren je SPF-record"),
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
    if result.void_lookups > VOID_LIMIT:
        return False, _spf_permerror(facts, d, "", L10n(
            en=f"{result.void_lookups} lookups find no records; receivers stop after "
               f"{VOID_LIMIT}", nl=f"{result.void_lookups} lookups vinden geen records; "
               f"ontvangers stoppen na {VOID_LIMIT}"), open_door, shown)
    if result.effective_all not in ("-", "~"):
        ending = (L10n(en="ends in ?all (neutral): it says nothing about other servers",
                       nl="eindigt op ?all (neutraal): het zegt niets over andere servers")
                  if result.effective_all == "?" else
                  L10n(en="has no 'all' at the end: servers it does not list get a neutral "
                          "result", nl="heeft geen 'all' aan het eind: servers die er niet in "
                       "staan krijgen een neutrale uitkomst"))
        return False, Issue(
            "spf-no-fail", Severity.MEDIUM if open_door else Severity.LOW,
            L10n(en=f"The SPF record of {d} {ending.en}, so it rejects nothing",
                 nl=f"Het SPF-record van {d} {ending.nl}, dus het weigert niets"),
            advice.spf_fix(facts, L10n(en="End the SPF record with ~all or -all.",
                                       nl="Laat het SPF-record eindigen op ~all of -all.")),
            shown)
    if result.effective_all == "-":
        policy = L10n(en="ends in -all: receivers may reject mail from any other server",
                      nl="eindigt op -all: ontvangers mogen mail van elke andere server "
                         "weigeren")
        detail = None
    else:
        policy = L10n(en="ends in ~all: mail from other servers is accepted but marked as "
                         "suspicious (softfail)",
                      nl="eindigt op ~all: mail van andere servers wordt aangenomen maar als "
                         "verdacht gemarkeerd (softfail)")
        detail = L10n(en="With ~all it is your DMARC policy (quarantine or reject) that makes "
                         "receivers act on it. Once every service that sends as you is listed, "
                         "-all is the strict form.",
                      nl="Met ~all zorgt je DMARC-beleid (quarantine of reject) ervoor dat "
                         "ontvangers er iets mee doen. Staan alle diensten die namens jou mailen "
                         "erin, dan is -all de strenge vorm.")
    if result.incomplete:
        detail = L10n(en="Very large SPF tree: footprint stopped counting lookups early.",
                      nl="Zeer grote SPF-boom: footprint stopte vroeg met tellen.")
    return True, _good("spf-ok", facts, L10n(
        en=f"{d} has a valid SPF record that {policy.en} ({result.lookups} of {LOOKUP_LIMIT} "
           "lookups)",
        nl=f"{d} heeft een geldig SPF-record dat {policy.nl} ({result.lookups} van "
           f"{LOOKUP_LIMIT} lookups)"), shown, detail)


def _spf_permerror(facts: MailFacts, d: str, term: str, reason: L10n, open_door: bool,
                   shown: str | None) -> Issue:
    """RFC 7208 permerror: receivers ignore the whole record, as if there were none."""
    named = f" at '{term}'" if term else ""
    genoemd = f" bij '{term}'" if term else ""
    fix = (L10n(en=f"Correct or remove '{term}': {reason.en}.",
                nl=f"Verbeter of verwijder '{term}': {reason.nl}.") if term else
           L10n(en=f"Correct the SPF record of {d}: {reason.en}.",
                nl=f"Verbeter het SPF-record van {d}: {reason.nl}."))
    return Issue(
        "spf-permerror", Severity.HIGH if open_door else Severity.MEDIUM,
        L10n(en=f"The SPF record of {d} is broken{named} (permerror): receivers ignore your "
                "SPF record",
             nl=f"Het SPF-record van {d} is kapot{genoemd} (permerror): ontvangers negeren je "
                "SPF-record"),
        advice.spf_fix(facts, fix), shown,
        detail=L10n(en=f"{reason.en}. A receiver that meets an error like this stops and "
                       "treats the record as a permanent error (RFC 7208), the same as having "
                       "no SPF record at all.",
                    nl=f"{reason.nl}. Een ontvanger die zo'n fout tegenkomt, stopt en ziet het "
                       "record als permanente fout (RFC 7208), net alsof er geen SPF-record is."))


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
        return _good("dnssec-ok", facts, L10n(
            en=f"{d} is signed with DNSSEC and the signatures validate",
            nl=f"{d} is ondertekend met DNSSEC en de handtekeningen kloppen"), None)
    return _good("dnssec-signed", facts, L10n(
        en=f"{d} is signed with DNSSEC (DS record at the parent)",
        nl=f"{d} is ondertekend met DNSSEC (DS-record bij de bovenliggende zone)"), None,
        L10n(en="Your DNS resolver does not validate DNSSEC, so footprint could not confirm "
                "the signatures themselves.",
             nl="Je DNS-resolver controleert DNSSEC niet, dus footprint kon de handtekeningen "
                "zelf niet bevestigen."))
