"""Untrusted text as inert markdown: the escaping every markdown renderer shares."""

from __future__ import annotations

import re

from footprint.textsafe import clean

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>!|~&@^$])")
_BLOCK_START = re.compile(r"^(\s*)([-+#=]|\d+[.)])")  # would start a list or heading
_SCHEME = re.compile(r"://")
_WWW = re.compile(r"(?i)\b(www)\.")


def esc(text: str | None, *, limit: int | None = 500, mid_line: bool = False) -> str:
    """Untrusted text as inert markdown: no formatting, no HTML, no links. ``mid_line``:
    the text follows other text on its line, so it cannot start a list or heading."""
    if not text:
        return ""
    cleaned = clean(text, limit=limit)
    cleaned = _SCHEME.sub("[:]//", cleaned)  # defanged: never an autolink
    cleaned = _WWW.sub(r"\1[.]", cleaned)
    cleaned = _SPECIAL.sub(r"\\\1", cleaned)
    if mid_line:
        return cleaned
    return _BLOCK_START.sub(lambda m: m.group(1) + _escape_last(m.group(2)), cleaned)


def _escape_last(token: str) -> str:
    return token[:-1] + "\\" + token[-1]


def code(text: str) -> str:
    """An inline code span (ids); backslashes mean nothing there, so backticks go."""
    return "`" + clean(text, limit=200).replace("`", "'") + "`"
