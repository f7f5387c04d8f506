"""Remediation texts and links for the register checks, in both languages.

Facts here were checked against their sources (see docs/registers.md, "Verification log");
where a fact could not be confirmed the text says so and links the source instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from footprint.matching import MarkerMatch
from footprint.matchkeys import marker_key
from footprint.models import Effort, L10n, Link, Remediation
from footprint.profile.markers import MarkerKind

KVK_CONVENANT = Link(
    "https://www.kvk.nl/over-het-handelsregister/decentrale-politieke-ambtsdragers/",
    L10n(en="KvK: shielding for decentralised political office-holders (covenant, form B)",
         nl="KVK: afscherming voor decentrale politieke ambtsdragers (convenant, formulier B)"))
KVK_OPTIONS = Link(
    "https://www.kvk.nl/over-het-handelsregister/afschermen-van-je-bezoekadres-wat-is-mogelijk/",
    L10n(en="KvK: shielding your visiting address, what is possible",
         nl="KVK: afschermen van je bezoekadres, wat is mogelijk"))
KVK_PROBABLE_THREAT = Link(
    "https://www.kvk.nl/over-het-handelsregister/waarschijnlijke-dreiging/",
    L10n(en="KvK: shielding in case of a probable threat (also for housemates)",
         nl="KVK: afscherming bij waarschijnlijke dreiging (ook voor huisgenoten)"))
KVK_NON_MAILING = Link(
    "https://www.kvk.nl/en/about-the-business-register/the-non-mailing-indicator",
    L10n(en="KvK: the non-mailing indicator", nl="KVK: de non-mailingindicator"))
KVK_API = Link("https://developers.kvk.nl/",
               L10n(en="KvK developer portal (API key for the Zoeken API)",
                    nl="KVK-ontwikkelaarsportaal (API-sleutel voor de Zoeken-API)"))
OBV_PRIVACY = Link(
    "https://github.com/ontola/openbesluitvorming/blob/master/docs/privacy.md",
    L10n(en="OpenBesluitvorming (VNG): personal data in council documents",
         nl="OpenBesluitvorming (VNG): persoonsgegevens in raadsinformatie"))
OBV_SITE = Link("https://openbesluitvorming.nl/",
                L10n(en="OpenBesluitvorming: search council documents",
                     nl="OpenBesluitvorming: raadsinformatie doorzoeken"))
AP_ERASURE = Link(
    "https://autoriteitpersoonsgegevens.nl/nl/zelf-doen/gebruik-uw-privacyrechten/"
    "recht-op-vergetelheid",
    L10n(en="Dutch DPA (AP): the right to erasure", nl="AP: het recht op vergetelheid"))

VNG_REMOVAL_EMAIL = "sander.bakker@vng.nl"


def kvk_search_link(query: str) -> str:
    from urllib.parse import quote_plus

    return f"https://www.kvk.nl/zoeken/?source=all&q={quote_plus(query)}"


KVK_AT_HOME = Remediation(
    summary=L10n(
        en="Have the visiting address shielded in the Business Register under the KvK covenant "
           "for decentralised political office-holders, and register a separate postal address.",
        nl="Laat het bezoekadres afschermen in het Handelsregister via het KVK-convenant voor "
           "decentrale politieke ambtsdragers, en registreer een afwijkend postadres."),
    steps=(
        L10n(en="Request shielding with the covenant's form (annex B) on the KvK page below. "
                "The covenant also covers a partner or housemate with their own business at "
                "your address. It is not available for a bv or nv.",
             nl="Vraag afscherming aan met het formulier (bijlage B) van het convenant op de "
                "KVK-pagina hieronder. Het convenant geldt ook voor een partner of huisgenoot "
                "met een eigen onderneming op je adres. Voor een bv of nv kan het niet."),
        L10n(en="Register a postal address that differs from your home and visiting address "
                "(a PO box is allowed); KvK requires it for shielding.",
             nl="Registreer een postadres dat afwijkt van je woon- en bezoekadres (een postbus "
                "mag); KVK vraagt dat voor afscherming."),
        L10n(en="For a sole proprietorship you can also choose 'bezoekadres afschermen' "
                "yourself once a separate postal address is registered; or move the business "
                "to another address (a business centre, with a rental contract).",
             nl="Bij een eenmanszaak kun je ook zelf 'bezoekadres afschermen' kiezen zodra er "
                "een afwijkend postadres staat; of vestig het bedrijf op een ander adres (een "
                "bedrijfsverzamelgebouw, met huurcontract)."),
        L10n(en="Turn on the non-mailing indicator: e-mail handelsregistermail@kvk.nl with the "
                "company name or KvK number, the name of the person authorised to register the "
                "company, and that you want it on. Among other things it keeps the address out "
                "of Google Maps.",
             nl="Zet de non-mailingindicator aan: mail handelsregistermail@kvk.nl met de "
                "bedrijfsnaam of het KVK-nummer, de naam van degene die bevoegd is de "
                "onderneming in te schrijven, en dat je hem aan wilt. Zo komt het adres onder "
                "meer niet in Google Maps."),
        L10n(en="Copies made before shielding stay online: check the KvK copy sites afterwards "
                "(footprint lists them) and send erasure requests "
                "('footprint letter avg SOURCE').",
             nl="Kopieën van vóór de afscherming blijven online: controleer daarna de sites die "
                "KVK-gegevens overnemen (footprint noemt ze) en stuur verwijderverzoeken "
                "('footprint letter avg BRON')."),
    ),
    links=(KVK_CONVENANT, KVK_OPTIONS, KVK_PROBABLE_THREAT, KVK_NON_MAILING),
    effort=Effort.HOURS,
)

KVK_SHIELDED = Remediation(
    summary=L10n(en="Nothing to do in the register; keep the postal address up to date.",
                 nl="Niets te doen in het register; houd het postadres actueel."),
    steps=(L10n(en="Shielding does not remove copies made earlier: check the KvK copy sites.",
                nl="Afscherming haalt eerder gemaakte kopieën niet weg: controleer de sites "
                   "die KVK-gegevens overnemen."),),
    links=(KVK_OPTIONS,),
)

KVK_MANUAL = Remediation(
    summary=L10n(
        en="Look up your registrations on kvk.nl and check whether the visiting address is "
           "your home address; or set KVK_API_KEY so footprint checks it for you.",
        nl="Zoek je inschrijvingen op kvk.nl op en kijk of het bezoekadres je woonadres is; "
           "of zet KVK_API_KEY zodat footprint het voor je controleert."),
    steps=(
        L10n(en="Open the KvK search link(s) below: one per KvK number and trade name in your "
                "profile. Also think of a partner's or housemate's business, and of "
                "foundations and associations where you are on the board.",
             nl="Open de KVK-zoeklink(s) hieronder: één per KVK-nummer en handelsnaam in je "
                "profiel. Denk ook aan het bedrijf van een partner of huisgenoot, en aan "
                "stichtingen en verenigingen waar je bestuurder bent."),
        L10n(en="Look at the visiting address (bezoekadres) of each branch. Is it your home? "
                "Then request shielding (see the KvK covenant link).",
             nl="Kijk naar het bezoekadres van elke vestiging. Is dat je huis? Vraag dan "
                "afscherming aan (zie de link naar het KVK-convenant)."),
        L10n(en="A key for the KvK Zoeken API comes with a KvK developer subscription; set it "
                "as KVK_API_KEY to automate this check.",
             nl="Een sleutel voor de KVK Zoeken-API krijg je met een KVK-ontwikkelaars"
                "abonnement; zet die als KVK_API_KEY om deze controle te automatiseren."),
    ),
    links=(KVK_CONVENANT, KVK_OPTIONS, KVK_API),
)

RAADSINFORMATIE = Remediation(
    summary=L10n(
        en="Ask the griffie to redact your private details from this document, and send its "
           "URL to VNG so the national index (OpenBesluitvorming) removes it too.",
        nl="Vraag de griffie je privégegevens in dit stuk weg te lakken, en stuur de URL naar "
           "VNG zodat ook de landelijke index (OpenBesluitvorming) het weghaalt."),
    steps=(
        L10n(en="Open the document and find the passage (the excerpt shows where).",
             nl="Open het document en zoek de passage (het fragment laat zien waar)."),
        L10n(en="E-mail the griffie of that council: ask them to replace the document with a "
                "redacted version and to use your official (municipal) address and number.",
             nl="Mail de griffie van die gemeente: vraag het stuk te vervangen door een "
                "gelakte versie en voortaan je functionele (gemeente)adres en -nummer te "
                "gebruiken."),
        L10n(en=f"Send the document URL to VNG ({VNG_REMOVAL_EMAIL}): removal at the source does "
                "not propagate to OpenBesluitvorming by itself.",
             nl=f"Stuur de URL van het document naar VNG ({VNG_REMOVAL_EMAIL}): verwijderen bij "
                "de bron werkt niet vanzelf door in OpenBesluitvorming."),
        L10n(en="Ask search engines to drop the cached copy once it is gone (see the Google/Bing "
                "guided step).",
             nl="Vraag zoekmachines de kopie in hun cache te laten vallen zodra het stuk weg is "
                "(zie de stap over Google/Bing)."),
    ),
    links=(OBV_PRIVACY,),
    effort=Effort.HOURS,
)


def _wanted(matches: Sequence[MarkerMatch]) -> list[MarkerMatch]:
    """What was found, once each; "home address" already says "postcode"."""
    kinds = {m.marker.kind for m in matches}
    return [m for m in matches
            if not (m.marker.kind is MarkerKind.POSTCODE and MarkerKind.ADDRESS in kinds)]


def marker_labels(matches: Sequence[MarkerMatch]) -> tuple[L10n, ...]:
    return tuple(dict.fromkeys(m.marker.label for m in _wanted(matches)))


def marker_keys(matches: Sequence[MarkerMatch]) -> tuple[str, ...]:
    """The evidence keys (docs/report-format.md) of :func:`marker_labels`, in order."""
    return tuple(dict.fromkeys(marker_key(m.marker.kind) for m in _wanted(matches)))
