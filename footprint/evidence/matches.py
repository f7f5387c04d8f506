"""Where a captured page shows private details: matched locally, quoted unmasked.

The same matching as the scan (footprint.matching): the person's own markers, then the
generic Dutch address and mobile-number patterns. Unlike a report, the excerpt keeps the
value: a statement for the police has to show what the page says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from footprint.errors import ResponseTooLarge
from footprint.evidence.fetch import Hop
from footprint.extract import extract_page
from footprint.http.body import read_capped, text_encoding
from footprint.matching import find_markers, generic_hits
from footprint.profile.markers import Marker

RADIUS = 80
_READABLE = ("text/html", "application/xhtml+xml", "text/plain", "application/xml",
             "text/xml", "application/json", "text/csv", "text/markdown")
MAX_PER_PAGE = 50
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # a marker kind ("address", "postcode", "phone", ...) or "generic-address"
    value: str  # the text on the page that matched
    excerpt: str  # the text around it, unmasked


@dataclass(frozen=True, slots=True)
class PageMatches:
    found: tuple[Found, ...]
    problem: str | None = None  # why the page could not be (fully) read for matching


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - RADIUS), min(len(text), end + RADIUS)
    body = _WS.sub(" ", text[lo:hi]).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


async def _decoded(hop: Hop, limit: int) -> str:
    headers = [(k, v) for k, v in hop.response_headers
               if k.lower() not in ("transfer-encoding", "content-length")]
    response = httpx.Response(hop.status, headers=headers, stream=httpx.ByteStream(hop.body),
                              request=httpx.Request("GET", hop.url))
    body = await read_capped(response, limit)
    return body.decode(text_encoding(response.charset_encoding, body), "replace")


async def page_matches(hop: Hop, markers: tuple[Marker, ...], limit: int) -> PageMatches:
    """What private details the hop's page shows, with why matching fell short if it did."""
    try:
        raw_text = await _decoded(hop, limit)
    except (ResponseTooLarge, httpx.DecodingError) as exc:
        return PageMatches((), f"the body could not be decoded for matching: {exc}")
    kind = next((v for k, v in hop.response_headers if k.lower() == "content-type"),
                "text/html").split(";")[0].strip().lower()
    if kind not in _READABLE and not kind.endswith(("+json", "+xml")):
        return PageMatches((), f"this kind of content ({kind}) is not searched for private "
                               "details; look at it yourself in the WARC file")
    text = raw_text
    if kind in ("text/html", "application/xhtml+xml"):
        page = extract_page(raw_text, hop.url)
        # the title is matched too, once: the page text often repeats it
        text = page.text if page.title in page.text else f"{page.title}\n{page.text}"
    matches = find_markers(text, markers)
    found = [Found(m.marker.kind.value, text[m.start:m.end], _excerpt(text, m.start, m.end))
             for m in matches]
    taken = [(m.start, m.end) for m in matches]
    for hit in generic_hits(text):
        if any(hit.start < e and s < hit.end for s, e in taken):
            continue
        found.append(Found(f"generic-{hit.what}", text[hit.start:hit.end],
                           _excerpt(text, hit.start, hit.end)))
    problem = None
    if hop.truncated:
        problem = "the page was larger than the capture limit; only its first part was matched"
    if len(found) > MAX_PER_PAGE:
        problem = f"{len(found)} matches; the first {MAX_PER_PAGE} are listed"
    return PageMatches(tuple(found[:MAX_PER_PAGE]), problem)
