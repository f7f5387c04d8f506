"""Pwned Passwords with k-anonymity: only five hex characters of the SHA-1 leave the machine.

The answer's shape is the one Have I Been Pwned documents for ``GET /range/{prefix}``: one
``SUFFIX:COUNT`` line per hash with that prefix (35 hex characters, a colon, a decimal
count), lines ended with CRLF, always HTTP 200. With the ``Add-Padding: true`` request
header the answer is padded to 800-1,000 lines with random suffixes whose count is 0, and
"clients ... should seek to exclude 0-usage hash suffixes". Sources and the date they were
read: checks/footprint_checks/apis.toml (``pwned-passwords``) and docs/apis.md.
"""

from __future__ import annotations

import hashlib
import re

from footprint.http.session import HttpSession

DEFAULT_BASE = "https://api.pwnedpasswords.com"
PREFIX_LENGTH = 5
_LINE = re.compile(r"([0-9A-Fa-f]{35}):([0-9]+)")  # SUFFIX:COUNT, as documented


class RangeError(Exception):
    """The range could not be read; the message never contains the password or its hash."""


def split_hash(password: str) -> tuple[str, str]:
    """(prefix that is sent, suffix that stays here) of the upper-case SHA-1 hex digest."""
    # surrogateescape turns bytes a terminal could not decode back into those bytes
    raw = password.encode("utf-8", "surrogateescape")
    digest = hashlib.sha1(raw, usedforsecurity=False).hexdigest().upper()
    return digest[:PREFIX_LENGTH], digest[PREFIX_LENGTH:]


def parse_range(body: str) -> dict[str, int]:
    """Every suffix (upper case) with a count above 0; padding lines (count 0) are left
    out. A line that is not ``SUFFIX:COUNT``, or an answer without a single line, is an
    error: an answer footprint cannot fully read never counts as "not found"."""
    counts: dict[str, int] = {}
    seen = 0
    for line in body.splitlines():  # CRLF, LF and a final line ending alike
        line = line.strip()
        if not line:
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise RangeError("a line of the Pwned Passwords answer is not SUFFIX:COUNT")
        seen += 1
        suffix, count = match[1].upper(), int(match[2])
        if count > 0:
            counts[suffix] = max(count, counts.get(suffix, 0))
    if not seen:
        raise RangeError("Pwned Passwords answered without a single hash suffix")
    return counts


def count_in_range(body: str, suffix: str) -> int:
    """How often the suffix occurs in a range answer (0: not there, or only as padding)."""
    return parse_range(body).get(suffix.upper(), 0)


async def pwned_count(password: str, http: HttpSession,
                      base: str = DEFAULT_BASE) -> int:
    """How many times the password occurs in Pwned Passwords (0: not seen). The request
    asks for padding, so its size does not reveal which prefix bucket was interesting."""
    prefix, suffix = split_hash(password)
    url = f"{base.rstrip('/')}/range/{prefix}"
    response = await http.get(url, headers={"Add-Padding": "true"}, api=True)
    # every one of the 16^5 prefixes answers 200; anything else is a failure, never "clear"
    if response.status_code != 200:
        raise RangeError(f"Pwned Passwords answered HTTP {response.status_code}")
    return count_in_range(response.text, suffix)
