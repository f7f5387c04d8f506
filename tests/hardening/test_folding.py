"""Letters that Unicode does not decompose still fold to how Dutch records write them:
"Yılmaz" is found as "Yilmaz" and "YILMAZ" (no false clear), and the guard blocks both."""

from __future__ import annotations

import httpx
import pytest

from footprint.http.guard import blocking_marker
from footprint.matching import find_markers, masked_excerpt
from footprint.profile.load import parse_profile
from footprint.profile.markers import fold, private_markers

PAIRS = [
    ("Yılmaz", "Yilmaz"), ("Yılmaz", "YILMAZ"), ("Søren Ørsted", "Soren Orsted"),
    ("Łukasz Wałęsa", "Lukasz Walesa"),
    ("Ægidius Cœur", "Aegidius Coeur"), ("Straße", "Strasse"), ("Þóra", "Thora"),
]


@pytest.mark.parametrize(("profile_spelling", "page_spelling"), PAIRS)
def test_fold_agrees(profile_spelling: str, page_spelling: str) -> None:
    assert fold(profile_spelling) == fold(page_spelling)


@pytest.mark.parametrize(("family", "page"), [
    ("Ayşe Yılmaz", "Ook aanwezig: Ayse Yilmaz (dochter)."),
    ("Ayşe Yılmaz", "AYSE YILMAZ, Kerkstraat"),
    ("Søren Ørsted", "Soren Orsted woont hier"),
])
def test_pages_with_the_plain_spelling_are_found(family: str, page: str) -> None:
    profile = parse_profile(f'[private]\nfamily = ["{family}"]\n', "fold.toml")
    hits = find_markers(page, private_markers(profile))
    assert hits, "a false clear: the family member's name is on the page"
    excerpt = masked_excerpt(page, [(h.start, h.end) for h in hits])
    assert "ilmaz" not in excerpt.lower() and "rsted" not in excerpt.lower()
    request = httpx.Request("GET", "https://a.example/s", params={"q": page})
    assert blocking_marker(request, private_markers(profile)) is not None
