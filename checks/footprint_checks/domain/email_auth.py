"""domain.email-auth: can someone else send mail that looks like it comes from you?"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from footprint.check import BaseCheck, CheckContext
from footprint.models import Disclosure, Finding, Kind, L10n, Subject
from footprint.profile.model import Profile
from footprint_checks.domain.mail_facts import gather
from footprint_checks.domain.mail_findings import assess
from footprint_checks.domain.names import domain_subjects, mail_addresses_at


class EmailAuthCheck(BaseCheck):
    id = "domain.email-auth"
    title = L10n(en="Protection against mail sent in your name",
                 nl="Bescherming tegen mail uit jouw naam")
    inputs = frozenset({Kind.DOMAIN, Kind.EMAIL})
    disclosures = (Disclosure(
        host="your DNS resolver (and through it the domains' name servers)",
        sends=L10n(en="DNS queries for the MX, TXT (SPF), _dmarc TXT and DS records of each "
                      "domain, and for the names its SPF record includes or names (TXT, A, "
                      "MX)",
                   nl="DNS-vragen naar de MX-, TXT- (SPF), _dmarc-TXT- en DS-records van elk "
                      "domein, en van de namen die het SPF-record insluit of noemt (TXT, A, "
                      "MX)")),)
    timeout_s = 30.0

    def subjects(self, profile: Profile) -> Sequence[Subject]:
        return domain_subjects(profile)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        facts = await gather(subject.value, ctx.dns, ctx.markers)
        own = mail_addresses_at(ctx.profile, subject.value)
        return assess(self.id, subject, facts, own)
