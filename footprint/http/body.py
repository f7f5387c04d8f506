"""Reading a response body safely: bounded decompression and a charset that does not lie.

httpx inflates each network chunk in one go, so a 64 KiB chunk of a gzip bomb becomes
64 MiB in memory before any size check can see it. Here every chunk is inflated with a
``max_length`` of what is left under the cap, so memory stays at the cap.

Pages often declare the wrong charset (old CMSs serve Windows-1252 as UTF-8, and UTF-8
as ISO-8859-1). Read with the declared one, "Renée" becomes "Ren�e" and a private marker
with an accent would go unseen: a false "clear". :func:`text_encoding` picks what the
bytes actually are.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import AsyncIterator

import httpx

from footprint.errors import ResponseTooLarge


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self.raw_fallback = encoding == "deflate"  # servers send zlib or raw deflate as "deflate"
        wbits = zlib.MAX_WBITS if self.raw_fallback else zlib.MAX_WBITS | 16
        self.inflater = zlib.decompressobj(wbits)
        self.started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self.inflater.decompress(data, room + 1)
        except zlib.error as exc:
            if self.raw_fallback and not self.started:
                self.raw_fallback = False
                self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(data, room)
            raise httpx.DecodingError(f"invalid compressed body: {exc}") from None
        self.started = True
        return out  # longer than room (max_length reached) means over the cap

    def flush(self) -> bytes:
        try:
            return self.inflater.flush()
        except zlib.error as exc:
            raise httpx.DecodingError(f"invalid compressed body: {exc}") from None


def _inflaters(content_encoding: str) -> list[_Inflater]:
    stages: list[_Inflater] = []
    for token in reversed([t.strip().lower() for t in content_encoding.split(",")]):
        if token in ("", "identity"):
            continue
        if token in ("gzip", "x-gzip"):
            stages.append(_Inflater("gzip"))
        elif token == "deflate":
            stages.append(_Inflater("deflate"))
        else:  # we only ask for gzip and deflate; anything else we cannot bound
            raise httpx.DecodingError(f"unsupported content encoding {token!r}")
    return stages


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, or :class:`ResponseTooLarge` once it (or any stage of decoding)
    passes ``limit`` bytes; nothing much past the limit is ever held in memory."""
    host = response.request.url.host
    if response.is_stream_consumed:  # read already (mock transports): decoded, just cap it
        if len(response.content) > limit:
            raise ResponseTooLarge(host, limit)
        return response.content
    stages = _inflaters(response.headers.get("content-encoding", ""))
    chunks: list[bytes] = []
    size = 0

    def take(data: bytes) -> None:
        nonlocal size
        for stage in stages:
            data = stage.feed(data, limit - size)
            if len(data) > limit - size:
                raise ResponseTooLarge(host, limit)
        size += len(data)
        if size > limit:
            raise ResponseTooLarge(host, limit)
        chunks.append(data)

    raw: AsyncIterator[bytes] = response.aiter_raw()
    async for chunk in raw:
        take(chunk)
    for i, stage in enumerate(stages):  # what each stage still holds, through the rest
        tail = stage.flush()
        for later in stages[i + 1:]:
            tail = later.feed(tail, limit - size)
        size += len(tail)
        if size > limit:
            raise ResponseTooLarge(host, limit)
        chunks.append(tail)
    return b"".join(chunks)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_WIDE = ("utf-16", "utf-32")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SAMPLE = 64 * 1024


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def text_encoding(declared: str | None, body: bytes) -> str:
    """The charset to read ``body`` with, trusting the bytes over the declaration.

    Valid UTF-8 with non-ASCII in it is UTF-8 whatever the header says (other text almost
    never happens to be valid UTF-8). Otherwise the declared charset if the bytes fit it,
    else UTF-8 when most high bytes form UTF-8 sequences (a few stray bytes), else
    Windows-1252, the usual truth behind a wrong declaration on a Dutch site.
    """
    codec = _codec(declared)
    if codec is not None and codec.startswith(_WIDE) and _decodes(body, codec):
        return codec
    if body.isascii():
        return codec or "utf-8"
    if _decodes(body, "utf-8"):
        return "utf-8"
    if codec is not None and codec != "utf-8" and _decodes(body, codec):
        return codec
    sample = body[:_SAMPLE]  # a page is consistent; a sample decides as well, and fast
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    return "utf-8" if in_sequences * 2 >= high else "cp1252"
