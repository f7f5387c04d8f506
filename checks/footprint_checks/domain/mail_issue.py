"""The pieces every mail finding is made of: an issue, and good news."""

from __future__ import annotations

from dataclasses import dataclass

from footprint.models import FindingKind, L10n, Remediation, Severity
from footprint_checks.domain import mail_advice as advice
from footprint_checks.domain.mail_facts import MailFacts


@dataclass(frozen=True, slots=True)
class Issue:
    key: str
    severity: Severity
    title: L10n
    remediation: Remediation
    excerpt: str | None
    kind: FindingKind = FindingKind.EXPOSURE
    detail: L10n | None = None


def good(key: str, facts: MailFacts, title: L10n, excerpt: str | None,
         detail: L10n | None = None) -> Issue:
    return Issue(key, Severity.INFO, title, advice.keep_it(facts.domain), excerpt,
                 FindingKind.GOOD, detail)


def enforcing(facts: MailFacts) -> bool:
    return facts.dmarc_policy in ("quarantine", "reject")
