"""What a photo file says about where, when and with what it was taken.

Only metadata is read: Pillow opens images lazily, so no pixels are decoded and a huge
image costs no more than its header. Sources: the EXIF block (GPS IFD, Exif IFD, IFD0),
XMP packets (editors such as Lightroom copy GPS there) and IPTC (location names, creator).
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, IptcImagePlugin, UnidentifiedImageError

GPS_IFD = 0x8825
EXIF_IFD = 0x8769

# Tags that tie a photo to one camera, one owner or one computer.
IDENTIFYING_TAGS: dict[int, str] = {
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
    0xC62F: "CameraSerialNumber",
    0xA430: "CameraOwnerName",
    0xA420: "ImageUniqueID",
    0x013B: "Artist",
    0x8298: "Copyright",
    0x013C: "HostComputer",
}
SERIAL_TAGS = frozenset({"BodySerialNumber", "LensSerialNumber", "CameraSerialNumber"})
_DATE_TAGS = (0x9003, 0x9004, 0x0132)  # DateTimeOriginal, DateTimeDigitized, DateTime
_IPTC_FIELDS: dict[tuple[int, int], str] = {
    (2, 80): "IPTC By-line",
    (2, 90): "IPTC City",
    (2, 92): "IPTC Sub-location",
    (2, 95): "IPTC Province-State",
    (2, 116): "IPTC Copyright",
}
_IPTC_LOCATION = frozenset({"IPTC City", "IPTC Sub-location", "IPTC Province-State"})
_XMP_COORD = re.compile(
    rb"GPS(Latitude|Longitude)\s*(?:=\s*[\"']|>)\s*(\d{1,3}),(\d{1,2}(?:[.,]\d+)?)"
    rb"(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEWnsew])")
MAX_TAG_TEXT = 200


class UnreadablePhoto(Exception):
    """The file is not an image Pillow can read, or its metadata is broken."""


@dataclass(frozen=True, slots=True)
class GpsPosition:
    latitude: float
    longitude: float
    source: str  # "EXIF" or "XMP"


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    format: str  # Pillow's format name: JPEG, PNG, WEBP, TIFF, ...
    gps: GpsPosition | None = None
    gps_tags: bool = False  # a GPS block exists, even when it holds no usable position
    taken_at: str | None = None
    camera: str | None = None  # make and model
    identifying: tuple[tuple[str, str], ...] = ()  # (tag name, value as found)
    location_names: tuple[tuple[str, str], ...] = ()  # IPTC city / sub-location
    other: tuple[str, ...] = field(default=())  # kinds of metadata present (XMP, maker notes)

    @property
    def serials(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, v) for k, v in self.identifying if k in SERIAL_TAGS)

    @property
    def has_metadata(self) -> bool:
        return bool(self.gps_tags or self.taken_at or self.camera or self.identifying
                    or self.location_names or self.other)


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = str(value).replace("\x00", "").strip()
    return text[:MAX_TAG_TEXT]


def _rational(value: Any) -> float:
    return float(value)


def dms_to_degrees(dms: Any, ref: Any) -> float | None:
    """EXIF degrees/minutes/seconds and N/S/E/W to signed decimal degrees."""
    try:
        if isinstance(dms, tuple | list):
            parts = [_rational(p) for p in dms] + [0.0, 0.0]
            degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
        else:
            degrees = _rational(dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if degrees != degrees:  # NaN from a 0/0 rational
        return None
    reference = _text(ref).upper()[:1]
    return -degrees if reference in ("S", "W") else degrees


def _exif_gps(gps: dict[int, Any]) -> GpsPosition | None:
    if 2 not in gps or 4 not in gps:
        return None
    lat = dms_to_degrees(gps[2], gps.get(1, "N"))
    lon = dms_to_degrees(gps[4], gps.get(3, "E"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if lat == 0 and lon == 0:  # cameras without a fix write zeros
        return None
    return GpsPosition(lat, lon, "EXIF")


def xmp_gps(xmp: bytes) -> GpsPosition | None:
    """GPS from an XMP packet ("52,0.738N" or "52,0,44.28N" per the XMP spec)."""
    found: dict[str, float] = {}
    for m in _XMP_COORD.finditer(xmp):
        axis, deg, minutes, seconds, ref = m.groups()
        value = int(deg) + float(minutes.replace(b",", b".")) / 60
        if seconds:
            value += float(seconds) / 3600
        if ref.upper() in (b"S", b"W"):
            value = -value
        found.setdefault(axis.decode(), value)
    if "Latitude" in found and "Longitude" in found:
        return GpsPosition(found["Latitude"], found["Longitude"], "XMP")
    return None


def _xmp_bytes(image: Image.Image) -> bytes:
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return raw.encode("utf-8", "replace") if isinstance(raw, str) else bytes(raw)


def _iptc(image: Image.Image) -> list[tuple[str, str]]:
    if image.format != "JPEG":
        return []
    try:
        info = IptcImagePlugin.getiptcinfo(image)  # type: ignore[arg-type]
    except Exception:  # a broken IPTC block must not hide the EXIF findings
        return []
    out: list[tuple[str, str]] = []
    for key, name in _IPTC_FIELDS.items():
        value = (info or {}).get(key)
        if isinstance(value, list):
            value = b", ".join(value)
        if value:
            out.append((name, _text(value)))
    return out


def read_metadata(image: Image.Image) -> PhotoMetadata:
    exif = image.getexif()
    gps_ifd = dict(exif.get_ifd(GPS_IFD)) if GPS_IFD in exif else {}
    exif_ifd = dict(exif.get_ifd(EXIF_IFD)) if EXIF_IFD in exif else {}
    tags: dict[int, Any] = {**dict(exif), **exif_ifd}
    gps = _exif_gps(gps_ifd)
    xmp = _xmp_bytes(image)
    if gps is None and xmp:
        gps = xmp_gps(xmp)
    taken_at = next((_text(tags[t]) for t in _DATE_TAGS if tags.get(t)), None)
    make, model = _text(tags.get(0x010F, "")), _text(tags.get(0x0110, ""))
    camera = " ".join(p for p in (make, model) if p) or None
    identifying = tuple((name, _text(tags[tag])) for tag, name in IDENTIFYING_TAGS.items()
                        if _text(tags.get(tag, "")))
    iptc = _iptc(image)
    other = []
    if xmp:
        other.append("XMP")
    if tags.get(0x927C):
        other.append("MakerNote")
    if iptc:
        other.append("IPTC")
    return PhotoMetadata(
        format=image.format or "unknown",
        gps=gps,
        gps_tags=bool(gps_ifd) or gps is not None,
        taken_at=taken_at,
        camera=camera,
        identifying=identifying + tuple(i for i in iptc if i[0] not in _IPTC_LOCATION),
        location_names=tuple(i for i in iptc if i[0] in _IPTC_LOCATION),
        other=tuple(other),
    )


def metadata_from_bytes(data: bytes) -> PhotoMetadata:
    return _read(io.BytesIO(data))


def metadata_from_file(path: Path) -> PhotoMetadata:
    with path.open("rb") as handle:
        return _read(handle)


def _read(handle: Any) -> PhotoMetadata:
    # Pillow warns about odd EXIF and huge dimensions; neither matters when only the
    # metadata is read, and the test suite turns warnings into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(handle) as image:
                return read_metadata(image)
        except UnidentifiedImageError:
            raise UnreadablePhoto("unknown or unsupported image format") from None
        except Exception as exc:  # Pillow raises many types for bad files
            raise UnreadablePhoto(f"{type(exc).__name__}: {exc}") from exc
