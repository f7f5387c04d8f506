"""WebP files read as RIFF chunks, the way the container is defined, to see every chunk.

Image readers only look for the chunks they know ("EXIF", "XMP "); metadata written by
other software in other chunks (an iPhone's XMP in "XMP\\0") stays invisible to them. This
module lists every chunk, so cleaning and its read-back check miss none.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

# Chunks that make up the image (WebP container specification): everything else is
# metadata or unknown, and is left out of a cleaned copy.
IMAGE_CHUNKS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
FRAME_CHUNKS = frozenset({b"ALPH", b"VP8 ", b"VP8L"})  # what an ANMF frame may hold
_ANMF_HEADER = 16


class RiffError(ValueError):
    """Not a WebP file, or its chunks do not fit together."""


@dataclass(frozen=True, slots=True)
class Chunk:
    kind: bytes
    start: int  # the chunk header
    end: int  # after the payload and its pad byte

    def payload(self, data: bytes) -> bytes:
        size = struct.unpack("<I", data[self.start + 4 : self.start + 8])[0]
        return data[self.start + 8 : self.start + 8 + size]


def is_webp(data: bytes) -> bool:
    return len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def chunks(data: bytes, start: int, end: int) -> list[Chunk]:
    out = []
    pos = start
    while pos + 8 <= end:
        kind = data[pos : pos + 4]
        size = struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if pos + 8 + size > end:
            raise RiffError(f"chunk {kind!r} runs past the end of the file")
        stop = min(pos + 8 + size + (size & 1), end)
        out.append(Chunk(kind, pos, stop))
        pos = stop
    return out


def top_chunks(data: bytes) -> list[Chunk]:
    if not is_webp(data):
        raise RiffError("not a WebP file")
    riff_end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    return chunks(data, 12, riff_end)


def frame_chunks(data: bytes, anmf: Chunk) -> list[Chunk]:
    return chunks(data, anmf.start + 8 + _ANMF_HEADER, anmf.end)


def metadata_chunks(data: bytes) -> list[Chunk]:
    """Every chunk that is not image data, in frames too."""
    found = []
    for chunk in top_chunks(data):
        if chunk.kind not in IMAGE_CHUNKS:
            found.append(chunk)
        elif chunk.kind == b"ANMF":
            found += [c for c in frame_chunks(data, chunk) if c.kind not in FRAME_CHUNKS]
    return found


def describe(kind: bytes) -> str:
    return "WebP chunk '" + kind.decode("latin-1").replace("\x00", "\\0") + "'"


@dataclass(frozen=True, slots=True)
class Extra:
    """What Pillow does not see in a WebP: XMP in non-standard chunks, other chunks."""
    xmp: bytes
    kinds: tuple[bytes, ...]  # non-image chunks other than the standard EXIF and "XMP "


def extra_metadata(data: bytes) -> Extra:
    found = metadata_chunks(data)
    xmp = b"".join(c.payload(data) for c in found
                   if c.kind.startswith(b"XMP") and c.kind != b"XMP ")
    return Extra(xmp, tuple(c.kind for c in found if c.kind not in (b"EXIF", b"XMP ")))
