"""example.openpgp: is a public key for your email address on keys.openpgp.org?"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from footprint.plugin import (
    BaseCheck,
    CheckContext,
    Disclosure,
    Effort,
    Evidence,
    Finding,
    Inconclusive,
    Kind,
    L10n,
    Link,
    Remediation,
    Severity,
    Subject,
)

DEFAULT_BASE = "https://keys.openpgp.org"


class OpenPgpKeyCheck(BaseCheck):
    id = "example.openpgp"
    title = L10n(en="Email address on the OpenPGP keyserver",
                 nl="E-mailadres op de OpenPGP-sleutelserver")
    inputs = frozenset({Kind.EMAIL})
    # endpoint: an [endpoints] openpgp override names its own host in the report
    disclosures = (Disclosure("keys.openpgp.org",
                              L10n(en="your email address", nl="je e-mailadres"),
                              endpoint="openpgp"),)
    timeout_s = 15.0

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        base = ctx.endpoint("openpgp", DEFAULT_BASE)
        url = f"{base}/vks/v1/by-email/{quote(subject.value, safe='')}"
        response = await ctx.http.get(url)
        if response.status_code == 404:
            return []
        if response.status_code != 200 or "BEGIN PGP PUBLIC KEY" not in response.text:
            raise Inconclusive(f"unexpected answer from keys.openpgp.org "
                               f"(HTTP {response.status_code})")
        return [Finding(
            check_id=self.id, subject=subject, key="published-key",
            title=L10n(en="A public key with your email address is published",
                       nl="Er is een publieke sleutel met je e-mailadres gepubliceerd"),
            severity=Severity.LOW,
            evidence=Evidence(url=f"{base}/search?q={quote(subject.value, safe='')}"),
            remediation=Remediation(
                summary=L10n(en="Remove the identity from the keyserver if you no longer "
                                "want it public.",
                             nl="Verwijder de identiteit van de sleutelserver als je haar "
                                "niet langer openbaar wilt."),
                steps=(L10n(en="Open the management page and request a link for this "
                               "address.",
                            nl="Open de beheerpagina en vraag een link aan voor dit adres."),),
                links=(Link(f"{base}/manage",
                            L10n(en="keys.openpgp.org: manage", nl="keys.openpgp.org: beheer")),),
                effort=Effort.MINUTES,
            ),
        )]
