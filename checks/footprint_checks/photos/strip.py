"""Cleaned copies: metadata removed, the compressed image data copied byte for byte.

Nothing is decoded or re-encoded. A JPEG is cut into its segments and the metadata
segments are left out (EXIF/XMP in APP1, IPTC in APP13, comments, thumbnails, vendor
blocks, data after the end of the image); PNG and WebP chunks likewise (WebP keeps only the
chunks that make up the image, so non-standard ones such as "XMP\\0" go too). In HEIC/HEIF
and AVIF the metadata items are blanked in place (photos/isobmff.py). The pixels are
therefore exactly the original ones. The one thing kept from JPEG EXIF is the orientation,
re-written as a minimal EXIF block, so a portrait photo does not turn on its side (HEIF
keeps its rotation in the image properties, which are left alone).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from PIL import Image

from footprint.models import L10n
from footprint_checks.photos import isobmff, riff
from footprint_checks.photos.metadata import UnreadablePhoto, metadata_from_bytes
from footprint_checks.photos.texts import say

ORIENTATION_TAG = 0x0112

# JPEG markers
_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_APP0, _APP2, _APP14, _COM = 0xE0, 0xE2, 0xEE, 0xFE

# PNG ancillary chunks that describe how to show the pixels; every other ancillary chunk
# (text, timestamps, eXIf, vendor chunks) is left out. Critical chunks are always kept.
_PNG_KEEP = frozenset({b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD",
                       b"pHYs", b"hIST", b"sPLT", b"cICP", b"mDCv", b"cLLi", b"acTL",
                       b"fcTL", b"fdAT"})
_VP8X_EXIF_XMP = 0x08 | 0x04


class StripError(Exception):
    """No cleaned copy could be made; nothing was written. ``reason`` says why in both
    languages; a parser's own detail ("broken JPEG: truncated segment") is technical and
    reads the same in both."""

    def __init__(self, message: str, reason: L10n | None = None) -> None:
        super().__init__(message)
        self.reason = reason or L10n.same(message)

    @classmethod
    def said(cls, key: str, **values: object) -> StripError:
        """A refusal in the words of ``clean.<key>`` in texts.toml."""
        reason = say(f"clean.{key}", **values)
        return cls(reason.en, reason)


def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) for each segment up to and including EOI."""
    pos = 2
    size = len(data)
    while pos < size - 1:
        if data[pos] != 0xFF:
            raise StripError("broken JPEG: expected a marker")
        while pos < size - 1 and data[pos + 1] == 0xFF:  # fill bytes
            pos += 1
        marker = data[pos + 1]
        if marker == _EOI:
            yield marker, pos, pos + 2
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            yield marker, pos, pos + 2
            pos += 2
            continue
        if pos + 4 > size:
            raise StripError("broken JPEG: truncated segment")
        end = pos + 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if marker == _SOS:
            # the entropy-coded data runs to the next marker that is not a stuffed 0xFF00
            # or a restart marker
            i = end
            while i < size - 1:
                nxt = data[i + 1]
                if data[i] == 0xFF and nxt != 0 and not 0xD0 <= nxt <= 0xD7 and nxt != 0xFF:
                    break
                i += 1
            end = i
        if end > size:
            raise StripError("broken JPEG: segment runs past the end of the file")
        yield marker, pos, end
        pos = end
    raise StripError("broken JPEG: no end-of-image marker")


def _keep_jpeg_segment(marker: int, payload: bytes) -> bool:
    if marker == _APP0:
        return payload.startswith(b"JFIF\x00")  # JFXX holds a thumbnail
    if marker == _APP2:
        return payload.startswith(b"ICC_PROFILE\x00")  # colour; MPF/FlashPix go
    if marker == _APP14:
        return True  # Adobe colour-transform flag: needed to decode the colours right
    if 0xE0 <= marker <= 0xEF or marker == _COM:
        return False  # EXIF, XMP, IPTC, JUMBF/C2PA, vendor blocks, comments
    return True


