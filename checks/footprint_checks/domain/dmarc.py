"""DMARC (RFC 7489): parse the policy record published at _dmarc.<domain>.

Read as a receiver reads it (RFC 7489 6.3, 6.4, 6.6.3): a record whose first tag is not
exactly ``v=DMARC1`` is ignored as a whole; any other tag with a bad value is ignored on
its own (its default applies), so a ``rua`` without ``mailto:`` costs the reports, not the
policy. Without a valid ``p`` (or with an invalid ``sp``) the record still means p=none
when it names at least one valid report address, and nothing otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from footprint.domains import registrable_domain

POLICIES = ("none", "quarantine", "reject")
# dmarc-version = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31 (the value is
# case-sensitive; the tag name, an ABNF string, is not)
_VERSION = re.compile(r"[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)")
_LOOKS_LIKE = re.compile(r"\s*v\s*=\s*dmarc", re.IGNORECASE)
_MAILTO = re.compile(r"mailto:[^@\s,!]+@[^@\s,!]+(?:![0-9]+[kmgtKMGT]?)?", re.IGNORECASE)
_PCT = re.compile(r"[0-9]{1,3}")


def is_dmarc(text: str) -> bool:
    """A record a receiver takes as DMARC: it starts with exactly v=DMARC1."""
    return _VERSION.match(text) is not None


def looks_like_dmarc(text: str) -> bool:
    """Meant as DMARC (v=dmarc1, v=DMARC2, ...), whether or not a receiver takes it."""
    return _LOOKS_LIKE.match(text) is not None


@dataclass(frozen=True, slots=True)
class DmarcRecord:
    text: str
    tags: dict[str, str]

    @property
    def _p(self) -> str | None:
        p = self.tags.get("p", "").lower()
        return p if p in POLICIES else None

    @property
    def _sp_ok(self) -> bool:
        return "sp" not in self.tags or self.tags["sp"].lower() in POLICIES

    @property
    def policy(self) -> str | None:
        """What receivers apply: p, or "none" when p (or sp) is not valid but rua names a
        valid address (RFC 7489 6.6.3 step 6), or None: no DMARC processing at all."""
        if self._p is not None and self._sp_ok:
            return self._p
        return "none" if self.rua else None

    @property
    def valid(self) -> bool:
        return self.policy is not None

    @property
    def policy_problem(self) -> str | None:
        """The tag that made a receiver fall back or give up, as written."""
        if self._p is None:
            return f"p={self.tags['p']}" if "p" in self.tags else "no p= tag"
        if not self._sp_ok:
            return f"sp={self.tags['sp']}"
        return None

    def policy_for_subdomains(self) -> str | None:
        sp = self.tags.get("sp", "").lower()
        return sp if sp in POLICIES and self._p is not None else self.policy

    def _uris(self) -> list[str]:
        return [u.strip() for u in self.tags.get("rua", "").split(",") if u.strip()]

    @property
    def rua(self) -> tuple[str, ...]:
        """The report addresses receivers send to: mailto: URIs (RFC 7489 6.2, 6.4)."""
        return tuple(u for u in self._uris() if _MAILTO.fullmatch(u))

    @property
    def rua_ignored(self) -> tuple[str, ...]:
        """rua values receivers ignore: not a mailto: URI (say, an address without it)."""
        return tuple(u for u in self._uris() if not _MAILTO.fullmatch(u))

    @property
    def pct(self) -> int:
        """pct = 1*3DIGIT, 0 to 100; anything else is ignored and the default, 100, holds."""
        value = self.tags.get("pct", "100")
        if _PCT.fullmatch(value) and int(value) <= 100:
            return int(value)
        return 100

    @property
    def enforcing(self) -> bool:
        return self.policy in ("quarantine", "reject")


def parse_dmarc(text: str) -> DmarcRecord:
    tags: dict[str, str] = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            tags.setdefault(key.strip().lower(), value.strip())
    return DmarcRecord(text=text, tags=tags)


def sampled_fallback(policy: str) -> str:
    """What the mail outside pct gets instead (RFC 7489 6.6.4): one step down."""
    return {"reject": "quarantine", "quarantine": "none"}.get(policy, "none")


def organisational_domain(domain: str) -> str:
    """The registered domain a subdomain inherits its DMARC policy from.

    RFC 7489 §3.2: the registered domain by the Public Suffix List (mail.example.co.uk
    inherits from example.co.uk, not from co.uk).
    """
    return registrable_domain(domain) or domain.lower().rstrip(".")
