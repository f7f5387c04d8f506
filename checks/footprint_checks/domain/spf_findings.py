"""SPF findings: is the record there, does every receiver accept it, and what does it say
about servers it does not list."""

from __future__ import annotations

from footprint.models import L10n, Severity
from footprint_checks.domain import mail_advice as advice
from footprint_checks.domain.mail_facts import MailFacts
from footprint_checks.domain.mail_issue import Issue, enforcing, good
from footprint_checks.domain.spf import LOOKUP_LIMIT, VOID_LIMIT


def spf_issue(facts: MailFacts) -> tuple[bool, Issue]:
    d, open_door = facts.domain, not enforcing(facts)
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
    return True, good("spf-ok", facts, L10n(
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
