"""Profiles: validation names file, line and field; private markers take their wild forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import ProfileError
from footprint.profile.load import load_profile, parse_profile
from footprint.profile.markers import MarkerKind, phone_variants, private_markers


@pytest.mark.parametrize(("text", "line", "field", "words"), [
    ("[person]\nname = 'x'\nnickname = 'y'\n", 3, "person.nickname", "unknown key"),
    ("[public]\nemails = ['not-an-email']\n", 2, "public.emails", "not a valid email"),
    ("[private.address]\npostcode = '123'\n", 2, "private.address.postcode", "postcode"),
    ("[private]\nphones = ['12']\n", 2, "private.phones", "phone"),
    ("[public]\nurls = ['file:///etc/passwd']\n", 2, "public.urls", "http"),
    ("[public]\nurls = ['javascript:alert(1)']\n", 2, "public.urls", "http"),
    ("[private]\nfamily = ['Bo']\n", 2, "private.family", "too short"),
    ("[public]\nusernames = 'ok'\nemails = 5\n", 3, "public.emails", "list of strings"),
    ("[person]\nname = 'a'\n[person\n", 3, None, "not valid TOML"),
    ("colour = 'red'\n", 1, "colour", "unknown key"),
])
def test_errors_name_line_and_field(text: str, line: int, field: str | None,
                                    words: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "me.toml")
    message = str(info.value)
    assert message.startswith(f"me.toml:{line}: ")
    assert words in message
    if field:
        assert info.value.field == field


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="file not found"):
        load_profile(tmp_path / "nope.toml")
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    with pytest.raises(ProfileError, match="empty"):
        load_profile(empty)


def test_values_are_normalised(profile) -> None:  # type: ignore[no-untyped-def]
    assert profile.private.address.postcode == "3511 AB"
    assert profile.private.phones == ("+31612345678",)
    assert profile.public.kvk_numbers == ("12345678",)


def test_marker_variants_cover_the_wild_forms(profile) -> None:  # type: ignore[no-untyped-def]
    markers = {m.kind: m for m in private_markers(profile, include_street=True)}
    assert set(markers[MarkerKind.ADDRESS].variants) == {"kerkstraat12a", "kerkstr12a"}
    assert markers[MarkerKind.POSTCODE].variants == ("3511ab",)
    assert set(markers[MarkerKind.PHONE].variants) == {
        "0612345678", "31612345678", "0031612345678", "612345678"}
    assert MarkerKind.STREET in markers
    assert MarkerKind.STREET not in {m.kind for m in private_markers(profile)}


def test_foreign_numbers_keep_their_own_national_form() -> None:
    assert {"4930123456", "004930123456", "030123456"} <= phone_variants("+49 30 123456")


def test_house_number_without_street_is_an_error() -> None:
    with pytest.raises(ProfileError, match="street"):
        parse_profile("[private.address]\nhouse_number = '12'\n")
