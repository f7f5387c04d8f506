"""DMARC (RFC 7489): parse the policy record published at _dmarc.<domain>."""

from __future__ import annotations

from dataclasses import dataclass

from footprint.domains import registrable_domain

POLICIES = ("none", "quarantine", "reject")


def is_dmarc(text: str) -> bool:
    return text.replace(" ", "").lower().startswith("v=dmarc1")


@dataclass(frozen=True, slots=True)
class DmarcRecord:
    text: str
    tags: dict[str, str]

    @property
    def valid(self) -> bool:
        return self.policy in POLICIES

    @property
    def policy(self) -> str | None:
        p = self.tags.get("p")
        if p is None and "rua" in self.tags:
            return "none"  # RFC 7489 6.6.3: a record with rua but no p means p=none
        return p.lower() if p else None

    def policy_for_subdomains(self) -> str | None:
        sp = self.tags.get("sp", "").lower()
        return sp if sp in POLICIES else self.policy

    @property
    def rua(self) -> tuple[str, ...]:
        return tuple(u.strip() for u in self.tags.get("rua", "").split(",") if u.strip())

    @property
    def pct(self) -> int:
        try:
            return max(0, min(100, int(self.tags.get("pct", "100"))))
        except ValueError:
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


def organisational_domain(domain: str) -> str:
    """The registered domain a subdomain inherits its DMARC policy from.

    RFC 7489 §3.2: the registered domain by the Public Suffix List (mail.example.co.uk
    inherits from example.co.uk, not from co.uk).
    """
    return registrable_domain(domain) or domain.lower().rstrip(".")
