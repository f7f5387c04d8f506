"""Breach descriptions arrive as HTML: reduce them to plain text that is safe to show."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from footprint.textsafe import clean

_WS = re.compile(r"\s+")
_DROPPED = ("script", "style", "template", "iframe", "object", "noscript")
_BLOCKS = ("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "ul", "ol", "table")


def html_to_text(html: str | None, limit: int = 2000) -> str:
    """Visible text only: tags, scripts and styles go, entities are decoded, whitespace is
    collapsed, and control characters or bidi overrides are removed."""
    if not html:
        return ""
    with warnings.catch_warnings():
        # a description that happens to look like a URL or file name is still just text
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_DROPPED):
        tag.decompose()
    for tag in soup(_BLOCKS):
        tag.insert_after(" ")  # so "a<br>b" reads "a b", while "<em>x</em>y" stays "xy"
    text = soup.get_text()
    return clean(_WS.sub(" ", text).strip(), limit=limit)
