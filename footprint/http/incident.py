"""The finding for a site that tried to make footprint send private data."""

from __future__ import annotations

from footprint.http.quarantine import Incident
from footprint.models import (
    Effort,
    Evidence,
    Finding,
    L10n,
    Link,
    Remediation,
    Severity,
    Subject,
)

TITLE = L10n(en="This site tried to make footprint send your private data",
             nl="Deze site probeerde footprint je privégegevens te laten versturen")

_REMEDIATION = Remediation(
    summary=L10n(
        en="The site served addresses built from guesses at your private details, so that "
           "it could tell from what footprint fetches which guess was right. footprint sent "
           "none of them and stopped contacting the site for this scan; treat it as hostile.",
        nl="De site bood adressen aan die zijn opgebouwd uit gissingen naar je "
           "privégegevens, om aan wat footprint ophaalt te zien welke gissing klopte. "
           "footprint verstuurde er geen enkele en nam voor deze scan geen contact meer op "
           "met de site; beschouw haar als vijandig."),
    steps=(
        L10n(en="Do not open the page or its links in a browser where you are logged in; "
                "a browser would fetch those addresses and give the answer away.",
             nl="Open de pagina en haar links niet in een browser waarin je bent ingelogd; "
                "een browser haalt die adressen wel op en verraadt zo het antwoord."),
        L10n(en="If the page is yours or your party's, ask the webmaster to check it for a "
                "break-in or an injected script or advert, and to remove it.",
             nl="Is de pagina van jou of je partij, vraag de webmaster haar te controleren op "
                "een inbraak of een ingevoegd script of advertentie, en die te verwijderen."),
        L10n(en="Someone who guesses at your postcode or phone number may be preparing to "
                "find you: tell your organisation's security contact and keep the report.",
             nl="Wie naar je postcode of telefoonnummer raadt, bereidt misschien voor je te "
                "vinden: meld het bij de beveiligingscontactpersoon van je organisatie en "
                "bewaar het rapport."),
        L10n(en="Remove the URL from your profile until the site is clean; run the scan again.",
             nl="Haal de URL uit je profiel tot de site schoon is; draai de scan opnieuw."),
    ),
    links=(Link("https://weerbaarbestuur.nl",
                L10n(en="Weerbaar Bestuur (support for officeholders)",
                     nl="Weerbaar Bestuur (steun voor ambtsdragers)")),),
    effort=Effort.HOURS,
)


def incident_finding(incident: Incident, check_id: str, subject: Subject) -> Finding:
    detail = L10n(
        en=f"{incident.refused} address(es) supplied by {incident.host} were refused before "
           f"any was fetched: one {incident.why.en}. footprint did not "
           f"contact {incident.host} again in this scan.",
        nl=f"{incident.refused} adres(sen) aangeleverd door {incident.host} zijn geweigerd "
           f"voordat er een werd opgehaald: een ervan {incident.why.nl}. "
           f"footprint nam in deze scan geen contact meer op met {incident.host}.")
    return Finding(
        check_id=check_id, subject=subject, key=f"hostile-site:{incident.host}",
        title=TITLE, severity=Severity.HIGH, remediation=_REMEDIATION,
        evidence=Evidence(url=incident.source, excerpt=None,
                          matched=(incident.matched,)),
        detail=detail,
    )
