"""Pwned Passwords with k-anonymity: only five hex characters of the SHA-1 leave the machine."""

from __future__ import annotations

import hashlib

from footprint.http.session import HttpSession

DEFAULT_BASE = "https://api.pwnedpasswords.com"
PREFIX_LENGTH = 5


class RangeError(Exception):
    """The range could not be read; the message never contains the password or its hash."""


def split_hash(password: str) -> tuple[str, str]:
    """(prefix that is sent, suffix that stays here) of the upper-case SHA-1 hex digest."""
    # surrogateescape turns bytes a terminal could not decode back into those bytes
    raw = password.encode("utf-8", "surrogateescape")
    digest = hashlib.sha1(raw, usedforsecurity=False).hexdigest().upper()
    return digest[:PREFIX_LENGTH], digest[PREFIX_LENGTH:]


def count_in_range(body: str, suffix: str) -> int:
    """How often the suffix occurs in a range answer; padding lines (count 0) are ignored."""
    wanted = suffix.upper()
    for line in body.splitlines():
        candidate, sep, count = line.strip().partition(":")
        if not sep or candidate.upper() != wanted:
            continue
        try:
            return max(0, int(count.strip().replace(",", "")))
        except ValueError:
            raise RangeError("a line of the Pwned Passwords answer has no count") from None
    return 0


async def pwned_count(password: str, http: HttpSession,
                      base: str = DEFAULT_BASE) -> int:
    """How many times the password occurs in Pwned Passwords (0: not seen). The request
    asks for padding, so its size does not reveal which prefix bucket was interesting."""
    prefix, suffix = split_hash(password)
    url = f"{base.rstrip('/')}/range/{prefix}"
    response = await http.get(url, headers={"Add-Padding": "true"}, api=True)
    if response.status_code != 200:
        raise RangeError(f"Pwned Passwords answered HTTP {response.status_code}")
    body = response.text
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines or not all(":" in line for line in lines[:10]):
        raise RangeError("Pwned Passwords answered with something other than a hash range")
    return count_in_range(body, suffix)
