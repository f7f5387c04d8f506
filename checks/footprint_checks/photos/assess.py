"""How serious a photo's metadata is, measured against the home location in the profile.

The home location is typed in by the person and only ever compared here, on this
machine: distances are computed locally and never sent anywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from footprint.models import Lang, Severity
from footprint.profile.model import HomeLocation
from footprint_checks.photos.metadata import PhotoMetadata

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
NEAR_FACTOR = 5.0  # "near home": within five times the radius ...
NEAR_MINIMUM_M = 2_000.0  # ... and at least this far: enough to find the neighbourhood


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class HomeArea:
    latitude: float
    longitude: float
    radius_m: float

    @classmethod
    def of(cls, home: HomeLocation | None, radius_m: float | None = None) -> HomeArea | None:
        if home is None:
            return None
        return cls(home.latitude, home.longitude, radius_m or home.radius_m)

    @property
    def near_m(self) -> float:
        return max(self.radius_m * NEAR_FACTOR, NEAR_MINIMUM_M)


class Where(StrEnum):
    AT_HOME = "at-home"  # within the radius
    NEAR_HOME = "near-home"  # within near_m: shows the neighbourhood
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"  # a position, but no home location to compare it with


@dataclass(frozen=True, slots=True)
class PhotoAssessment:
    metadata: PhotoMetadata
    where: Where | None = None  # None: no GPS position
    distance_m: float | None = None

    @property
    def gps_severity(self) -> Severity | None:
        return {
            Where.AT_HOME: Severity.HIGH,
            Where.NEAR_HOME: Severity.MEDIUM,
            Where.UNKNOWN: Severity.MEDIUM,
            Where.ELSEWHERE: Severity.LOW,
            None: None,
        }[self.where]

    @property
    def identifying_severity(self) -> Severity | None:
        m = self.metadata
        return Severity.LOW if (m.identifying or m.location_names) else None

    @property
    def severity(self) -> Severity:
        found = [s for s in (self.gps_severity, self.identifying_severity) if s is not None]
        if found:
            return max(found)
        return Severity.INFO

    @property
    def blocks_posting(self) -> bool:
        """At home, or a position that cannot be ruled out as home (no home location)."""
        return self.where in (Where.AT_HOME, Where.UNKNOWN)


def assess(metadata: PhotoMetadata, home: HomeArea | None) -> PhotoAssessment:
    gps = metadata.gps
    if gps is None:
        return PhotoAssessment(metadata)
    if home is None:
        return PhotoAssessment(metadata, Where.UNKNOWN)
    distance = haversine_m(home.latitude, home.longitude, gps.latitude, gps.longitude)
    # a coarse position (seconds undefined) counts by the nearest point it allows
    nearest = max(0.0, distance - (gps.precision_m or 0.0))
    if nearest <= home.radius_m:
        where = Where.AT_HOME
    elif nearest <= home.near_m:
        where = Where.NEAR_HOME
    else:
        where = Where.ELSEWHERE
    return PhotoAssessment(metadata, where, distance)


def describe_distance(distance_m: float, lang: Lang = "en") -> str:
    """Rounded so the text never pins the spot more precisely than needed; Dutch writes a
    decimal comma."""
    if distance_m < 1000:
        return f"{max(10, round(distance_m, -1)):.0f} m"
    km = f"{distance_m / 1000:.1f}"
    return f"{km.replace('.', ',') if lang == 'nl' else km} km"
