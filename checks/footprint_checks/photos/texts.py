"""What to tell the person about a photo, in Dutch and English."""

from __future__ import annotations

from footprint.models import Effort, L10n, Link, Remediation
from footprint_checks.photos.assess import PhotoAssessment, Where, describe_distance

STRIP_STEP = L10n(
    en="Make a cleaned copy: 'footprint photos PHOTO --strip OUT_DIR' removes the location, "
       "date, camera serial and other identifying details and keeps the image itself unchanged.",
    nl="Maak een schone kopie: 'footprint photos FOTO --strip MAP' haalt locatie, datum, "
       "serienummer van de camera en andere herleidbare gegevens weg; de foto zelf blijft gelijk.",
)
IPHONE_STEP = L10n(
    en="iPhone: Settings > Privacy & Security > Location Services > Camera > Never stops new "
       "photos from storing where they were taken. When sharing a photo, tap Options at the "
       "top of the share sheet and turn Location off.",
    nl="iPhone: Instellingen > Privacy en beveiliging > Locatievoorzieningen > Camera > Nooit "
       "voorkomt dat nieuwe foto's de locatie opslaan. Tik bij het delen van een foto bovenaan "
       "op Opties en zet Locatie uit.",
)
ANDROID_STEP = L10n(
    en="Android: turn off location tags ('Save location' or 'Location tags') in the Camera "
       "app's settings. In Google Photos, turn on 'Remove geo location' for photos you share "
       "by link.",
    nl="Android: zet locatietags ('Locatie opslaan' of 'Locatietags') uit in de instellingen "
       "van de Camera-app. Zet in Google Foto's 'Geolocatie verwijderen' aan voor foto's die "
       "je via een link deelt.",
)
OUTDATED_LINK = Link(
    "https://search.google.com/search-console/remove-outdated-content",
    L10n(en="Google: remove outdated content", nl="Google: verouderde content verwijderen"))


def precision_note(a: PhotoAssessment) -> L10n | None:
    """For a coarse position (seconds undefined): how precise it is."""
    gps = a.metadata.gps
    if gps is None or gps.precision_m is None:
        return None
    p = describe_distance(gps.precision_m)
    return L10n(en=f"position precise to within about {p}",
                nl=f"positie nauwkeurig tot op ongeveer {p}")


def gps_title(a: PhotoAssessment) -> L10n:
    title = _gps_title(a)
    note = precision_note(a)
    if note is None:
        return title
    return L10n(en=f"{title.en}; {note.en}", nl=f"{title.nl}; {note.nl}")


def _gps_title(a: PhotoAssessment) -> L10n:
    if a.where is Where.AT_HOME and a.distance_m is not None:
        d = describe_distance(a.distance_m)
        return L10n(en=f"Photo taken at your home (GPS position within {d} of it)",
                    nl=f"Foto genomen bij je huis (GPS-positie binnen {d} ervan)")
    if a.where is Where.NEAR_HOME and a.distance_m is not None:
        d = describe_distance(a.distance_m)
        return L10n(en=f"Photo taken near your home ({d} away): it shows your neighbourhood",
                    nl=f"Foto genomen vlak bij je huis ({d}): hij verraadt je buurt")
    if a.where is Where.UNKNOWN:
        return L10n(en="Photo contains a GPS position (no home location in your profile to "
                       "compare it with)",
                    nl="Foto bevat een GPS-positie (je profiel heeft geen thuislocatie om mee "
                       "te vergelijken)")
    return L10n(en="Photo contains the GPS position where it was taken",
                nl="Foto bevat de GPS-positie waar hij is genomen")


def gps_remediation(online: bool) -> Remediation:
    steps = [STRIP_STEP]
    if online:
        steps.append(L10n(
            en="Replace the photo on the page with the cleaned copy, or remove it. If someone "
               "else manages the page, ask them to do it.",
            nl="Vervang de foto op de pagina door de schone kopie, of haal hem weg. Beheert "
               "iemand anders de pagina, vraag het dan aan diegene."))
        steps.append(L10n(
            en="Search engines may keep the old file for a while; ask them to refresh it.",
            nl="Zoekmachines kunnen het oude bestand nog een tijd bewaren; vraag ze het te "
               "verversen."))
    steps += [IPHONE_STEP, ANDROID_STEP]
    return Remediation(
        summary=L10n(en="Remove the photo or replace it with a copy without location data",
                     nl="Haal de foto weg of vervang hem door een kopie zonder locatiegegevens"),
        steps=tuple(steps),
        links=(OUTDATED_LINK,) if online else (),
        effort=Effort.MINUTES,
    )


IDENTIFYING_TITLE = L10n(
    en="Photo contains identifying details (camera serial number, owner or location names)",
    nl="Foto bevat herleidbare gegevens (serienummer van de camera, eigenaar of plaatsnamen)")


def identifying_remediation(online: bool) -> Remediation:
    steps = [STRIP_STEP]
    if online:
        steps.append(L10n(
            en="Replace the published photo with the cleaned copy.",
            nl="Vervang de gepubliceerde foto door de schone kopie."))
    steps.append(L10n(
        en="Clear the owner and copyright fields in your camera's settings if you do not want "
           "your name in every photo. A serial number links all photos from the same camera.",
        nl="Maak de velden eigenaar en copyright leeg in de instellingen van je camera als je "
           "niet wilt dat je naam in elke foto staat. Een serienummer koppelt alle foto's van "
           "dezelfde camera aan elkaar."))
    return Remediation(
        summary=L10n(en="Publish photos without camera serial numbers and personal tags",
                     nl="Publiceer foto's zonder serienummers en persoonlijke gegevens"),
        steps=tuple(steps),
        effort=Effort.MINUTES,
    )


UNCHECKED_TITLE = L10n(
    en="Some images on this page could not be checked for location data",
    nl="Sommige afbeeldingen op deze pagina konden niet op locatiegegevens worden gecontroleerd")


def unchecked_remediation() -> Remediation:
    return Remediation(
        summary=L10n(en="Check these images yourself",
                     nl="Controleer deze afbeeldingen zelf"),
        steps=(
            L10n(en="Download each listed image and run 'footprint photos FILE' on it.",
                 nl="Download elke genoemde afbeelding en voer 'footprint photos BESTAND' uit."),
            L10n(en="If it contains a location, replace it with a cleaned copy "
                    "('footprint photos FILE --strip OUT_DIR').",
                 nl="Bevat hij een locatie, vervang hem dan door een schone kopie "
                    "('footprint photos BESTAND --strip MAP')."),
        ),
        effort=Effort.MINUTES,
    )
