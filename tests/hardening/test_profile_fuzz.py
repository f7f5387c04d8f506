"""Generated profiles: the loader returns a Profile or raises a ProfileError that names
the file, and never anything else. A loaded profile never carries a marker too short to
match safely."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.errors import ProfileError
from footprint.profile.load import parse_profile
from footprint.profile.markers import MIN_MARKER_LENGTH, private_markers
from footprint.profile.model import Profile

SOURCE = "generated.toml"

PLAUSIBLE = [
    "Jan de Vries", "jdevries", "jan@devries.nl", "jan@", "06 12345678", "+31612345678",
    "0612", "3511 AB", "3511ab", "0123 AB", "Kerkstraat", "Ab", "12", "12a", "a",
    "https://example.nl/jan", "file:///etc/passwd", "javascript:alert(1)", "example.nl",
    "12345678", "1234", "Renée Jünger", "Jan", "AB-123-C", "0123456789ab", "done",
    "not-me", "[bold]x[/bold]", "\x1b]0;title\x07", "\u202etxt", "", " ", "@@@",
]
SECTIONS = {
    "person": ["name", "aliases", "role", "municipality"],
    "public": ["usernames", "emails", "phones", "domains", "urls", "kvk_numbers",
               "trade_names"],
    "private": ["address", "phones", "family", "other", "home_location"],
}
SUBSECTIONS = {
    "address": ["street", "house_number", "addition", "postcode", "city"],
    "home_location": ["latitude", "longitude", "radius_m"],
}
SUPPRESSION_KEYS = ["finding", "reason", "note", "date"]

texts = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=30))
scalars = st.one_of(
    texts, st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.dates(), st.datetimes(), st.times(),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=3)), max_leaves=8)


def keys_from(known: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(known), st.sampled_from(known), texts)


@st.composite
def profile_data(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for section, known in SECTIONS.items():
        if not draw(st.booleans()):
            continue
        table: dict[str, Any] = {}
        for key in draw(st.lists(keys_from(known), max_size=5)):
            if key in SUBSECTIONS and draw(st.booleans()):
                sub = draw(st.dictionaries(keys_from(SUBSECTIONS[key]),
                                           st.one_of(texts, values), max_size=5))
                table[key] = sub
            else:
                table[key] = draw(st.one_of(texts, st.lists(texts, max_size=3), values))
        data[section] = table
    if draw(st.booleans()):
        data["suppressions"] = draw(st.one_of(
            st.lists(st.dictionaries(keys_from(SUPPRESSION_KEYS), st.one_of(texts, values),
                                     max_size=4), max_size=3),
            values))
    if draw(st.integers(0, 9)) == 0:
        data[draw(texts)] = draw(values)
    return data


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    raise TypeError(value)


def to_toml(data: dict[str, Any]) -> str:
    return "\n".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(v)}"
                     for k, v in data.items()) + "\n"


def _check(text: str) -> None:
    try:
        profile = parse_profile(text, SOURCE)
    except ProfileError as exc:
        assert str(exc).startswith(SOURCE), str(exc)
        assert "\n" not in str(exc).rstrip("\n").split(": ", 1)[0]
        return
    assert isinstance(profile, Profile)
    for marker in private_markers(profile, include_street=True):
        assert marker.variants
        assert all(len(v) >= MIN_MARKER_LENGTH for v in marker.variants), marker


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data())
def test_generated_profiles_load_or_fail_cleanly(data: dict[str, Any]) -> None:
    _check(to_toml(data))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_loads_or_fails_cleanly(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "[person]", "[public]", "[private]", "[private.address]", "[private.home_location]",
    "[[suppressions]]", "name = \"Jan\"", "usernames = [\"jan\"]", "postcode = \"3511 AB\"",
    "street = \"Kerkstraat\"", "house_number = \"12\"", "family = [\"Marieke\"]",
    "latitude = 52.1", "longitude = 5.1", "finding = \"0123456789ab\"", "reason = \"done\"",
    "date = 2026-01-01", "phones = [\"0612345678\"]", "x = 1", "[x]", "= =",
]), max_size=12))
def test_shuffled_profile_lines_load_or_fail_cleanly(lines: list[str]) -> None:
    _check("\n".join(lines) + "\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data())
def test_generated_profiles_through_the_cli(data: dict[str, Any]) -> None:
    """Through ``footprint scan``: a bad profile is exit 4 with one ``error:`` line naming
    the file; a good one gets past loading (and stops at the unknown check id, exit 2, so
    nothing is scanned)."""
    import tempfile
    from pathlib import Path

    from typer.testing import CliRunner

    from footprint.cli.app import app

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.toml"
        path.write_text(to_toml(data), encoding="utf-8")
        result = CliRunner().invoke(app, ["scan", "--profile", str(path), "--only",
                                          "no-such.check", "--no-progress"])
    lines = result.stderr.strip().splitlines()
    assert result.exit_code in (2, 4), result.output
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    if result.exit_code == 4:
        assert lines[0].startswith(f"error: {path}")
    else:
        assert "no-such.check" in lines[0]
    assert result.stdout == ""
