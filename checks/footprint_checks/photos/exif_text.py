"""Text from EXIF as the person wrote it, whatever encoding the camera or editor used.

EXIF "ASCII" fields often hold UTF-8 or Windows-1252 text. Pillow decodes them as Latin-1,
which turns a UTF-8 "© Corbis" into "Â© Corbis"; the bytes are recovered and decoded
again. UserComment carries an 8-byte charset prefix (EXIF 2.32, 4.6.5); the Windows XP*
tags are UTF-16LE.
"""

from __future__ import annotations

from typing import Any

MAX_TAG_TEXT = 200
_USER_COMMENT_PREFIXES = {b"ASCII\x00\x00\x00": "ascii", b"UNICODE\x00": "utf-16",
                          b"JIS\x00\x00\x00\x00\x00": "shift_jis",
                          b"\x00\x00\x00\x00\x00\x00\x00\x00": "undefined"}


def decode_legacy(raw: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Latin-1 for its gaps)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return "".join(_cp1252(b) for b in raw)


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def repair(text: str) -> str:
    """Undo one or two rounds of UTF-8 read as Latin-1/Windows-1252 ("Â©" -> "©")."""
    for _ in range(2):
        if text.isascii():
            return text
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            try:
                raw = text.encode("cp1252")
            except UnicodeEncodeError:
                return text
        fixed = decode_legacy(raw)
        if fixed == text:
            return text
        text = fixed
    return text


def tidy(text: str) -> str:
    return text.replace("\x00", "").strip()[:MAX_TAG_TEXT]


def exif_text(value: Any) -> str:
    if isinstance(value, bytes):
        return tidy(decode_legacy(value.split(b"\x00", 1)[0] if value.endswith(b"\x00")
                                  else value))
    if isinstance(value, str):
        return tidy(repair(value))
    return tidy(str(value))


def user_comment(value: Any, big_endian: bool) -> str:
    if not isinstance(value, bytes):
        return exif_text(value)
    charset = _USER_COMMENT_PREFIXES.get(value[:8])
    body = value[8:] if charset else value
    if charset == "utf-16":
        if body[:2] in (b"\xfe\xff", b"\xff\xfe"):
            text = body.decode("utf-16", "replace")
        else:
            text = body.decode("utf-16-be" if big_endian else "utf-16-le", "replace")
    elif charset == "shift_jis":
        text = body.decode("shift_jis", "replace")
    else:
        text = decode_legacy(body)
    return tidy(text.rstrip(" "))


def xp_text(value: Any) -> str:
    """Windows XPAuthor/XPComment: UTF-16LE bytes (Pillow may give a tuple of ints)."""
    if isinstance(value, tuple | list):
        value = bytes(v for v in value if isinstance(v, int) and 0 <= v < 256)
    if isinstance(value, bytes):
        return tidy(value.decode("utf-16-le", "replace"))
    return exif_text(value)
