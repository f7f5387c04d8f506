"""GPS positions from EXIF and XMP, with how precise they are.

Some cameras write the seconds of a position as 0/0 (undefined). Degrees and minutes still
place the photo within about a nautical mile (one minute of latitude, 1852 m), which is
enough to find a neighbourhood: such a position is kept, with its precision.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

METRES_PER_ARCMINUTE = 1852.0  # one minute of latitude: a nautical mile
REPORTED_PRECISION_M = 50.0  # finer than this the precision is not worth a mention
_XMP_COORD = re.compile(
    rb"GPS(Latitude|Longitude)\s*(?:=\s*[\"']|>)\s*(\d{1,3}),(\d{1,2})(?:\.(\d+))?"
    rb"(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEWnsew])")


@dataclass(frozen=True, slots=True)
class GpsPosition:
    latitude: float
    longitude: float
    source: str  # "EXIF" or "XMP"
    precision_m: float | None = None  # set when coarser than REPORTED_PRECISION_M


def _part(value: Any) -> tuple[float, int] | None:
    """(value, denominator) of one rational; None when undefined (0/0) or garbage."""
    denominator = getattr(value, "denominator", 1)
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if math.isnan(number) or math.isinf(number) or not denominator:
        return None
    return number, int(denominator) if isinstance(denominator, int) else 1


def _ref_sign(ref: Any) -> int:
    if isinstance(ref, bytes):
        ref = ref.decode("latin-1", "replace")
    return -1 if str(ref).strip().upper()[:1] in ("S", "W") else 1


def dms_parts(dms: Any, ref: Any) -> tuple[float, float | None] | None:
    """Signed decimal degrees and the precision in metres (None: to the second or finer).

    Without seconds (absent or 0/0) the minutes still count, to within one unit of their
    denominator; without minutes there is no usable position."""
    if not isinstance(dms, tuple | list):
        single = _part(dms)
        return (single[0] * _ref_sign(ref), None) if single else None
    parts = [_part(p) for p in dms[:3]]
    if not parts or parts[0] is None or len(parts) < 2 or parts[1] is None:
        return None
    degrees = parts[0][0] + parts[1][0] / 60
    precision: float | None = None
    seconds = parts[2] if len(parts) > 2 else None
    if seconds is None:
        precision = METRES_PER_ARCMINUTE / max(1, parts[1][1])
    else:
        degrees += seconds[0] / 3600
    if precision is not None and precision < REPORTED_PRECISION_M:
        precision = None
    return degrees * _ref_sign(ref), precision


def dms_to_degrees(dms: Any, ref: Any) -> float | None:
    """EXIF degrees/minutes/seconds and N/S/E/W to signed decimal degrees."""
    found = dms_parts(dms, ref)
    return found[0] if found else None


def exif_gps(gps: dict[int, Any]) -> GpsPosition | None:
    if 2 not in gps or 4 not in gps:
        return None
    lat = dms_parts(gps[2], gps.get(1, "N"))
    lon = dms_parts(gps[4], gps.get(3, "E"))
    if lat is None or lon is None or not (-90 <= lat[0] <= 90 and -180 <= lon[0] <= 180):
        return None
    if lat[0] == 0 and lon[0] == 0:  # cameras without a fix write zeros
        return None
    precisions = [p for p in (lat[1], lon[1]) if p is not None]
    return GpsPosition(lat[0], lon[0], "EXIF", max(precisions) if precisions else None)


def xmp_gps(xmp: bytes) -> GpsPosition | None:
    """GPS from an XMP packet ("52,0.738N" or "52,0,44.28N" per the XMP spec)."""
    found: dict[str, tuple[float, float | None]] = {}
    for m in _XMP_COORD.finditer(xmp):
        axis, deg, minutes, fraction, seconds, ref = m.groups()
        value = int(deg) + float(minutes + b"." + (fraction or b"0")) / 60
        precision: float | None = None
        if seconds:
            value += float(seconds) / 3600
        else:
            precision = METRES_PER_ARCMINUTE / 10 ** len(fraction or b"")
            precision = precision if precision >= REPORTED_PRECISION_M else None
        if ref.upper() in (b"S", b"W"):
            value = -value
        found.setdefault(axis.decode(), (value, precision))
    if "Latitude" in found and "Longitude" in found:
        precisions = [p for _, p in found.values() if p is not None]
        return GpsPosition(found["Latitude"][0], found["Longitude"][0], "XMP",
                           max(precisions) if precisions else None)
    return None
