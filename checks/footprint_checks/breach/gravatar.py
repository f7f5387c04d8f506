"""email.gravatar: the public Gravatar profile that anyone can pull up with your address."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive
from footprint.i18n import marker_sentence
from footprint.matching import find_markers, masked_excerpt
from footprint.matchkeys import marker_key
from footprint.models import (
    Disclosure,
    Effort,
    Evidence,
    Finding,
    Kind,
    L10n,
    Link,
    Remediation,
    Severity,
    Subject,
)
from footprint.profile.markers import Marker
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.breach.emails import checked_email

DEFAULT_BASE = "https://api.gravatar.com/v3"

# field -> (label, whether it helps find or profile you beyond a name)
_TEXT_FIELDS: dict[str, tuple[L10n, bool]] = {
    "display_name": (L10n(en="name", nl="naam"), False),
    "first_name": (L10n(en="first name", nl="voornaam"), False),
    "last_name": (L10n(en="last name", nl="achternaam"), False),
    "location": (L10n(en="location", nl="locatie"), True),
    "job_title": (L10n(en="job title", nl="functie"), False),
    "company": (L10n(en="company", nl="organisatie"), False),
    "description": (L10n(en="about text", nl="over-mij-tekst"), True),
    "pronouns": (L10n(en="pronouns", nl="voornaamwoorden"), False),
    "pronunciation": (L10n(en="pronunciation", nl="uitspraak"), False),
    "timezone": (L10n(en="time zone", nl="tijdzone"), True),
}
_PHOTO = L10n(en="photo (avatar)", nl="foto (avatar)")
_ACCOUNTS = L10n(en="verified accounts", nl="geverifieerde accounts")
_LINKS = L10n(en="links", nl="links")
_CONTACT = L10n(en="contact details", nl="contactgegevens")
_PAYMENTS = L10n(en="payment links or wallets", nl="betaallinks of wallets")
_GALLERY = L10n(en="photo gallery", nl="fotogalerij")


def gravatar_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()


def _items(profile: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = profile.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def public_fields(profile: dict[str, Any]) -> tuple[list[L10n], list[str], bool]:
    """Labels of the fields that are filled in, the texts in them (for local matching), and
    whether any of them goes beyond a name and a photo."""
    labels: list[L10n] = []
    texts: list[str] = []
    revealing = False
    for key, (label, reveals) in _TEXT_FIELDS.items():
        value = profile.get(key)
        if isinstance(value, str) and value.strip():
            labels.append(label)
            texts.append(value.strip())
            revealing |= reveals
    if isinstance(profile.get("avatar_url"), str) and profile["avatar_url"]:
        labels.append(_PHOTO)
    accounts = [a for a in _items(profile, "verified_accounts") if not a.get("is_hidden")]
    if accounts:
        labels.append(_ACCOUNTS)
        texts += [str(a.get("url", "")) for a in accounts]
        revealing = True
    links = _items(profile, "links")
    if links:
        labels.append(_LINKS)
        texts += [f"{a.get('label', '')} {a.get('url', '')}" for a in links]
        revealing = True
    contact = profile.get("contact_info")
    if isinstance(contact, dict) and any(isinstance(v, str) and v for v in contact.values()):
        labels.append(_CONTACT)
        texts += [v for v in contact.values() if isinstance(v, str) and v]
        revealing = True
    payments = profile.get("payments")
    if isinstance(payments, dict) and any(payments.get(k) for k in ("links", "crypto_wallets")):
        labels.append(_PAYMENTS)
        revealing = True
    if _items(profile, "gallery"):
        labels.append(_GALLERY)
        revealing = True
    return labels, texts, revealing


def _remediation(labels: Sequence[L10n]) -> Remediation:
    shown_en = ", ".join(label.en for label in labels)
    shown_nl = ", ".join(label.nl for label in labels)
    return Remediation(
        summary=L10n(en="Empty the Gravatar fields you do not want public, or make the whole "
                        "profile private.",
                     nl="Maak de Gravatar-velden leeg die je niet openbaar wilt, of maak het "
                        "hele profiel privé."),
        steps=(
            L10n(en="Sign in at gravatar.com with this address and open your profile editor.",
                 nl="Log in op gravatar.com met dit adres en open je profieleditor."),
            L10n(en=f"Public now: {shown_en}. Empty the fields you do not need, starting with "
                    "location and the about text.",
                 nl=f"Nu openbaar: {shown_nl}. Maak de velden leeg die je niet nodig hebt, te "
                    "beginnen met locatie en de over-mij-tekst."),
            L10n(en="Under verified accounts and links, hide or remove accounts you do not "
                    "want tied to this address.",
                 nl="Verberg of verwijder bij geverifieerde accounts en links de accounts die "
                    "je niet aan dit adres gekoppeld wilt hebben."),
            L10n(en="To hide everything at once: in the Privacy section of the profile editor, "
                    "switch off 'Public profile' (this also closes it to the public API) and, "
                    "if you like, 'Public avatar'; at least switch on 'Discourage search "
                    "engines'.",
                 nl="Alles tegelijk verbergen: zet in het onderdeel Privacy van de "
                    "profieleditor 'Public profile' uit (dat sluit ook de openbare API af) en "
                    "desgewenst 'Public avatar'; zet in elk geval 'Discourage search engines' "
                    "aan."),
            L10n(en="If you do not use Gravatar at all, disable or close the account; sites "
                    "that show your avatar embed a hash of this address.",
                 nl="Gebruik je Gravatar helemaal niet, schakel het account dan uit of sluit "
                    "het; sites die je avatar tonen bevatten een hash van dit adres."),
        ),
        links=(Link("https://gravatar.com/profile", L10n(en="Gravatar profile editor",
                                                          nl="Gravatar-profieleditor")),
               Link("https://support.gravatar.com/profiles/profile-access/",
                    L10n(en="Gravatar: profile privacy and access",
                         nl="Gravatar: privacy en toegang van je profiel"))),
        effort=Effort.MINUTES,
    )


class GravatarCheck(BaseCheck):
    id = "email.gravatar"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="Public Gravatar profile of your email addresses",
                 nl="Openbaar Gravatar-profiel van je e-mailadressen")
    inputs = frozenset({Kind.EMAIL})
    disclosures = (Disclosure(
        host="api.gravatar.com", endpoint="gravatar",
        sends=L10n(en="the SHA-256 hash of each email address (anyone who knows the address "
                      "can compute it), and GRAVATAR_API_KEY if set",
                   nl="de SHA-256-hash van elk e-mailadres (wie het adres kent kan die "
                      "berekenen), en GRAVATAR_API_KEY als die is gezet")),)
    optional_secrets = ("GRAVATAR_API_KEY",)

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        digest = gravatar_hash(checked_email(subject))
        base = ctx.endpoint("gravatar", DEFAULT_BASE)
        headers = {"Accept": "application/json"}
        key = ctx.secrets.get("GRAVATAR_API_KEY", "").strip()
        if key:  # an authenticated read shows what any developer with a free key sees
            headers["Authorization"] = f"Bearer {key}"
        response = await ctx.http.get(f"{base}/profiles/{digest}", headers=headers,
                                       api=True)
        profile = _profile(response)
        if profile is None:
            return []
        return [self._finding(subject, profile, ctx.markers)]

    def _finding(self, subject: Subject, profile: dict[str, Any],
                 markers: Sequence[Marker]) -> Finding:
        labels, texts, revealing = public_fields(profile)
        text = "\n".join(texts)
        matches = find_markers(text, markers)
        severity = Severity.MEDIUM if revealing else Severity.LOW
        if matches:
            severity = Severity.HIGH
        spans = [(m.start, m.end) for m in matches]
        shown_en = ", ".join(label.en for label in labels) or "no fields filled in"
        shown_nl = ", ".join(label.nl for label in labels) or "geen velden ingevuld"
        url = profile.get("profile_url")
        detail = L10n(en=f"Anyone who knows {subject.value} can see: {shown_en}.",
                      nl=f"Wie {subject.value} kent, ziet: {shown_nl}.")
        if matches:
            shows = marker_sentence("shows", sorted({m.marker.kind.value for m in matches}))
            detail = L10n(en=f"{detail.en} {shows.en}", nl=f"{detail.nl} {shows.nl}")
        return Finding(
            check_id=self.id,
            subject=subject,
            key="profile",
            title=L10n(en=f"{subject.value} has a public Gravatar profile",
                       nl=f"{subject.value} heeft een openbaar Gravatar-profiel"),
            severity=severity,
            remediation=_remediation(labels),
            evidence=Evidence(url=url if isinstance(url, str) and url else None,
                              excerpt=masked_excerpt(text, spans) if text else None,
                              matched=tuple(sorted({marker_key(m.marker.kind) for m in matches}))),
            detail=detail,
        )


def _profile(response: httpx.Response) -> dict[str, Any] | None:
    status = response.status_code
    if status == 404:
        return None  # no public profile for this address
    if status == 429:
        raise Inconclusive(L10n(
            en="Gravatar rate limit reached (HTTP 429: 100 profile lookups an hour without a "
               "key); try again later",
            nl="Gravatar-limiet bereikt (HTTP 429: 100 profielen per uur zonder sleutel); "
               "probeer het later opnieuw"))
    if status == 200:
        try:
            data = response.json()
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("hash"), str):
            return data
        raise Inconclusive(L10n(en="Gravatar answered with something other than a profile",
                                nl="Gravatar antwoordde met iets anders dan een profiel"))
    if status in (401, 403):
        raise Inconclusive(L10n(
            en=f"Gravatar refused the request (HTTP {status}); check GRAVATAR_API_KEY if set",
            nl=f"Gravatar weigerde het verzoek (HTTP {status}); controleer GRAVATAR_API_KEY "
               "als die is gezet"))
    raise Inconclusive(L10n(en=f"unexpected answer from Gravatar (HTTP {status})",
                            nl=f"onverwacht antwoord van Gravatar (HTTP {status})"))
