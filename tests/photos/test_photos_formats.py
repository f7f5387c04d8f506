"""Phone formats: HEIC/HEIF and AVIF read and cleaned, GPS without seconds, WebP metadata in
chunks that image readers do not know."""

from __future__ import annotations

import struct

import pytest
from footprint_checks.photos import isobmff, strip
from footprint_checks.photos.assess import HomeArea, Where, assess
from footprint_checks.photos.metadata import metadata_from_bytes
from footprint_checks.photos.strip import StripError, cleaned_copy
from footprint_checks.photos.texts import gps_title

from .factory import (
    AT_HOME,
    FAR_AWAY,
    HOME,
    XMP_WITH_GPS,
    add_webp_chunk,
    make_heif,
    make_photo,
    pixels,
)

HOME_AREA = HomeArea(HOME[0], HOME[1], 250)


@pytest.mark.parametrize(("fmt", "name"), [("HEIF", "HEIF"), ("AVIF", "AVIF")])
def test_heic_and_avif_gps_and_tags_are_read(fmt: str, name: str) -> None:
    meta = metadata_from_bytes(make_heif(AT_HOME, fmt=fmt, serial="SN-77", xmp=XMP_WITH_GPS))
    assert meta.format == name and meta.gps is not None and meta.gps.source == "EXIF"
    assert meta.gps.latitude == pytest.approx(AT_HOME[0], abs=1e-6)
    assert meta.camera == "Acme Phone 1" and ("BodySerialNumber", "SN-77") in meta.identifying
    assert "XMP" in meta.other
    assert assess(meta, HOME_AREA).where is Where.AT_HOME


@pytest.mark.parametrize("fmt", ["HEIF", "AVIF"])
def test_heic_and_avif_are_cleaned_in_place_with_the_image_untouched(fmt: str) -> None:
    original = make_heif(AT_HOME, fmt=fmt, serial="SN-77", owner="Jan de Vries",
                         xmp=XMP_WITH_GPS)
    cleaned = cleaned_copy(original)
    meta = metadata_from_bytes(cleaned)
    assert meta.gps is None and not meta.gps_tags and not meta.has_metadata
    for secret in (b"SN-77", b"Jan de Vries", b"Acme", b"GPSLatitude", b"2026:05:01"):
        assert secret in original and secret not in cleaned
    assert len(cleaned) == len(original) and pixels(cleaned) == pixels(original)
    # only the metadata items' bytes changed
    spans = isobmff.metadata_spans(original)
    changed = [i for i, (a, b) in enumerate(zip(original, cleaned, strict=True)) if a != b]
    assert changed and all(any(o <= i < o + n for _, o, n in spans) for i in changed)


def test_a_foreign_top_level_box_is_blanked_too() -> None:
    original = make_heif(AT_HOME)
    box = b"uuid" + bytes(16) + b"Lindelaan 4, GPS 52.09 5.12"
    with_box = original + (8 + len(box) - 4).to_bytes(4, "big") + box
    assert isobmff.leftover_metadata(isobmff.blank_metadata(with_box)) == []
    assert b"Lindelaan" not in cleaned_copy(with_box)


def test_heif_read_back_catches_a_cleaner_that_missed_something(monkeypatch) -> None:
    monkeypatch.setitem(strip.STRIPPERS, "HEIF", lambda data: data)
    with pytest.raises(StripError, match="Exif item"):
        cleaned_copy(make_heif(AT_HOME))


def test_broken_heif_is_refused_not_guessed() -> None:
    original = make_heif(AT_HOME)
    with pytest.raises(StripError, match="HEIF/AVIF"):
        cleaned_copy(original[:40])


def test_undefined_seconds_keep_a_position_with_its_precision() -> None:
    """Some cameras write the seconds as 0/0: degrees and minutes still place the photo."""
    meta = metadata_from_bytes(make_photo(AT_HOME, undefined_seconds=True))
    assert meta.gps is not None and meta.gps.precision_m == pytest.approx(1852)
    assert meta.gps.latitude == pytest.approx(52 + 5 / 60)  # 52 deg 5 min
    assert meta.gps.longitude == pytest.approx(5 + 7 / 60)
    a = assess(meta, HOME_AREA)
    assert a.where is Where.AT_HOME  # about 800 m off, but within the precision
    assert gps_title(a).en.endswith("; position precise to within about 1.9 km")
    assert gps_title(a).nl.endswith("; positie tot op ongeveer 1,9 km nauwkeurig")


