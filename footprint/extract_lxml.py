"""extract.py's fast path: the same PageText, read with lxml (libxml2)."""

from __future__ import annotations

import json
import re

from lxml import etree

from footprint.pagetext import PageText, add_links, assemble, jsonld_strings, origin_of

_HIDDEN = etree.XPath("//script|//style|//noscript|//template")
_HREFS = etree.XPath("//a/@href", smart_strings=False)
_IMAGES = etree.XPath("//img/@src", smart_strings=False)
_SHOWN_ATTRIBUTES = etree.XPath("//@alt | //@title | //@aria-label", smart_strings=False)
_LOWER = "translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_META_CONTENT = etree.XPath(  # as pagetext.shown_attribute decides for <meta content>
    f"//meta[{_LOWER}='description' or {_LOWER}='author' or {_LOWER}='keywords'"
    " or starts-with(@property, 'og:') or starts-with(@property, 'profile:')]/@content",
    smart_strings=False)


_SPACES = re.compile(r"\s+")


# every text node under an element, in document order: what itertext() yields, handed
# back as one list by libxml2 (a tenth of itertext's cost: no Python step per node)
_TEXTS = etree.XPath("descendant-or-self::text()", smart_strings=False)


def _lines(element: etree._Element) -> str:
    """Each text node on its own line, stripped, empty ones left out (as BeautifulSoup's
    ``get_text("\\n", strip=True)``), at C speed: no Python step per text node."""
    return tidy_lines("\n".join(_TEXTS(element)))


def tidy_lines(text: str) -> str:
    """Lines stripped, empty ones left out: the same as ``re.sub(r"\\s*\\n\\s*", "\\n",
    text).strip()`` (a run of white space holding a newline becomes one newline), ten
    times faster: that expression tries a match at every space between words."""
    return "\n".join(filter(None, map(str.strip, text.split("\n"))))


def _drop(element: etree._Element) -> None:
    """Remove an element and what is in it, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def read_with_lxml(html: str, base_url: str = "") -> PageText | None:
    """None where libxml2 could not read the whole page: the caller reads it another way."""
    data = html.encode("utf-8", "replace")
    if not data.strip():
        return None
    # the text was decoded already: whatever the page declares, these bytes are UTF-8
    # plain etree elements: lxml.html's element classes cost a Python call per element
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              no_network=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    if any(e.level >= etree.ErrorLevels.FATAL for e in parser.error_log):
        return None  # e.g. "excessive depth": libxml2 dropped the rest of the page
    if any("<" in (e.text or "") for e in root.iter("title", "textarea")):
        return None  # left open, it swallowed the page's markup as text
    jsonld: list[str] = []
    for script in root.iter("script"):
        if script.get("type") == "application/ld+json":
            try:
                jsonld.extend(jsonld_strings(json.loads(script.text or "")))
            except (ValueError, RecursionError):
                continue
    title_element = root.find(".//title")
    title = _SPACES.sub(" ", _lines(title_element)) if title_element is not None else ""
    for hidden in _HIDDEN(root):
        _drop(hidden)
    extra: list[str] = []
    links: list[str] = []
    origin = origin_of(base_url)
    # XPath hands back attribute values as plain strings, in C: a Python step per element
    # of a 100 KiB page costs more than parsing it
    add_links(_HREFS(root), base_url, extra, links, origin)
    extra += [value for value in _SHOWN_ATTRIBUTES(root) if value]
    extra += _META_CONTENT(root)
    images = _IMAGES(root)
    return assemble(title, _lines(root), extra, jsonld, images, links, base_url)
