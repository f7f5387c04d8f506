"""Text a person could read off a web page, including the parts browsers hide.

Addresses and phone numbers hide in ``tel:``/``mailto:`` links, ``alt`` and ``title``
attributes, meta descriptions and JSON-LD (schema.org ``address`` blocks), so those are
extracted alongside the visible text. Scripts and styles are dropped.

lxml reads a page about thirty times faster than BeautifulSoup (4 ms against 130 ms for
100 KiB), which matters when a sweep finds a hundred profile pages on one event loop. Where
libxml2 gives up part-way (it stops at 256 levels of nesting and drops the rest of the
page), the page is read again with BeautifulSoup, which is slow but never stops early: text
a parser skipped would be text the privacy check never saw.
"""

from __future__ import annotations

from footprint.extract_soup import read_with_soup
from footprint.pagetext import PageText, absolute_url, origin_of

__all__ = ["PageText", "absolute_url", "extract_page", "origin_of", "read_with_soup"]


def extract_page(html: str, base_url: str = "") -> PageText:
    from footprint.extract_lxml import read_with_lxml  # lxml: only once a page is read

    page = read_with_lxml(html, base_url)
    return page if page is not None else read_with_soup(html, base_url)
