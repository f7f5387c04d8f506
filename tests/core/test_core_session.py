"""HttpSession: capped bodies, a polite bounded retry, Retry-After in both forms."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import httpx
import pytest

from footprint.errors import ResponseTooLarge
from footprint.http.client import USER_AGENT, HttpOptions, build_client
from footprint.http.session import HttpSession, retry_after_seconds


def session(handler, **kw: object) -> tuple[httpx.AsyncClient, HttpSession]:  # type: ignore[no-untyped-def]
    client = build_client((), HttpOptions(), transport=httpx.MockTransport(handler))
    return client, HttpSession(client, **kw)  # type: ignore[arg-type]


async def test_body_over_the_cap_is_not_read() -> None:
    client, s = session(lambda r: httpx.Response(200, content=b"x" * 5000), max_bytes=1000)
    async with client:
        with pytest.raises(ResponseTooLarge):
            await s.get("https://big.example/")


async def test_gzip_bomb_is_capped_after_decompression() -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    client, s = session(lambda r: httpx.Response(
        200, content=bomb, headers={"content-encoding": "gzip"}), max_bytes=100_000)
    async with client:
        with pytest.raises(ResponseTooLarge):
            await s.get("https://bomb.example/")


async def test_gzip_body_is_decoded_and_headers_make_sense() -> None:
    body = gzip.compress("héllo".encode())
    client, s = session(lambda r: httpx.Response(
        200, content=body, headers={"content-encoding": "gzip",
                                    "content-type": "text/plain; charset=utf-8"}))
    async with client:
        response = await s.get("https://gz.example/")
    assert response.text == "héllo"
    assert "content-encoding" not in response.headers


async def test_retry_after_is_honoured_once() -> None:
    answers = [httpx.Response(429, headers={"retry-after": "0"}), httpx.Response(200, text="ok")]
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return answers.pop(0)

    client, s = session(handler)
    async with client:
        response = await s.get("https://rl.example/")
    assert response.status_code == 200 and len(calls) == 2
    assert calls[0].headers["user-agent"] == USER_AGENT


@pytest.mark.parametrize("headers", [{}, {"retry-after": "3600"}])
async def test_no_retry_without_or_with_a_long_retry_after(headers: dict[str, str]) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, headers=headers)

    client, s = session(handler, max_retry_wait=5.0)
    async with client:
        response = await s.get("https://rl.example/")
    assert response.status_code == 429 and len(calls) == 1


def test_retry_after_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    headers = httpx.Headers({"retry-after": "Thu, 01 Jan 2026 12:00:30 GMT"})
    assert retry_after_seconds(headers, now) == 30.0
    assert retry_after_seconds(httpx.Headers({"retry-after": "soon"}), now) is None
