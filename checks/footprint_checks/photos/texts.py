"""What to tell the person about a photo: the prose lives in ``texts.toml``."""

from __future__ import annotations

from functools import cache

from footprint.models import L10n, Link, Remediation
from footprint_checks.photos.assess import PhotoAssessment, Where, describe_distance
from footprint_checks.prose import Prose


@cache
def prose() -> Prose:
    return Prose.load("footprint_checks.photos", "texts.toml")


STRIP_STEP = prose().step("strip")
IPHONE_STEP = prose().step("iphone")
ANDROID_STEP = prose().step("android")
OUTDATED_LINK: Link = prose().link("outdated")
IDENTIFYING_TITLE = prose().text("title.identifying")
UNCHECKED_TITLE = prose().text("title.unchecked")


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
    if a.where in (Where.AT_HOME, Where.NEAR_HOME) and a.distance_m is not None:
        key = "at_home" if a.where is Where.AT_HOME else "near_home"
        return prose().text(f"title.{key}", d=describe_distance(a.distance_m))
    return prose().text("title.unknown" if a.where is Where.UNKNOWN else "title.elsewhere")


def gps_remediation(online: bool) -> Remediation:
    return prose().remediation("gps", when={"online"} if online else ())


def identifying_remediation(online: bool) -> Remediation:
    return prose().remediation("identifying", when={"online"} if online else ())


def unchecked_remediation() -> Remediation:
    return prose().remediation("unchecked")
