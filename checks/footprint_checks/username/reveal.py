"""What a found public profile gives away, judged locally.

The page (and the API answer the probe already got) is read on this machine: private
markers are matched with footprint.matching, location fields and coordinates are picked
out, and links to other accounts are listed. Nothing here sends anything.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from footprint.matching import find_markers, masked_excerpt, postcode_near_number
from footprint.matchkeys import marker_key
from footprint.models import L10n, Severity
from footprint.page_reader import PageReaders
from footprint.profile.markers import Marker, MarkerKind, fold
from footprint.profile.model import HomeLocation, Profile

MAX_LINKS = 8
MAX_VALUE = 80
_LOCATION_KEYS = {"location", "city", "hometown", "home_town", "town", "region", "country",
                  "locality", "addresslocality", "place", "woonplaats", "plaats", "state"}
# "^" as a literal newline (the text is searched with one put in front): the expression
# then starts only where there is a newline, not at every character (twice as fast)
_LOCATION_LABEL = re.compile(
    r"\n\s*(?:location|city|home ?town|lives in|woonplaats|locatie|plaats|woont in)\s*[:\-]\s*"
    r"(.{2,80})$", re.IGNORECASE | re.MULTILINE)
_NUM = r"(-?\d{1,3}\.\d{3,})"
# matched against lower-cased text: literal lower-case patterns scan about 25 times faster
# than re.IGNORECASE on a 100 KiB page
_LATLNG_PAIR = re.compile(r"latlng\"?\s*[:=]\s*\[\s*" + _NUM + r"\s*,\s*" + _NUM)
_LAT = re.compile(r"lat(?:itude)?\"?\s*[:=]\s*\"?" + _NUM)
_LNG = re.compile(r"l(?:ng|on(?:g(?:itude)?)?)\"?\s*[:=]\s*\"?" + _NUM)


@dataclass(frozen=True, slots=True)
class PageView:
    """One readable document: the probe's answer or the profile page."""

    url: str
    text: str
    links: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    points: tuple[tuple[float, float], ...] = ()  # from the raw document: scripts, attributes


@dataclass
class Exposure:
    matched: list[str] = field(default_factory=list)  # evidence keys, never values
    matched_l10n: list[L10n] = field(default_factory=list)
    excerpt: str | None = None
    locations: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    coordinates: int = 0
    near_home: bool = False
    home_city: bool = False  # the town in the private address appears on the page
    page_read: bool = False

    def severity(self, floor: Severity) -> Severity:
        if self.matched or self.near_home:
            return Severity.HIGH
        if self.locations or self.coordinates or self.home_city:
            return max(floor, Severity.MEDIUM)
        return floor


def _json_strings(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _json_strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v, key)
    elif isinstance(value, str):
        yield key, value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield key, str(value)


async def read_document(url: str, body: str, content_type: str,
                        pages: PageReaders | None = None) -> PageView:
    """Text, links and location fields of an HTML page or a JSON answer (PageNotRead
    when the page could not be read)."""
    stripped = body.lstrip()
    points = tuple(_coordinates(body))
    if "json" in content_type or stripped.startswith(("{", "[")):
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            data = None
        if data is not None:
            pairs = list(_json_strings(data))
            text = "\n".join(f"{k}: {v}" for k, v in pairs)
            links = tuple(dict.fromkeys(v for _, v in pairs
                                        if v.startswith(("https://", "http://"))))
            locations = tuple(dict.fromkeys(
                v.strip() for k, v in pairs
                if k.lower().replace("-", "_") in _LOCATION_KEYS and v.strip()))
            return PageView(url, text, links, locations, points)
    page = await (pages or PageReaders.here_only()).read(body, url)
    labelled = _LOCATION_LABEL.finditer("\n" + page.text)
    locations = tuple(dict.fromkeys(m.group(1).strip() for m in labelled))
    return PageView(url, page.text, page.links, locations, points)


def _coordinates(text: str) -> list[tuple[float, float]]:
    text = text.lower()
    found = [(float(a), float(b)) for a, b in _LATLNG_PAIR.findall(text)]
    lats, lngs = _LAT.findall(text), _LNG.findall(text)
    found += [(float(a), float(b)) for a, b in zip(lats, lngs, strict=False)]
    return [(a, b) for a, b in found if -90 <= a <= 90 and -180 <= b <= 180]


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def _near(points: Sequence[tuple[float, float]], home: HomeLocation | None) -> bool:
    if home is None:
        return False
    radius = max(home.radius_m, 500.0)
    return any(distance_m(p, (home.latitude, home.longitude)) <= radius for p in points)


def _other_accounts(links: Sequence[str], own_hosts: Sequence[str],
                    known_hosts: frozenset[str]) -> list[str]:
    own = {h.removeprefix("www.") for h in own_hosts}
    # a page links to a few hosts hundreds of times: each host is judged once, and a page
    # with no link to another known site (most pages) costs one pass over its links
    netlocs = [link.split("/", 3)[2] if link.startswith(("https://", "http://"))
               else "\0" + link for link in links]  # \0: never a web link's host
    others = set()
    for netloc, link in dict(zip(netlocs, links, strict=True)).items():
        host = (urlsplit(link).hostname or "").lower().removeprefix("www.")
        if host and host not in own and host in known_hosts:
            others.add(netloc)
    if not others:
        return []
    out = [link[:200] for link, netloc in zip(links, netlocs, strict=True) if netloc in others]
    return list(dict.fromkeys(out))[:MAX_LINKS]


def assess(views: Sequence[PageView], markers: tuple[Marker, ...], profile: Profile,
           own_hosts: Sequence[str], known_hosts: frozenset[str]) -> Exposure:
    exposure = Exposure(page_read=bool(views))
    city = fold(profile.private.address.city)
    # the town one governs is public: naming it says nothing about where one lives
    private_town = len(city) >= 3 and city != fold(profile.municipality)
    city_marker = (Marker(MarkerKind.OTHER, (city,)),) if private_town else ()
    for view in views:
        hits = find_markers(view.text, (*markers, *city_marker))
        private = [h for h in hits if h.marker not in city_marker]
        house = profile.private.address.house_number
        for hit in private:
            label, key = hit.marker.label, marker_key(hit.marker.kind)
            if postcode_near_number(view.text, hit, house):
                label = L10n(en="home address (postcode and house number)",
                             nl="huisadres (postcode en huisnummer)")
                key = marker_key(MarkerKind.POSTCODE, with_number=True)
            if key not in exposure.matched:
                exposure.matched.append(key)
                exposure.matched_l10n.append(label)
        if any(h.marker in city_marker for h in hits):
            exposure.home_city = True
        if hits and exposure.excerpt is None:
            spans = [(h.start, h.end) for h in hits]
            exposure.excerpt = masked_excerpt(view.text, spans)
        for value in view.locations:
            masked = masked_excerpt(value, [(h.start, h.end) for h in
                                            find_markers(value, (*markers, *city_marker))])
            if masked not in exposure.locations:
                exposure.locations.append(masked[:MAX_VALUE])
        exposure.coordinates += len(view.points)
        home = profile.private.home_location
        exposure.near_home = exposure.near_home or _near(view.points, home)
        for link in _other_accounts(view.links, own_hosts, known_hosts):
            if link not in exposure.links and len(exposure.links) < MAX_LINKS:
                exposure.links.append(link)
    return exposure
