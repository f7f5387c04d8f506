from __future__ import annotations

import pytest
from footprint_checks.breach.htmltext import html_to_text

from .helpers import load_json


def test_adobe_description_becomes_plain_text() -> None:
    adobe = load_json("hibp_breach_list_full_adobe.json")[0]
    text = html_to_text(adobe["Description"])
    assert "<" not in text and ">" not in text
    assert "email, encrypted password" in text
    assert "disclosed much about the passwords adding" in text
    assert "troyhunt.com" not in text  # link targets are not text


def test_hibp_unicode_escaped_html_is_decoded_then_stripped() -> None:
    first = load_json("hibp_breaches_excerpt.json")[0]
    assert "\u003Ca href" in first["Description"]  # the JSON escape decodes to a real tag
    text = html_to_text(first["Description"])
    assert "000webhost suffered a major data breach that exposed" in text
    assert "href" not in text


def test_scripts_styles_and_entities() -> None:
    html = ("<p>A&amp;B &quot;quoted&quot;</p><script>alert('x')</script>"
            "<style>p{color:red}</style><div>next</div>")
    assert html_to_text(html) == 'A&B "quoted" next'


def test_control_characters_and_bidi_overrides_are_removed() -> None:
    text = html_to_text("safe\x1b]0;owned\x07 text \u202eevil\x00")
    assert "\x1b" not in text and "\u202e" not in text and "\x00" not in text
    assert text.startswith("safe")


@pytest.mark.parametrize("value", ["", None])
def test_empty(value: str | None) -> None:
    assert html_to_text(value) == ""


def test_url_like_description_is_still_text_without_warning() -> None:
    # bs4 warns that this "looks like a URL"; warnings are errors in this test suite
    assert html_to_text("https://example.com/breach") == "https://example.com/breach"


def test_length_is_bounded() -> None:
    assert len(html_to_text("word " * 5000, limit=100)) == 100
