"""No decoding trick yields "clear" (issue 14): each hostile body carries the private
address (or hides it), and the check over the real HTTP stack ends exposed or
inconclusive, never clear."""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Iterator

import pytest

from footprint.models import Status

from .faultserver import FaultServer, Reply, serve
from .harness import FAST, FetchPage, run_one

# The address comes last, so a body cut short loses exactly it.
PAGE = ("<html><head><title>Raad</title></head><body>" + "<p>Nieuws van de raad.</p>" * 400
        + "<p>Jan woont aan de Kerkstraat 12, 3511 AB</p></body></html>").encode()
HARMLESS = b"<html><head><title>Raad</title></head><body><p>Welkom.</p></body></html>"


def _gz(content_type: str, body: bytes, coding: str = "gzip") -> Reply:
    return Reply(200, (("Content-Type", content_type), ("Content-Encoding", coding)), body)


def _stacked(body: bytes, stages: int) -> bytes:
    for _ in range(stages):
        body = gzip.compress(body, compresslevel=1)
    return body


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    full = gzip.compress(PAGE)
    html = "text/html; charset=utf-8"
    pages = {
        "/gzip-cut": _gz(html, full[: len(full) * 6 // 10]),
        "/gzip-header-only": _gz(html, full[:10]),
        "/gzip-trailing": _gz(html, gzip.compress(HARMLESS) + gzip.compress(PAGE)),
        "/gzip-trailing-junk": _gz(html, gzip.compress(HARMLESS) + b"\x00" * 100_000),
        "/deflate-cut": _gz(html, zlib.compress(PAGE)[:-30], "deflate"),
        "/three-codings": _gz(html, _stacked(PAGE, 3), "gzip, gzip, gzip"),
        "/many-codings": _gz(html, _stacked(b"x", 2000), ", ".join(["gzip"] * 2000)),
        "/two-codings": _gz(html, _stacked(PAGE, 2), "gzip, gzip"),
        "/utf16be-no-bom": Reply(200, (("Content-Type", "text/html; charset=utf-16be"),),
                                 PAGE + b" " * (len(PAGE) % 2)),
        "/cp037": Reply(200, (("Content-Type", "text/html; charset=cp037"),), PAGE),
        "/cp500": Reply(200, (("Content-Type", "text/html; charset=cp500"),), PAGE),
        "/utf16-bom": Reply(200, (("Content-Type", "text/html; charset=utf-16"),),
                            PAGE.decode().encode("utf-16")),
    }
    with serve(pages) as running:
        yield running


@pytest.mark.parametrize("path", ["/gzip-cut", "/gzip-header-only", "/gzip-trailing",
                                  "/gzip-trailing-junk", "/deflate-cut", "/three-codings",
                                  "/many-codings"])
async def test_a_body_not_fully_decoded_is_inconclusive(server: FaultServer, path: str) -> None:
    started = time.monotonic()
    result = await run_one(FetchPage(server.url(path)))
    assert result.status is Status.INCONCLUSIVE, (result.status, result.reason)
    assert "decoded" in result.reason.en  # type: ignore[union-attr]
    assert time.monotonic() - started < 5  # 2,000 stages are refused, not inflated


async def test_endless_empty_deflate_blocks_are_cut_at_the_raw_cap(server: FaultServer) -> None:
    result = await run_one(FetchPage(server.url("/deflate-forever")))
    assert result.status is Status.INCONCLUSIVE, result.reason
    assert "exceeded" in result.reason.en  # type: ignore[union-attr]
    assert server.hits["/deflate-forever bytes"] < 4 * FAST.max_bytes + 8 * 65_000


@pytest.mark.parametrize("path", ["/two-codings", "/utf16be-no-bom", "/cp037", "/cp500",
                                  "/utf16-bom"])
async def test_the_address_is_found_whatever_the_charset_says(server: FaultServer,
                                                              path: str) -> None:
    result = await run_one(FetchPage(server.url(path)))
    assert result.status is Status.EXPOSED, (result.status, result.reason)
