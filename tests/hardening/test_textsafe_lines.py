"""Untrusted text on one line stays on one line: the Unicode line and paragraph separators
(U+2028, U+2029) break lines as much as a newline does (str.splitlines, many terminals)."""

from __future__ import annotations

import pytest

from footprint.textsafe import clean


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\n", "\r"])
def test_a_line_separator_cannot_start_a_second_line(separator: str) -> None:
    text = clean(f"unknown key{separator}error: forged")
    assert text.splitlines() == [text] and text == "unknown key error: forged"


def test_kept_newlines_stay_but_unicode_separators_still_go() -> None:
    assert clean("a\nb\u2028c", keep_newlines=True) == "a\nb c"
