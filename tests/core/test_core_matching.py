"""Local matching: whole words, mapped back to the original text, masked in excerpts."""

from __future__ import annotations

from footprint.matching import (
    MASK,
    find_markers,
    generic_hits,
    masked_excerpt,
    postcode_near_number,
)
from footprint.profile.markers import MarkerKind, private_markers


def test_finds_every_wild_spelling_and_nothing_longer(profile) -> None:  # type: ignore[no-untyped-def]
    markers = private_markers(profile)
    text = ("Post: Kerkstr. 12-A, 3511ab Utrecht. Bel +31 (0)6? no: +31 6 1234 5678. "
            "Ook Marieke DE Vries. Niet: Kerkstraat 123, 13511ABC, 0612345678901.")
    kinds = [m.marker.kind for m in find_markers(text, markers)]
    assert kinds == [MarkerKind.ADDRESS, MarkerKind.POSTCODE, MarkerKind.PHONE,
                     MarkerKind.FAMILY]


def test_excerpt_masks_every_private_value(profile) -> None:  # type: ignore[no-untyped-def]
    text = "Wethouder Jan woont aan de Kerkstraat 12a, 3511 AB Utrecht, met Marieke de Vries."
    matches = find_markers(text, private_markers(profile))
    excerpt = masked_excerpt(text, [(m.start, m.end) for m in matches])
    assert "Kerkstraat" not in excerpt and "3511" not in excerpt and "Marieke" not in excerpt
    assert excerpt.count(MASK) == 3 and "Wethouder Jan" in excerpt


def test_postcode_with_house_number_nearby(profile) -> None:  # type: ignore[no-untyped-def]
    markers = [m for m in private_markers(profile) if m.kind is MarkerKind.POSTCODE]
    near = "nr. 12, 3511 AB"
    far = "3511 AB " + "x" * 80 + " 12"
    [hit] = find_markers(near, markers)
    assert postcode_near_number(near, hit, "12")
    [hit] = find_markers(far, markers)
    assert not postcode_near_number(far, hit, "12")


def test_generic_detectors() -> None:
    text = "Adres: Lindelaan 27, 4321 ZX Dijkhoven. Mobiel 06-11223344. Kantoor 030 1234567."
    assert [h.what for h in generic_hits(text)] == ["address", "mobile"]
