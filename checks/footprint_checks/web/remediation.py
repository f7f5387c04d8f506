"""What to do about private details on a page you do not control yourself."""

from __future__ import annotations

from footprint.models import ActionGroup, Effort, L10n, Link, Remediation
from footprint.profile.markers import MarkerKind

_ASK = L10n(
    en="Ask whoever runs the page (the griffie for council pages, your party's secretary or "
       "webmaster for party pages) to remove the detail; name the page and quote the passage.",
    nl="Vraag de beheerder van de pagina (de griffie voor raadspagina's, het partijsecretariaat "
       "of de webmaster voor partijpagina's) het gegeven te verwijderen; noem de pagina en "
       "citeer de passage.",
)
_CACHE = L10n(
    en="After removal, ask Google to refresh its copy (Remove outdated content) so the old "
       "text disappears from search results.",
    nl="Vraag Google na verwijdering de verouderde kopie te vernieuwen (Verouderde content "
       "verwijderen), zodat de oude tekst uit de zoekresultaten verdwijnt.",
)
_ARCHIVE = L10n(
    en="Check whether web archives kept a copy (web.archive.org) and ask for its removal too.",
    nl="Kijk of webarchieven een kopie bewaarden (web.archive.org) en vraag ook daar om "
       "verwijdering.",
)
_LINKS = (
    Link("https://search.google.com/search-console/remove-outdated-content",
         L10n(en="Google: remove outdated content", nl="Google: verouderde content verwijderen")),
    Link("https://weerbaarbestuur.nl",
         L10n(en="Weerbaar Bestuur (support for officeholders)",
              nl="Weerbaar Bestuur (steun voor ambtsdragers)")),
)

_WHY: dict[MarkerKind, L10n] = {
    MarkerKind.ADDRESS: L10n(
        en="Your home address on a public page lets anyone who is angry with you find your door.",
        nl="Je huisadres op een openbare pagina laat iedereen die boos op je is je voordeur "
           "vinden."),
    MarkerKind.POSTCODE: L10n(
        en="A postcode narrows your home down to a few houses, with the house number to one.",
        nl="Een postcode brengt je huis terug tot een paar woningen, met huisnummer tot één."),
    MarkerKind.PHONE: L10n(
        en="A private number invites calls and messages at home and links your accounts.",
        nl="Een privénummer nodigt uit tot telefoontjes en berichten thuis en koppelt je "
           "accounts."),
    MarkerKind.FAMILY: L10n(
        en="Names of family members make them findable, and through them, you.",
        nl="Namen van gezinsleden maken hen vindbaar, en via hen jou."),
    MarkerKind.OTHER: L10n(
        en="This is a detail you marked as private.",
        nl="Dit is een gegeven dat je als privé hebt aangemerkt."),
}


def page_group(url: str) -> ActionGroup:
    """Every private detail on one page: one request to whoever runs it. The page is named
    without scheme and "www.", which reads better and no export turns into a link."""
    shown = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return ActionGroup(f"page:{url}", L10n(
        en=f"Have your private details removed from {shown}",
        nl=f"Laat je privégegevens verwijderen van {shown}"))


def for_marker(kind: MarkerKind) -> Remediation:
    why = _WHY.get(kind, _WHY[MarkerKind.OTHER])
    summary = L10n(en=f"Have it removed from the page. {why.en}",
                   nl=f"Laat het van de pagina verwijderen. {why.nl}")
    return Remediation(summary=summary, steps=(_ASK, _CACHE, _ARCHIVE), links=_LINKS,
                       effort=Effort.DAYS)


def for_generic() -> Remediation:
    return Remediation(
        summary=L10n(
            en="Check whether this is your private address or number; if so, have it removed "
               "and add it to your profile so future scans recognise it.",
            nl="Kijk of dit je privéadres of -nummer is; zo ja, laat het verwijderen en zet "
               "het in je profiel zodat volgende scans het herkennen."),
        steps=(_ASK,),
        effort=Effort.MINUTES,
    )


def for_unchecked_images() -> Remediation:
    return Remediation(
        summary=L10n(
            en="Open the photos on this page and check their location data yourself, or run "
               "'footprint photos' on your own copies before they are posted.",
            nl="Open de foto's op deze pagina en controleer zelf hun locatiegegevens, of draai "
               "'footprint photos' op je eigen exemplaren voordat ze online gaan."),
        steps=(L10n(
            en="Ask the webmaster to publish only copies without location data (EXIF).",
            nl="Vraag de webmaster alleen kopieën zonder locatiegegevens (EXIF) te plaatsen."),),
        effort=Effort.MINUTES,
    )
