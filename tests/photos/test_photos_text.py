"""Text tags decoded as written, and file names that tell files apart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from footprint_checks.photos.exif_text import exif_text, repair, user_comment
from footprint_checks.photos.local import display_names
from footprint_checks.photos.metadata import metadata_from_bytes
from PIL import Image


def _jpeg(ifd0: dict[int, object], exif_ifd: dict[int, object] | None = None) -> bytes:
    exif = Image.Exif()
    for tag, value in ifd0.items():
        exif[tag] = value
    exif.get_ifd(0x8769).update(exif_ifd or {})
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize(("raw", "text"), [
    (b"\xc2\xa9 Corbis", "© Corbis"),  # UTF-8, which Pillow reads as "Â© Corbis"
    (b"\xa9 Corbis", "© Corbis"),  # Windows-1252 / Latin-1
    (b"Ren\xe9e \x80 5", "Renée € 5"),  # 0x80 is the euro sign only in Windows-1252
    (b"Fran\xc3\xa7oise", "Françoise"),
    (b"plain", "plain"),
])
def test_legacy_encoded_ascii_tags_are_decoded(raw: bytes, text: str) -> None:
    meta = metadata_from_bytes(_jpeg({0x013B: raw}))
    assert ("Artist", text) in meta.identifying


def test_double_encoded_utf8_is_repaired() -> None:
    assert repair("Ã‚Â© Corbis") == "© Corbis"
    assert repair("Â© Corbis") == "© Corbis"
    assert repair("© Corbis") == "© Corbis"  # already right: left alone
    assert exif_text("Müller") == "Müller"


@pytest.mark.parametrize(("raw", "big_endian", "text"), [
    (b"ASCII\x00\x00\x00Kerkstraat 12\x00", False, "Kerkstraat 12"),
    (b"UNICODE\x00" + "Grüße uit Utrecht".encode("utf-16-be"), True, "Grüße uit Utrecht"),
    (b"UNICODE\x00" + "Grüße uit Utrecht".encode("utf-16-le"), False, "Grüße uit Utrecht"),
    (b"\x00" * 8 + b"Caf\xe9", False, "Café"),
    (b"ASCII\x00\x00\x00" + b" " * 20, False, ""),  # cameras pad the field with spaces
])
def test_user_comment_charset_prefix(raw: bytes, big_endian: bool, text: str) -> None:
    assert user_comment(raw, big_endian) == text


def test_user_comment_and_xp_author_are_reported() -> None:
    data = _jpeg({0x9C9D: "Jan de Vries".encode("utf-16-le") + b"\x00\x00"},
                 {0x9286: b"UNICODE\x00" + "Thuis".encode("utf-16-be")})
    meta = metadata_from_bytes(data)
    assert ("XPAuthor", "Jan de Vries") in meta.identifying
    assert ("UserComment", "Thuis") in meta.identifying


def test_display_names_are_the_shortest_distinguishing_suffix() -> None:
    paths = [Path("/home/jan/Foto's/2026/mei/IMG_0001.HEIC"),
             Path("/home/jan/Foto's/2026/juni/IMG_0001.HEIC"),
             Path("/home/jan/Foto's/2025/mei/IMG_0001.HEIC"),
             Path("/home/jan/Foto's/2026/mei/IMG_0002.HEIC")]
    assert display_names(paths) == ["2026/mei/IMG_0001.HEIC", "juni/IMG_0001.HEIC",
                                    "2025/mei/IMG_0001.HEIC", "IMG_0002.HEIC"]
    assert display_names([Path("x.jpg"), Path("b/x.jpg")]) == ["x.jpg", "b/x.jpg"]