def test_precise_positions_carry_no_precision_note() -> None:
    meta = metadata_from_bytes(make_photo(FAR_AWAY))
    assert meta.gps is not None and meta.gps.precision_m is None
    assert "precise" not in gps_title(assess(meta, HOME_AREA)).en


def test_webp_xmp_in_a_nonstandard_chunk_is_seen_and_cleaned() -> None:
    original = add_webp_chunk(make_photo(None, fmt="WEBP"), b"XMP\x00", XMP_WITH_GPS)
    meta = metadata_from_bytes(original)
    assert meta.gps is not None and meta.gps.source == "XMP"
    assert "WebP chunk 'XMP\\0'" in meta.other
    cleaned = cleaned_copy(original)
    assert b"XMP\x00" not in cleaned and b"GPSLatitude" not in cleaned
    assert not metadata_from_bytes(cleaned).has_metadata
    assert pixels(cleaned) == pixels(original)


def test_webp_unknown_chunks_go_and_the_read_back_sees_them(monkeypatch) -> None:
    original = add_webp_chunk(make_photo(None, fmt="WEBP"), b"ABCD", b"vendor data")
    assert "WebP chunk 'ABCD'" in metadata_from_bytes(original).other
    assert b"ABCD" not in cleaned_copy(original)
    monkeypatch.setitem(strip.STRIPPERS, "WEBP", lambda data: data)
    with pytest.raises(StripError, match="still present"):
        cleaned_copy(original)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full(kind: bytes, version: int, payload: bytes) -> bytes:
    return _box(kind, bytes([version, 0, 0, 0]) + payload)


def _hand_made_heif(image_method: int = 0, exif_method: int = 1) -> bytes:
    """A HEIF laid out by hand after ISO/IEC 23008-12: iinf version 0 with infe versions 2
    and 3, iloc version 1, the Exif item in idat (construction method 1) and the coded
    image and the XMP in mdat."""
    exif = b"\x00\x00\x00\x00MM\x00*\x00\x00\x00\x08 Kerkstraat 12a "
    xmp = b"<x:xmpmeta>GPSLatitude 52,5.4N</x:xmpmeta>"
    coded = b"CODED-IMAGE-DATA"

    def layout(mdat_body: int) -> bytes:
        infes = (_full(b"infe", 2, struct.pack(">HH", 1, 0) + b"Exif\x00")
                 + _full(b"infe", 2, struct.pack(">HH", 2, 0) + b"hvc1\x00")
                 + _full(b"infe", 3, struct.pack(">IH", 3, 0) + b"mime\x00"
                         + b"application/rdf+xml\x00"))
        items = [(1, exif_method, 0, len(exif)), (2, image_method, mdat_body, len(coded)),
                 (3, 0, mdat_body + len(coded), len(xmp))]
        iloc = bytes([0x44, 0x00]) + struct.pack(">H", len(items)) + b"".join(
            struct.pack(">HHHHII", item, method, 0, 1, offset, length)
            for item, method, offset, length in items)
        meta = _full(b"meta", 0, _full(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
                     + _full(b"iinf", 0, struct.pack(">H", 3) + infes)
                     + _full(b"iloc", 1, iloc) + _box(b"idat", exif))
        return _box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic") + meta
    head = layout(0)
    head = layout(len(head) + 8)
    return head + _box(b"mdat", coded + xmp)


def test_hand_made_heif_metadata_in_idat_and_mdat_is_blanked() -> None:
    original = _hand_made_heif()
    assert sorted(kind for kind, _, _ in isobmff.metadata_spans(original)) == [b"Exif",
                                                                               b"mime"]
    assert isobmff.leftover_metadata(original) == ["Exif item", "mime item"]
    cleaned = isobmff.blank_metadata(original)
    assert b"Kerkstraat" not in cleaned and b"GPSLatitude" not in cleaned
    assert b"CODED-IMAGE-DATA" in cleaned and len(cleaned) == len(original)
    assert isobmff.leftover_metadata(cleaned) == []


def test_items_built_from_other_items_are_refused_only_when_they_are_metadata() -> None:
    assert isobmff.metadata_spans(_hand_made_heif(image_method=2))  # an image item: fine
    with pytest.raises(isobmff.IsoBmffError, match="by reference"):
        isobmff.metadata_spans(_hand_made_heif(exif_method=2))
