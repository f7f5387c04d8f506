"""Reading a response body safely: bounded decompression and a charset that does not lie.

httpx inflates each network chunk in one go, so a 64 KiB chunk of a gzip bomb becomes
64 MiB in memory before any size check can see it. Here every chunk is inflated with a
``max_length`` of what is left under the cap, so memory stays at the cap. The raw bytes
are capped as well (a deflate stream of empty blocks inflates to nothing, forever), at
most two codings are accepted (as urllib3 after CVE-2025-66418), and every stage must
reach the end of its stream with nothing after it: a body cut short, a gzip header with
no data or bytes after the end are a decoding error, so the check says it could not
decide instead of reading the part it got as "nothing found".

Pages often declare the wrong charset (old CMSs serve Windows-1252 as UTF-8, and UTF-8
as ISO-8859-1). Read with the declared one, "Renée" becomes "Ren�e" and a private marker
with an accent would go unseen: a false "clear". :func:`text_encoding` picks what the
bytes actually are, among the encodings browsers accept.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import AsyncIterator

import httpx
import webencodings

from footprint.errors import ResponseTooLarge

MAX_CODINGS = 2
MAX_TRAILING = 16  # bytes of whitespace or NUL padding tolerated after a compressed body


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self.raw_fallback = encoding == "deflate"  # servers send zlib or raw deflate as "deflate"
        wbits = zlib.MAX_WBITS if self.raw_fallback else zlib.MAX_WBITS | 16
        self.inflater = zlib.decompressobj(wbits)
        self.started = False
        self.trailing = 0

    def _after_end(self, data: bytes) -> None:
        """A few bytes of padding after the end (some servers add a newline) are let go;
        anything else there (a second gzip member, a flood) is not read."""
        self.trailing += len(data)
        if self.trailing > MAX_TRAILING or data.strip(b"\x00\r\n\t "):
            raise httpx.DecodingError("data after the end of the compressed body")

    def feed(self, data: bytes, room: int) -> bytes:
        if self.inflater.eof:
            self._after_end(data)
            return b""
        try:
            out = self.inflater.decompress(data, room + 1)
        except zlib.error as exc:
            if self.raw_fallback and not self.started:
                self.raw_fallback = False
                self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(data, room)
            raise httpx.DecodingError(f"invalid compressed body: {exc}") from None
        self.started = self.started or bool(data)
        if self.inflater.unused_data:
            self._after_end(self.inflater.unused_data)
        return out  # longer than room (max_length reached) means over the cap

    def finish(self, room: int) -> bytes:
        """What the stage still holds; the stream must have ended properly."""
        try:
            tail = self.inflater.decompress(b"", room + 1) if not self.inflater.eof else b""
        except zlib.error as exc:
            raise httpx.DecodingError(f"invalid compressed body: {exc}") from None
        if self.started and not self.inflater.eof:
            raise httpx.DecodingError("the compressed body ended before its end of stream "
                                      "(cut off or incomplete)")
        return tail


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
        if len(stages) > MAX_CODINGS:
            raise httpx.DecodingError(f"more than {MAX_CODINGS} content codings")
    return stages


def raw_limit(limit: int) -> int:
    """Compressed bytes allowed for a body of at most ``limit`` bytes (incompressible data
    grows a little when compressed, twice at most)."""
    return limit + limit // 8 + 4096


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, or :class:`ResponseTooLarge` once it (the raw bytes, or any stage
    of decoding) passes ``limit`` bytes; nothing much past the limit is ever held in
    memory. A compressed body that does not end properly is an ``httpx.DecodingError``."""
    host = response.request.url.host
    if response.is_stream_consumed:  # read already (mock transports): decoded, just cap it
        if len(response.content) > limit:
            raise ResponseTooLarge(host, limit)
        return response.content
    stages = _inflaters(response.headers.get("content-encoding", ""))
    raw_cap = raw_limit(limit) if stages else limit
    chunks: list[bytes] = []
    size = raw = 0

    def take(data: bytes, first: int = 0) -> None:
        nonlocal size
        for stage in stages[first:]:
            data = stage.feed(data, limit - size)
            if len(data) > limit - size:
                raise ResponseTooLarge(host, limit)
        size += len(data)
        if size > limit:
            raise ResponseTooLarge(host, limit)
        chunks.append(data)

    stream: AsyncIterator[bytes] = response.aiter_raw()
    async for chunk in stream:
        raw += len(chunk)
        if raw > raw_cap:
            raise ResponseTooLarge(host, limit)
        take(chunk)
    for i, stage in enumerate(stages):  # what each stage still holds, through the rest
        tail = stage.finish(limit - size)
        if len(tail) > limit - size:
            raise ResponseTooLarge(host, limit)
        take(tail, i + 1)
    return b"".join(chunks)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SAMPLE = 64 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_UNUSABLE = {"replacement", "x-user-defined", "utf-16le", "utf-16be"}


def _codec(label: str | None) -> str | None:
    """The Python codec for a WHATWG encoding label, or None for anything browsers would
    not accept as declared (EBCDIC such as cp037, "utf-32", made-up names) and for
    UTF-16, which is only believed with a byte-order mark."""
    if not label:
        return None
    encoding = webencodings.lookup(label)
    if encoding is None or encoding.name in _UNUSABLE:
        return None
    try:
        return codecs.lookup(encoding.codec_info.name).name
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

    A byte-order mark decides, as in browsers, when the rest fits it. Otherwise only a
    WHATWG label counts (every such encoding reads ASCII as ASCII, so an address cannot
    hide behind EBCDIC or UTF-16 without a BOM). Valid UTF-8 with non-ASCII in it is UTF-8
    whatever the header says (other text almost never happens to be valid UTF-8).
    Otherwise the declared charset if the bytes fit it, else UTF-8 when most high bytes
    form UTF-8 sequences (a few stray bytes), else Windows-1252, the browsers' fallback
    for a Dutch page.
    """
    for bom, name in _BOMS:
        if body.startswith(bom) and _decodes(body, name):  # bytes that do not fit: not a BOM
            return name
    codec = _codec(declared)
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
