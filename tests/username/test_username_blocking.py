"""The one-pass fingerprint search says "blocked" exactly when one of the fingerprints,
searched one by one as before, is in the answer: a challenge page it missed would be read
as an answer (a false "not found"), one it invented would hide a real answer."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from footprint_checks.username.detect import blocked_by, blocking_table, parse_blocking
from hypothesis import example, given, settings
from hypothesis import strategies as st

TABLE = blocking_table()
BODIES = [f.body for f in TABLE.fingerprints if f.body]
TABLE_FILE = Path("checks/footprint_checks/username/data/blocking.json")


def one_by_one(body: bytes) -> str | None:
    lowered = body[:256 * 1024].decode("utf-8", "replace").lower()
    return next((f.name for f in TABLE.fingerprints if f.body and f.body in lowered), None)


def answer(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body)


def with_print(text: str, index: int, at: int, upper: bool) -> bytes:
    fingerprint = BODIES[index % len(BODIES)]
    fingerprint = fingerprint.upper() if upper else fingerprint
    at = min(at, len(text))
    return (text[:at] + fingerprint + text[at:]).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.integers(0, 100), st.integers(0, 400), st.booleans(),
       st.booleans())
@example("<html>x</html>", 0, 6, False, True)
@example("\u212a\u0130 caf\u00e9 \U0001f600", 3, 2, True, True)  # non-ASCII case mappings
def test_one_pass_finds_what_one_by_one_finds(text: str, index: int, at: int, upper: bool,
                                             insert: bool) -> None:
    body = with_print(text, index, at, upper) if insert else text.encode("utf-8")
    expected = one_by_one(body)
    got = blocked_by(answer(body), TABLE)
    if expected is None:
        assert got is None
    else:
        assert got is not None and expected in got.en


@given(st.binary(max_size=400))
def test_undecodable_bytes_are_read_the_same(body: bytes) -> None:
    assert (blocked_by(answer(body), TABLE) is None) == (one_by_one(body) is None)


def test_a_fingerprint_past_the_first_256_kib_is_not_looked_for() -> None:
    late = b"x" * (256 * 1024) + b"<title>Just a moment...</title>"
    early = b"<title>JUST A MOMENT...</title>" + b"x" * (256 * 1024)
    assert blocked_by(answer(late), TABLE) is None
    reason = blocked_by(answer(early), TABLE)
    assert reason is not None and "Cloudflare challenge" in reason.en


def test_the_first_fingerprint_in_table_order_names_the_page() -> None:
    # the DataDome host comes first on the page, Cloudflare's title first in the table
    body = b"<script src=//geo.captcha-delivery.com/x></script><title>Just a moment...</title>"
    reason = blocked_by(answer(body), TABLE)
    assert reason is not None and "Cloudflare challenge" in reason.en


def test_a_table_with_headers_only_still_reads_headers() -> None:
    table = parse_blocking({"fingerprints": [
        {"name": "Vendor", "header": "x-blocked", "value": ""}]}, "test")
    assert blocked_by(httpx.Response(200, content=b"<p>ok</p>"), table) is None
    blocked = httpx.Response(200, headers={"x-blocked": "1"}, content=b"<p>ok</p>")
    reason = blocked_by(blocked, table)
    assert reason is not None and "Vendor" in reason.en


def test_the_bundled_table_is_the_one_searched() -> None:
    bodies = [f["body"].lower() for f in json.loads(TABLE_FILE.read_text("utf-8"))
              ["fingerprints"] if "body" in f]
    assert bodies == BODIES
    for body in bodies:
        assert blocked_by(answer(f"<p>{body.upper()}</p>".encode()), TABLE) is not None