def _orientation(data: bytes) -> int:
    try:
        with Image.open(io.BytesIO(data)) as image:
            value = image.getexif().get(ORIENTATION_TAG, 1)
    except Exception:
        return 1
    return value if isinstance(value, int) and 2 <= value <= 8 else 1


def _orientation_segment(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    payload = exif.tobytes()
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def strip_jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise StripError("not a JPEG file")
    orientation = _orientation(data)
    out = [b"\xff\xd8"]
    inserted = orientation == 1
    for marker, start, end in _jpeg_segments(data):
        payload = data[start + 4 : end]
        if not inserted and not (marker == _APP0 and payload.startswith(b"JFIF\x00")):
            out.append(_orientation_segment(orientation))
            inserted = True
        if _keep_jpeg_segment(marker, payload):
            out.append(data[start:end])
    # anything after EOI (phone vendor trailers, secondary images) is left out
    return b"".join(out)


def strip_png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        raise StripError("not a PNG file")
    out = [signature]
    pos = len(signature)
    while pos + 12 <= len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise StripError("broken PNG: chunk runs past the end of the file")
        critical = kind[:1].isupper()
        if critical or kind in _PNG_KEEP:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(out)
    raise StripError("broken PNG: no IEND chunk")


def strip_webp(data: bytes) -> bytes:
    try:
        top = riff.top_chunks(data)
        parts: list[bytes] = []
        for chunk in top:
            if chunk.kind not in riff.IMAGE_CHUNKS:
                continue  # EXIF, "XMP ", "XMP\0" and every other non-image chunk
            raw = data[chunk.start : chunk.end]
            if chunk.kind == b"VP8X" and len(raw) > 8:
                raw = raw[:8] + bytes([raw[8] & ~_VP8X_EXIF_XMP & 0xFF]) + raw[9:]
            elif chunk.kind == b"ANMF":
                raw = _strip_frame(data, chunk)
            parts.append(raw)
    except riff.RiffError as exc:
        raise StripError(f"broken WebP: {exc}") from None
    body = b"WEBP" + b"".join(parts)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _strip_frame(data: bytes, anmf: riff.Chunk) -> bytes:
    header = data[anmf.start + 8 : anmf.start + 24]
    inner = b"".join(data[c.start : c.end] for c in riff.frame_chunks(data, anmf)
                     if c.kind in riff.FRAME_CHUNKS)
    payload = header + inner
    return b"ANMF" + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)


def strip_heif(data: bytes) -> bytes:
    try:
        return isobmff.blank_metadata(data)
    except isobmff.IsoBmffError as exc:
        raise StripError.said("heif", error=exc) from None


STRIPPERS = {"JPEG": strip_jpeg, "PNG": strip_png, "WEBP": strip_webp, "HEIF": strip_heif}


def sniff_format(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if riff.is_webp(data):
        return "WEBP"
    if isobmff.is_heif(data):
        return "HEIF"  # HEIC, HEIF and AVIF share the container
    return None


def cleaned_copy(data: bytes) -> bytes:
    """The image with its metadata removed, verified by reading it back.

    Raises StripError for formats that cannot be cleaned without re-encoding (TIFF,
    GIF, ...) and when anything identifying is still there afterwards.
    """
    kind = sniff_format(data)
    if kind is None:
        raise StripError.said("unsupported")
    cleaned = STRIPPERS[kind](data)
    if kind == "HEIF":
        left_items = isobmff.leftover_metadata(cleaned)
        if left_items:
            raise StripError.said("left-items", items=", ".join(left_items))
    try:
        left = metadata_from_bytes(cleaned)
    except UnreadablePhoto as exc:
        raise StripError.said("unreadable", error=exc) from exc
    if left.gps_tags or left.identifying or left.location_names or left.other \
            or left.taken_at or left.camera:
        raise StripError.said("left")
    return cleaned

