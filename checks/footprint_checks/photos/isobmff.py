"""HEIF/HEIC and AVIF files (ISO/IEC 23008-12 on the ISO base media file format): find the
metadata items and blank them in place.

Metadata in these files are items of their own, like the image tiles: ``Exif`` items, and
``mime`` items (XMP is ``application/rdf+xml``), listed in the ``iinf`` box with their bytes
located by the ``iloc`` box. Blanking those bytes in place, at the same length, leaves every
offset in the file valid and the coded image untouched: nothing is decoded or re-encoded.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

METADATA_ITEM_TYPES = frozenset({b"Exif", b"mime", b"uri "})
# An Exif item: a 4-byte offset to the TIFF header, then a TIFF with one empty IFD.
_EMPTY_EXIF = b"\x00\x00\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x00" + b"\x00" * 4
_TOP_LEVEL_KEPT = frozenset({b"ftyp", b"meta", b"mdat", b"free", b"skip", b"idat"})


class IsoBmffError(ValueError):
    """Not a HEIF/AVIF file, or one this module cannot take apart safely."""


@dataclass(frozen=True, slots=True)
class Box:
    kind: bytes
    start: int  # where the box header begins
    body: int  # where its payload begins
    end: int


def boxes(data: bytes, start: int, end: int) -> Iterator[Box]:
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = pos + 8
        if size == 1:
            if pos + 16 > end:
                raise IsoBmffError("truncated box header")
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
            body = pos + 16
        elif size == 0:
            size = end - pos
        if kind == b"uuid":
            body += 16
        if size < body - pos or pos + size > end:
            raise IsoBmffError(f"box {kind!r} runs past its container")
        yield Box(kind, pos, body, pos + size)
        pos += size
    if pos != end:
        raise IsoBmffError("trailing bytes after the last box")


def is_heif(data: bytes) -> bool:
    if len(data) < 16 or data[4:8] != b"ftyp":
        return False
    size = struct.unpack(">I", data[:4])[0]
    brands = data[8:12] + data[16 : min(size, 64)]
    return any(brands[i : i + 4] in (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1",
                                     b"avif", b"avis", b"mif2")
               for i in range(0, len(brands), 4))


def _uint(data: bytes, pos: int, size: int) -> tuple[int, int]:
    if size == 0:
        return 0, pos
    if size not in (2, 4, 8):
        raise IsoBmffError(f"unsupported field size {size}")
    return int.from_bytes(data[pos : pos + size], "big"), pos + size


def _item_types(data: bytes, iinf: Box) -> dict[int, bytes]:
    version = data[iinf.body]
    pos = iinf.body + 4 + (2 if version == 0 else 4)
    types: dict[int, bytes] = {}
    for infe in boxes(data, pos, iinf.end):
        if infe.kind != b"infe":
            continue
        v = data[infe.body]
        if v < 2:
            raise IsoBmffError("item info version below 2")
        p = infe.body + 4
        item_id, p = _uint(data, p, 2 if v == 2 else 4)
        types[item_id] = data[p + 2 : p + 6]
    return types


def _extents(data: bytes, iloc: Box, idat: Box | None
             ) -> dict[int, list[tuple[int, int]] | None]:
    """item id -> [(file offset, length)] of its bytes; None for an item whose bytes are
    built from other items (construction method 2), which is never a metadata item."""
    version = data[iloc.body]
    pos = iloc.body + 4
    offset_size, length_size = data[pos] >> 4, data[pos] & 15
    base_size, index_size = data[pos + 1] >> 4, data[pos + 1] & 15
    count, pos = _uint(data, pos + 2, 2 if version < 2 else 4)
    out: dict[int, list[tuple[int, int]] | None] = {}
    for _ in range(count):
        item_id, pos = _uint(data, pos, 2 if version < 2 else 4)
        method = 0
        if version in (1, 2):
            method, pos = _uint(data, pos, 2)
            method &= 15
        pos += 2  # data_reference_index
        base, pos = _uint(data, pos, base_size)
        extent_count, pos = _uint(data, pos, 2)
        spans: list[tuple[int, int]] | None = []
        for _ in range(extent_count):
            if version in (1, 2) and index_size:
                pos += index_size
            offset, pos = _uint(data, pos, offset_size)
            length, pos = _uint(data, pos, length_size)
            if method == 0:
                origin = base + offset
            elif method == 1 and idat is not None:
                origin = idat.body + base + offset
            else:
                spans = None
                continue
            if spans is not None:
                spans.append((origin, length))
        out[item_id] = spans
        if pos > iloc.end:
            raise IsoBmffError("item location box is truncated")
    return out


def metadata_spans(data: bytes) -> list[tuple[bytes, int, int]]:
    """(item type, offset, length) of every metadata item's bytes; raises IsoBmffError for
    a file whose structure is not understood (never guessed at)."""
    if not is_heif(data):
        raise IsoBmffError("not a HEIF or AVIF file")
    top = list(boxes(data, 0, len(data)))
    if any(b.kind == b"moov" for b in top):
        raise IsoBmffError("image sequences (animated HEIF/AVIF) are not supported")
    metas = [b for b in top if b.kind == b"meta"]
    if len(metas) != 1:
        raise IsoBmffError("expected exactly one meta box")
    children = {b.kind: b for b in boxes(data, metas[0].body + 4, metas[0].end)}
    if b"iinf" not in children or b"iloc" not in children:
        raise IsoBmffError("no item information or item location box")
    types = _item_types(data, children[b"iinf"])
    extents = _extents(data, children[b"iloc"], children.get(b"idat"))
    spans = []
    for item_id, kind in types.items():
        if kind in METADATA_ITEM_TYPES:
            located = extents.get(item_id, [])
            if located is None:
                raise IsoBmffError(f"{kind.decode('latin-1')} item {item_id} is stored by "
                                   "reference to other items")
            for offset, length in located:
                if length == 0 or offset + length > len(data):
                    raise IsoBmffError(f"item {item_id} points outside the file")
                spans.append((kind, offset, length))
    return spans


def foreign_top_level_boxes(data: bytes) -> list[bytes]:
    """Top-level boxes that are neither image structure nor padding (uuid, vendor boxes)."""
    return [b.kind for b in boxes(data, 0, len(data)) if b.kind not in _TOP_LEVEL_KEPT]


def blank_metadata(data: bytes) -> bytes:
    """The file with every metadata item blanked (Exif: an empty EXIF block; XMP and other
    text: spaces) and every foreign top-level box turned into a zeroed ``free`` box."""
    out = bytearray(data)
    for kind, offset, length in metadata_spans(data):
        if kind == b"Exif" and length >= len(_EMPTY_EXIF):
            fill = _EMPTY_EXIF + b"\x00" * (length - len(_EMPTY_EXIF))
        elif kind == b"Exif":
            fill = b"\x00" * length
        else:
            fill = b" " * length
        out[offset : offset + length] = fill
    for box in boxes(data, 0, len(data)):
        if box.kind not in _TOP_LEVEL_KEPT:
            header = 16 if box.body - box.start >= 16 and data[box.start:box.start + 4] == \
                b"\x00\x00\x00\x01" else 8
            out[box.start + 4 : box.start + 8] = b"free"
            out[box.start + header : box.end] = b"\x00" * (box.end - box.start - header)
    return bytes(out)


def leftover_metadata(data: bytes) -> list[str]:
    """What a read-back finds still there: non-blank metadata items, foreign boxes."""
    left = [f"{kind.decode('latin-1').strip()} item" for kind, offset, length
            in metadata_spans(data)
            if data[offset : offset + length].strip(b" \x00")
            and data[offset : offset + length] != _EMPTY_EXIF + b"\x00" * (length - 18)]
    left += [f"{kind.decode('latin-1')} box" for kind in foreign_top_level_boxes(data)]
    return left
