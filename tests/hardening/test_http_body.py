"""The bounded body reader and the charset choice, on real streamed responses."""

from __future__ import annotations

import codecs
import gzip
import zlib

import httpx
import pytest

from footprint.errors import ResponseTooLarge
from footprint.http.body import read_capped, text_encoding


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, data: bytes, size: int = 65536) -> None:
        self.pieces = [data[i:i + size] for i in range(0, len(data), size)] or [b""]

    async def __aiter__(self):  # type: ignore[no-untyped-def]
        for piece in self.pieces:
            yield piece


def _streamed(body: bytes, encoding: str = "") -> httpx.Response:
    headers = {"Content-Encoding": encoding} if encoding else {}
    return httpx.Response(200, headers=headers, stream=_Chunks(body),
                          request=httpx.Request("GET", "https://example.test/"))


TEXT = "Kerkstraat 12, 3511 AB. " * 400


@pytest.mark.parametrize(("encoding", "encode"), [
    ("", lambda b: b),
    ("identity", lambda b: b),
    ("gzip", gzip.compress),
    ("x-gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b, wbits=-15)),  # raw deflate, as some servers send
    ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
    ("deflate, gzip", lambda b: gzip.compress(zlib.compress(b))),
])
async def test_decodes_what_it_asks_for(encoding: str, encode: object) -> None:
    body = TEXT.encode()
    assert await read_capped(_streamed(encode(body), encoding), 1 << 20) == body  # type: ignore[operator]


async def test_exactly_at_the_cap_is_fine_one_byte_more_is_not() -> None:
    body = b"x" * 1000
    assert await read_capped(_streamed(gzip.compress(body), "gzip"), 1000) == body
    with pytest.raises(ResponseTooLarge):
        await read_capped(_streamed(gzip.compress(body + b"x"), "gzip"), 1000)
    with pytest.raises(ResponseTooLarge):
        await read_capped(_streamed(body + b"x"), 1000)


async def test_a_nested_bomb_is_stopped_at_the_first_stage_too() -> None:
    inner = gzip.compress(bytes(50 * 1024 * 1024))
    with pytest.raises(ResponseTooLarge):
        await read_capped(_streamed(gzip.compress(inner), "gzip, gzip"), 64 * 1024)


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
async def test_encodings_it_cannot_bound_are_an_error_not_garbage(encoding: str) -> None:
    with pytest.raises(httpx.DecodingError, match="unsupported content encoding"):
        await read_capped(_streamed(b"\x1b\x00 whatever", encoding), 1 << 20)


async def test_corrupt_gzip_is_a_decoding_error() -> None:
    with pytest.raises(httpx.DecodingError, match="invalid compressed body"):
        await read_capped(_streamed(b"\x1f\x8b\x08\x00garbage-garbage", "gzip"), 1 << 20)


PAGE = "Renée Jünger, Kerkstraat 12"


@pytest.mark.parametrize(("declared", "body", "expected"), [
    ("utf-8", PAGE.encode("cp1252"), "cp1252"),
    ("iso-8859-1", PAGE.encode(), "utf-8"),
    ("windows-1252", PAGE.encode("cp1252"), "cp1252"),
    (None, PAGE.encode("cp1252"), "cp1252"),
    (None, PAGE.encode(), "utf-8"),
    ("x-no-such-charset", PAGE.encode(), "utf-8"),
    ("utf-8", b"\xff" + PAGE.encode(), "utf-8"),  # one stray byte in a UTF-8 page
    ("utf-16", PAGE.encode("utf-16"), "utf-16"),
    ("shift_jis", "日本語のページ".encode("shift_jis"), "cp932"),  # WHATWG: Windows-31J
    ("iso-8859-1", b"plain ascii", "cp1252"),  # WHATWG: the label means Windows-1252
])
def test_text_encoding_trusts_the_bytes(declared: str | None, body: bytes,
                                        expected: str) -> None:
    chosen = text_encoding(declared, body)
    assert codecs.lookup(chosen).name == codecs.lookup(expected).name
    if b"J" in body and not body.isascii():
        assert "Jünger" in body.decode(chosen, "replace")


async def test_a_newline_after_the_gzip_body_is_tolerated_more_is_not() -> None:
    body = TEXT.encode()
    assert await read_capped(_streamed(gzip.compress(body) + b"\r\n", "gzip"), 1 << 20) == body
    for tail in (b"\n" * 17, gzip.compress(b"more"), b"x"):
        with pytest.raises(httpx.DecodingError, match="after the end"):
            await read_capped(_streamed(gzip.compress(body) + tail, "gzip"), 1 << 20)
