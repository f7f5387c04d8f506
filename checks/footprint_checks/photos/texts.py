"""What to tell the person about a photo: the prose lives in ``texts.toml``."""

from __future__ import annotations

from functools import cache

from footprint.models import L10n, Lang, Link, Remediation
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


def say(key: str, **values: object) -> L10n:
    """``key`` from ``texts.toml`` in both languages; a value that is itself an L10n fills
    each language with its own words."""
    entry = prose().text(key)

    def fill(lang: Lang) -> str:
        return entry.get(lang).format(**{name: value.get(lang) if isinstance(value, L10n)
                                         else value for name, value in values.items()})

    return L10n(en=fill("en"), nl=fill("nl"))


def distance(metres: float) -> L10n:
    """A rounded distance as each language writes it ("1.9 km", "1,9 km")."""
    return L10n(en=describe_distance(metres), nl=describe_distance(metres, "nl"))


def precision_note(a: PhotoAssessment) -> L10n | None:
    """For a coarse position (seconds undefined): how precise it is."""
    gps = a.metadata.gps
    if gps is None or gps.precision_m is None:
        return None
    return say("note.precision", p=distance(gps.precision_m))


def gps_title(a: PhotoAssessment) -> L10n:
    title = _gps_title(a)
    note = precision_note(a)
    if note is None:
        return title
    return L10n(en=f"{title.en}; {note.en}", nl=f"{title.nl}; {note.nl}")


def _gps_title(a: PhotoAssessment) -> L10n:
    if a.where in (Where.AT_HOME, Where.NEAR_HOME) and a.distance_m is not None:
        key = "at_home" if a.where is Where.AT_HOME else "near_home"
        return say(f"title.{key}", d=distance(a.distance_m))
    return prose().text("title.unknown" if a.where is Where.UNKNOWN else "title.elsewhere")


def gps_remediation(online: bool) -> Remediation:
    return prose().remediation("gps", when={"online"} if online else ())


def identifying_remediation(online: bool) -> Remediation:
    return prose().remediation("identifying", when={"online"} if online else ())


def unchecked_remediation() -> Remediation:
    return prose().remediation("unchecked")
