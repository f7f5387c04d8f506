"""Find private markers in untrusted text, locally, and quote them without the private value.

Every check that matches text (pages, API answers, register records) goes through here, so
that "found" means the same everywhere and no excerpt ever carries the private value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footprint.profile.markers import Marker, MarkerKind, fold, fold_char, plain

MASK = "█████"
EXCERPT_RADIUS = 60


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Text folded like markers are, with a map back to positions in the original."""

    original: str
    folded: str
    origin: tuple[int, ...]  # origin[i] = index in original of folded[i]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            for c in fold_char(ch):
                chars.append(c)
                origin.append(i)
        return cls(text, "".join(chars), tuple(origin))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span of folded[start:end]."""
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True, slots=True)
class MarkerMatch:
    marker: Marker
    start: int  # span in the original text
    end: int


def _bounded(text: str, start: int, end: int) -> bool:
    """A match must not be part of a longer word or number ("12" inside "123")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def find_markers(text: str, markers: Iterable[Marker]) -> list[MarkerMatch]:
    """Every whole-word occurrence of any marker variant, leftmost first, without overlaps."""
    markers = tuple(markers)
    if contains_marker(text, markers) is None:
        # fold() gives the same letters as FoldedText, at C speed: most pages hold no
        # marker, and only those that do pay for the position map (26 ms per 100 KiB)
        return []
    folded = FoldedText.of(text)
    hits: list[MarkerMatch] = []
    for marker in markers:
        for variant in marker.variants:
            pos = folded.folded.find(variant)
            while pos != -1:
                start, end = folded.span(pos, pos + len(variant))
                if _bounded(text, start, end):
                    hits.append(MarkerMatch(marker, start, end))
                pos = folded.folded.find(variant, pos + 1)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[MarkerMatch] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def contains_marker(text: str, markers: Iterable[Marker]) -> Marker | None:
    """The first marker whose folded spelling occurs anywhere, word boundaries or not.

    Used by the HTTP guard, which must err on the side of not sending.
    """
    folded = fold(text)  # no position map needed here, and fold is C-speed
    plain_text: str | None = None
    for marker in markers:
        if any(v in folded for v in marker.variants):
            return marker
        if marker.words:
            plain_text = plain(text) if plain_text is None else plain_text
            if any(w.search(plain_text) for w in marker.words):
                return marker
    return None


_WS = re.compile(r"\s+")


def masked_excerpt(
    text: str, spans: Sequence[tuple[int, int]], focus: int = 0, radius: int = EXCERPT_RADIUS
) -> str:
    """A short excerpt around spans[focus] with every span in it replaced by a mask."""
    if not spans:
        return _WS.sub(" ", text[: 2 * radius]).strip()
    start, end = spans[focus]
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    pieces: list[str] = []
    cursor = lo
    for s, e in sorted(spans):
        if e <= lo or s >= hi:
            continue
        pieces.append(text[cursor : max(cursor, s)])
        pieces.append(MASK)
        cursor = max(cursor, e)
    pieces.append(text[cursor:hi])
    body = _WS.sub(" ", "".join(pieces)).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def postcode_near_number(text: str, match: MarkerMatch, house_number: str,
                         window: int = 40) -> bool:
    """Whether the house number appears right by a postcode match ("Kerkstraat 12, 1234 AB")."""
    if match.marker.kind is not MarkerKind.POSTCODE or not house_number:
        return False
    around = text[max(0, match.start - window) : match.end + window]
    pattern = rf"(?<![\dA-Za-z]){re.escape(house_number)}(?![\d])"
    return re.search(pattern, around) is not None


# Generic detectors: things that look private but are not in the profile.
_NL_POSTCODE_ADDRESS = re.compile(
    r"\b([A-Z][a-zà-ÿ'’.-]+(?:\s[A-Za-zà-ÿ'’.-]+){0,3}\s\d{1,5}\s?[a-zA-Z]?(?:-\d+)?)"
    r"[,\s]+(\d{4}\s?[A-Z]{2})\b"
)
_NL_MOBILE = re.compile(r"(?<![\d+])(?:\+31|0031|0)[\s-]?6(?:[\s-]?\d){8}(?!\d)")


@dataclass(frozen=True, slots=True)
class GenericHit:
    what: str  # "address" or "mobile"
    start: int
    end: int


def generic_hits(text: str) -> list[GenericHit]:
    """Dutch street addresses with a postcode, and Dutch mobile numbers."""
    hits = [GenericHit("address", m.start(), m.end()) for m in _NL_POSTCODE_ADDRESS.finditer(text)]
    hits += [GenericHit("mobile", m.start(), m.end()) for m in _NL_MOBILE.finditer(text)]
    return sorted(hits, key=lambda h: h.start)
