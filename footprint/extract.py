"""Text a person could read off a web page, including the parts browsers hide.

Addresses and phone numbers hide in ``tel:``/``mailto:`` links, ``alt`` and ``title``
attributes, meta descriptions and JSON-LD (schema.org ``address`` blocks), so those are
extracted alongside the visible text. Scripts and styles are dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

from bs4 import BeautifulSoup
from bs4.element import Tag

_HIDDEN = ("script", "style", "noscript", "template")
_ATTRIBUTES = ("alt", "title", "aria-label", "content")
MAX_IMAGES = 50


@dataclass(frozen=True, slots=True)
class PageText:
    title: str
    text: str  # visible text, then link targets, attributes and JSON-LD values, one per line
    images: tuple[str, ...] = ()  # absolute image URLs, in page order
    links: tuple[str, ...] = ()  # absolute http(s) link targets


def _jsonld_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _jsonld_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _jsonld_strings(v)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)


def _jsonld(soup: BeautifulSoup) -> list[str]:
    found: list[str] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue
        found.extend(_jsonld_strings(data))
    return found


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def extract_page(html: str, base_url: str = "") -> PageText:
    soup = BeautifulSoup(html, "html.parser")
    jsonld = _jsonld(soup)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_HIDDEN):
        tag.decompose()
    extra: list[str] = []
    links: list[str] = []
    for a in soup.find_all("a", href=True):
        href = _attr(a, "href").strip()
        scheme = href.split(":", 1)[0].lower()
        if scheme in ("mailto", "tel", "sms", "callto"):
            extra.append(unquote(href.split(":", 1)[1]))
        elif scheme in ("http", "https") or not href.startswith(("#", "javascript:", "data:")):
            absolute = urljoin(base_url, href)
            if absolute.startswith(("http://", "https://")):
                links.append(absolute)
    for tag in soup.find_all(True):
        for name in _ATTRIBUTES:
            if name not in tag.attrs:
                continue
            if tag.name == "meta" and name == "content":
                if _attr(tag, "name").lower() in ("description", "author", "keywords") or \
                        _attr(tag, "property").startswith(("og:", "profile:")):
                    extra.append(_attr(tag, name))
            elif name != "content" and tag.get(name):
                extra.append(_attr(tag, name))
    images = [urljoin(base_url, _attr(img, "src")) for img in soup.find_all("img", src=True)]
    images = [u for u in images if u.startswith(("http://", "https://"))]
    body = soup.get_text("\n", strip=True)
    text = "\n".join([body, *extra, *jsonld])
    return PageText(title=title, text=text, images=tuple(dict.fromkeys(images))[:MAX_IMAGES],
                    links=tuple(dict.fromkeys(links)))
