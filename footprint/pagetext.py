"""What footprint reads off a web page (:class:`PageText`) and the pieces both page readers
(lxml in ``extract_lxml``, BeautifulSoup in ``extract_soup``) share to build it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

MAX_IMAGES = 50


@dataclass(frozen=True, slots=True)
class PageText:
    title: str
    text: str  # visible text, then link targets, attributes and JSON-LD values, one per line
    images: tuple[str, ...] = ()  # absolute image URLs, in page order
    links: tuple[str, ...] = ()  # absolute http(s) link targets


def jsonld_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from jsonld_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from jsonld_strings(v)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)


_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9]")  # with a host: urljoin keeps it as it is
# characters urlsplit removes or rewrites, IPv6 brackets it checks, ";params" it splits off
_UNSAFE = re.compile(r"[\x00-\x20\\;\[\]]")


def origin_of(base_url: str) -> str:
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and \
        parts.netloc else ""


def absolute_url(base_url: str, origin: str, href: str) -> str:
    """``urljoin(base_url, href)``, without its cost (20 µs) for the common shapes."""
    # urljoin also drops an empty query or fragment ("p?", "p#", "p?#f")
    if "/." not in href and "?#" not in href and not href.endswith(("?", "#")) \
            and not _UNSAFE.search(href):
        if _ABSOLUTE.match(href):
            return href
        if origin and href.startswith("/") and not href.startswith("//"):
            return origin + href
    try:
        return urljoin(base_url, href)
    except ValueError:  # "https://[nonsense": not an address, so not a link
        return ""


# A path from the site's root that absolute_url would join by hand anyway ("/p/12"): no
# white space to strip, no "/." or "//", no query, fragment or character urlsplit rewrites
_ROOT_PATH = re.compile(r"/(?![/.])(?:[^\s\x00-\x20\\;\[\]?#/]|/(?![/.]))*")


def add_link(href: str, base_url: str, extra: list[str], links: list[str],
          origin: str = "") -> None:
    """``tel:``/``mailto:`` targets are text; http(s) targets (made absolute) are links."""
    if origin and _ROOT_PATH.fullmatch(href):  # most links on a page: 3 times faster
        links.append(origin + href)
        return
    href = href.strip()
    scheme = href.split(":", 1)[0].lower()
    if scheme in ("mailto", "tel", "sms", "callto"):
        extra.append(unquote(href.split(":", 1)[1]))
    elif scheme in ("http", "https") or not href.startswith(("#", "javascript:", "data:")):
        absolute = absolute_url(base_url, origin, href)
        if absolute.startswith(("http://", "https://")):
            links.append(absolute)


def add_links(hrefs: Iterable[str], base_url: str, extra: list[str], links: list[str],
              origin: str = "") -> None:
    """:func:`add_link` for each, with its common case (a path from the site's root) taken
    here without a call: a page may have a thousand links."""
    root_path = _ROOT_PATH.fullmatch if origin else None
    for href in hrefs:
        if root_path is not None and root_path(href):
            links.append(origin + href)
        else:
            add_link(href, base_url, extra, links, origin)


def shown_attribute(tag: str, name: str, value: str, attrs: Callable[[str], str]) -> bool:
    if tag == "meta" and name == "content":
        return attrs("name").lower() in ("description", "author", "keywords") or \
            attrs("property").startswith(("og:", "profile:"))
    return name != "content" and bool(value)


def assemble(title: str, body: str, extra: list[str], jsonld: list[str],
             images: Iterable[str], links: list[str], base_url: str) -> PageText:
    origin = origin_of(base_url)
    kept: dict[str, None] = {}  # the first MAX_IMAGES distinct ones: a page may have 1,000
    for src in images:
        url = absolute_url(base_url, origin, src.strip())
        if url.startswith(("http://", "https://")):
            kept[url] = None
            if len(kept) == MAX_IMAGES:
                break
    return PageText(title=title, text="\n".join([body, *extra, *jsonld]),
                    images=tuple(kept), links=tuple(dict.fromkeys(links)))
