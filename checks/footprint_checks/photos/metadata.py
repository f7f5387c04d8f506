"""What a photo file says about where, when and with what it was taken.

Only metadata is read: Pillow opens images lazily, so no pixels are decoded and a huge
image costs no more than its header. Sources: the EXIF block (GPS IFD, Exif IFD, IFD0),
XMP packets (editors such as Lightroom copy GPS there) and IPTC (location names, creator).
HEIC/HEIF is read through pillow-heif, AVIF through Pillow's own plugin (or pillow-heif
where that is older); WebP chunks that Pillow does not know are read from the RIFF
structure itself.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, IptcImagePlugin, UnidentifiedImageError, features

from footprint_checks.photos import riff
from footprint_checks.photos.exif_text import exif_text, user_comment, xp_text
from footprint_checks.photos.gps import GpsPosition, dms_to_degrees, exif_gps, xmp_gps

__all__ = ["GpsPosition", "PhotoMetadata", "UnreadablePhoto", "UnsupportedFormat",
           "dms_to_degrees",
           "metadata_from_bytes", "metadata_from_file", "xmp_gps"]

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
_TEXT_TAGS: dict[int, str] = {0x9286: "UserComment", 0x9C9D: "XPAuthor",
                              0x9C9C: "XPComment"}
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


def _register_plugins() -> None:
    """pillow-heif adds HEIC/HEIF (and AVIF where Pillow has no AVIF plugin of its own)."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:  # an installation without it reads the other formats
        return
    register_heif_opener()
    if not features.check("avif"):
        try:
            from pillow_heif import register_avif_opener  # type: ignore[attr-defined]
        except ImportError:
            return
        register_avif_opener()


_register_plugins()


class UnreadablePhoto(Exception):
    """The file is not an image Pillow can read, or its metadata is broken."""


class UnsupportedFormat(UnreadablePhoto):
    """No reader for this kind of file (a RAW format, a video, not an image at all)."""


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


def _xmp_bytes(image: Image.Image) -> bytes:
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    data = raw.encode("utf-8", "replace") if isinstance(raw, str) else bytes(raw)
    return data if data.strip(b" \t\r\n\x00") else b""  # a blanked packet is no XMP


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
            out.append((name, exif_text(value)))
    return out


def _texts(tags: dict[int, Any], big_endian: bool) -> tuple[tuple[str, str], ...]:
    out = []
    for tag, name in _TEXT_TAGS.items():
        if tag not in tags:
            continue
        text = user_comment(tags[tag], big_endian) if tag == 0x9286 else xp_text(tags[tag])
        if text:
            out.append((name, text))
    return tuple(out)


def read_metadata(image: Image.Image, extra: riff.Extra | None = None) -> PhotoMetadata:
    exif = image.getexif()
    gps_ifd = dict(exif.get_ifd(GPS_IFD)) if GPS_IFD in exif else {}
    exif_ifd = dict(exif.get_ifd(EXIF_IFD)) if EXIF_IFD in exif else {}
    tags: dict[int, Any] = {**dict(exif), **exif_ifd}
    gps = exif_gps(gps_ifd)
    xmp = _xmp_bytes(image) + (extra.xmp if extra else b"")
    if gps is None and xmp:
        gps = xmp_gps(xmp)
    taken_at = next((exif_text(tags[t]) for t in _DATE_TAGS if tags.get(t)), None)
    make, model = exif_text(tags.get(0x010F, "")), exif_text(tags.get(0x0110, ""))
    camera = " ".join(p for p in (make, model) if p) or None
    identifying = tuple((name, exif_text(tags[tag])) for tag, name in IDENTIFYING_TAGS.items()
                        if exif_text(tags.get(tag, "")))
    identifying += _texts(tags, getattr(exif, "endian", "<") == ">")
    iptc = _iptc(image)
    other = []
    if xmp:
        other.append("XMP")
    if tags.get(0x927C):
        other.append("MakerNote")
    if iptc:
        other.append("IPTC")
    if extra:
        other += [riff.describe(kind) for kind in extra.kinds]
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
    extra = None
    if riff.is_webp(data):
        try:
            extra = riff.extra_metadata(data)
        except riff.RiffError as exc:
            raise UnreadablePhoto(f"broken WebP: {exc}") from None
    return _read(io.BytesIO(data), extra)


def metadata_from_file(path: Path) -> PhotoMetadata:
    return metadata_from_bytes(path.read_bytes())


def _read(handle: Any, extra: riff.Extra | None) -> PhotoMetadata:
    # Pillow warns about odd EXIF and huge dimensions; neither matters when only the
    # metadata is read, and the test suite turns warnings into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(handle) as image:
                return read_metadata(image, extra)
        except UnidentifiedImageError:
            raise UnsupportedFormat("not a format footprint reads") from None
        except Exception as exc:  # Pillow raises many types for bad files
            raise UnreadablePhoto(f"{type(exc).__name__}: {exc}") from exc
