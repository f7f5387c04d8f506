"""Hostile bodies: huge, compressed, badly encoded or deeply nested. Memory stays bounded
and the private markers on a badly encoded page are still found (no false "clear")."""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Iterator

import pytest

from footprint.extract import extract_page
from footprint.models import Status

from .faultserver import FaultServer, Reply, nested_html, serve
from .harness import FAST, FetchPage, run_one

HTML = "text/html"
PAGE = "<html><head><title>Raad</title></head><body><p>Renée Jünger woont aan de " \
       "Kerkstraat 12, 3511 AB</p></body></html>"


def _page(content_type: str, body: bytes) -> Reply:
    return Reply(200, (("Content-Type", content_type),), body)


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    pages = {
        "/cp1252-as-utf8": _page("text/html; charset=utf-8", PAGE.encode("cp1252")),
        "/utf8-as-latin1": _page("text/html; charset=iso-8859-1", PAGE.encode("utf-8")),
        "/unknown-charset": _page("text/html; charset=x-no-such-charset", PAGE.encode()),
        "/no-charset-cp1252": _page(HTML, PAGE.encode("cp1252")),
        "/invalid-utf8": _page("text/html; charset=utf-8",
                               b"\xff\xfe\xc3(" + PAGE.encode() + b"\xed\xa0\x80\x80"),
        "/utf16-declared-utf8": _page("text/html; charset=utf-8", PAGE.encode("utf-16")),
        "/nested-marker": _page(HTML, nested_html(inner="Kerkstraat 12")),
    }
    with serve(pages) as running:
        yield running


@pytest.mark.parametrize("path", ["/big", "/gzip-bomb"])
async def test_memory_stays_bounded(server: FaultServer, path: str) -> None:
    cap = FAST.max_bytes
    tracemalloc.start()
    try:
        result = await run_one(FetchPage(server.url(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.status is Status.INCONCLUSIVE
    assert "exceeded" in result.reason.en  # type: ignore[union-attr]
    # The body is read up to the cap and no further: a few times the cap at most, nowhere
    # near the 20 MB body or the 200 MB the bomb inflates to.
    assert peak < 4 * cap + 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB for a {cap} byte cap"


@pytest.mark.parametrize("path", ["/cp1252-as-utf8", "/utf8-as-latin1", "/unknown-charset",
                                  "/no-charset-cp1252", "/invalid-utf8",
                                  "/utf16-declared-utf8"])
async def test_badly_encoded_pages_still_match(server: FaultServer, path: str) -> None:
    result = await run_one(FetchPage(server.url(path)))
    assert result.status is Status.EXPOSED, result.reason
    labels = set(result.findings[0].evidence.matched)
    assert "home address" in labels
    if path != "/utf16-declared-utf8":
        assert "family member's name" in labels  # "Renée Jünger", whatever the declaration


def test_extract_page_survives_100000_nested_tags() -> None:
    limit = sys.getrecursionlimit()
    started = time.monotonic()
    page = extract_page(nested_html(inner="Kerkstraat 12").decode(), "https://example.test/")
    assert sys.getrecursionlimit() == limit
    assert "Kerkstraat 12" in page.text
    assert page.title == "nested"
    assert time.monotonic() - started < 30


async def test_nested_page_through_a_scan(server: FaultServer) -> None:
    result = await run_one(FetchPage(server.url("/nested-marker")), check_timeout=30)
    assert result.status is Status.EXPOSED, result.reason
