"""Untrusted text is data: strip what a terminal, markdown or HTML would act on.

Web pages and API answers may carry ANSI/OSC escape sequences (colour, window title,
hyperlinks, cursor moves), other control characters and bidirectional overrides. They
are removed before text reaches any output; each renderer then escapes its own syntax.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?)"  # OSC ... BEL or ST (titles, OSC 8 links)
    r"|(?:\x1b[P^_X][^\x1b]*(?:\x1b\\)?)"  # DCS, PM, APC, SOS strings
    r"|(?:\x1b\[[0-?]*[ -/]*[@-~])"  # CSI (colours, cursor movement)
    r"|(?:\x9b[0-?]*[ -/]*[@-~])"  # 8-bit CSI
    r"|(?:\x1b.)"  # any other two-character escape
)
_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
         "\u2069", "\u200e", "\u200f", "\u061c"}


def clean(text: str, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """Text with escape sequences, control characters and bidi overrides removed."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    out = []
    for ch in text:
        if ch in "\n\t" and keep_newlines:
            out.append(ch)
        elif ch in "\n\t\r" or unicodedata.category(ch) in ("Zl", "Zp"):
            out.append(" ")  # U+2028/U+2029 end a line too (str.splitlines, terminals)
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Co"):
            continue
        else:
            out.append(ch)
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[: limit - 1] + "…"
    return result
