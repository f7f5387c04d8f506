"""extract.py's fallback reader: BeautifulSoup's html.parser, slow but never stops early."""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING

from footprint.pagetext import (
    PageText,
    add_links,
    assemble,
    jsonld_strings,
    origin_of,
    shown_attribute,
)

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from bs4.element import Tag

_HIDDEN = ("script", "style", "noscript", "template")
_ATTRIBUTES = ("alt", "title", "aria-label", "content")


def _jsonld(soup: BeautifulSoup) -> list[str]:
    found: list[str] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue
        found.extend(jsonld_strings(data))
    return found


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def read_with_soup(html: str, base_url: str = "") -> PageText:
    from bs4 import BeautifulSoup  # about 65 ms to import: only when lxml could not read it

    soup = BeautifulSoup(html, "html.parser")
    jsonld = _jsonld(soup)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_HIDDEN):
        tag.decompose()
    extra: list[str] = []
    links: list[str] = []
    origin = origin_of(base_url)
    add_links((_attr(a, "href") for a in soup.find_all("a", href=True)), base_url, extra,
              links, origin)
    for tag in soup.find_all(True):
        for name in _ATTRIBUTES:
            if name in tag.attrs and shown_attribute(tag.name, name, _attr(tag, name),
                                                     functools.partial(_attr, tag)):
                extra.append(_attr(tag, name))
    images = [_attr(img, "src") for img in soup.find_all("img", src=True)]
    return assemble(title, soup.get_text("\n", strip=True), extra, jsonld, images, links,
                    base_url)
