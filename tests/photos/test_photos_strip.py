"""Cleaned copies: the tags are gone and the pixels are exactly the original ones."""

from __future__ import annotations

import io
import struct

import pytest
from footprint_checks.photos.metadata import metadata_from_bytes
from footprint_checks.photos.strip import StripError, cleaned_copy
from PIL import Image, ImageCms

from .factory import AT_HOME, make_photo, pixels

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description '
       b'exif:GPSLatitude="52,5.442N" exif:GPSLongitude="5,7.284E"/></x:xmpmeta>')


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _with_segments(jpeg: bytes, *segments: bytes, trailer: bytes = b"") -> bytes:
    return jpeg[:2] + b"".join(segments) + jpeg[2:] + trailer


def _entropy_data(jpeg: bytes) -> bytes:
    """Everything from the first start-of-scan marker to the end of the image."""
    start = jpeg.index(b"\xff\xda")
    return jpeg[start: jpeg.rindex(b"\xff\xd9") + 2]


def _assert_clean(data: bytes) -> None:
    meta = metadata_from_bytes(data)
    assert meta.gps is None and not meta.gps_tags
    assert meta.taken_at is None and meta.camera is None
    assert not meta.identifying and not meta.location_names and not meta.other


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_strip_removes_tags_and_keeps_pixels(fmt: str) -> None:
    original = make_photo(AT_HOME, fmt=fmt, serial="SN-1", owner="Jan de Vries")
    assert metadata_from_bytes(original).gps is not None
    cleaned = cleaned_copy(original)
    _assert_clean(cleaned)
    assert pixels(cleaned) == pixels(original)
    assert len(cleaned) < len(original)


def test_jpeg_is_not_reencoded() -> None:
    original = make_photo(AT_HOME, serial="SN-1")
    cleaned = cleaned_copy(original)
    assert _entropy_data(cleaned) == _entropy_data(original)


def test_progressive_jpeg_keeps_every_scan() -> None:
    original = make_photo(AT_HOME, save_options={"progressive": True})
    assert original.count(b"\xff\xda") > 1
    cleaned = cleaned_copy(original)
    assert _entropy_data(cleaned) == _entropy_data(original)
    assert pixels(cleaned) == pixels(original)


def test_xmp_comments_iptc_thumbnail_and_trailer_go() -> None:
    base = make_photo(None, make="", model="", taken=None)
    dirty = _with_segments(
        base,
        _segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP),
        _segment(0xFE, b"Lindelaan 27, taken from the bedroom"),
        _segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x00"),
        _segment(0xE0, b"JFXX\x00\x10thumbnail"),
        trailer=b"SEFH vendor trailer with location",
    )
    assert metadata_from_bytes(dirty).gps is not None  # from the XMP
    cleaned = cleaned_copy(dirty)
    _assert_clean(cleaned)
    for gone in (b"GPSLatitude", b"Lindelaan", b"8BIM", b"JFXX", b"SEFH"):
        assert gone not in cleaned
    assert pixels(cleaned) == pixels(base)


def test_orientation_is_kept_so_the_photo_does_not_turn() -> None:
    original = make_photo(AT_HOME, orientation=6)
    cleaned = cleaned_copy(original)
    with Image.open(io.BytesIO(cleaned)) as image:
        exif = image.getexif()
        assert exif.get(0x0112) == 6
        assert 0x8825 not in exif and 0x8769 not in exif


def test_colour_profile_is_kept() -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = make_photo(AT_HOME, save_options={"icc_profile": icc})
    cleaned = cleaned_copy(original)
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.info.get("icc_profile") == icc


def test_png_text_chunks_go() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Lindelaan 27")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    original = make_photo(None, fmt="PNG", save_options={"pnginfo": info})
    assert metadata_from_bytes(original).gps is not None
    cleaned = cleaned_copy(original)
    assert b"Lindelaan" not in cleaned and b"GPSLatitude" not in cleaned
    assert pixels(cleaned) == pixels(original)


def test_formats_that_need_reencoding_are_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "TIFF")
    with pytest.raises(StripError):
        cleaned_copy(buffer.getvalue())


def test_broken_jpeg_is_refused() -> None:
    with pytest.raises(StripError):
        cleaned_copy(b"\xff\xd8\xff\xe1\x00")
