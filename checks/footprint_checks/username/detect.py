"""Reading one site's answer: found, not found, or could not tell.

WhatsMyName's semantics, exactly: found only when the status is ``e_code`` AND the body
contains ``e_string``; not found only when the status is ``m_code`` AND the body contains
``m_string``; anything else (including both at once) is inconclusive. Rate limiting and
bot-protection pages are recognised first, from a data table, and are never read as an
answer at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files

import ahocorasick_rs
import httpx

from footprint.errors import ConfigError
from footprint.models import L10n

from .catalogue import Site

_SCAN_BYTES = 256 * 1024


class State(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"
    INCONCLUSIVE = "inconclusive"


@dataclass(frozen=True, slots=True)
class Verdict:
    state: State
    reason: L10n | None = None


@dataclass(frozen=True, slots=True)
class Fingerprint:
    name: str
    body: str = ""  # lower-cased substring of the body
    header: str = ""  # or: a header name ...
    value: str = ""  # ... whose value contains this (lower-cased; "" = present at all)

    def matches(self, response: httpx.Response, lowered_body: str) -> bool:
        if self.header:
            got = response.headers.get(self.header)
            return got is not None and self.value in got.lower()
        return bool(self.body) and self.body in lowered_body


@dataclass(frozen=True, slots=True)
class BlockingTable:
    rate_limit_statuses: frozenset[int]
    fingerprints: tuple[Fingerprint, ...]
    any_body: ahocorasick_rs.BytesAhoCorasick | None = field(default=None, compare=False)


def _body_automaton(bodies: list[str]) -> ahocorasick_rs.BytesAhoCorasick | None:
    """All body fingerprints searched at once. Every answer is searched (a challenge page
    read as "not found" would be a false clear), and one pass per fingerprint cost 0.4 ms
    per 100 KiB answer; leftmost-first matching lets the Rust library use its SIMD
    prefilter: 0.04 ms (docs/dependencies.md). It only says whether any fingerprint is
    there; which one is then found the old way, on the rare page that has one."""
    if not bodies:
        return None
    return ahocorasick_rs.BytesAhoCorasick([b.encode("utf-8") for b in bodies],
                                           matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)


def parse_blocking(data: object, source: str) -> BlockingTable:
    if not isinstance(data, dict) or not isinstance(data.get("fingerprints"), list):
        raise ConfigError(f"{source}: expected an object with a 'fingerprints' list")
    statuses = data.get("rate_limit_statuses", [])
    if not isinstance(statuses, list) or not all(isinstance(s, int) for s in statuses):
        raise ConfigError(f"{source}: rate_limit_statuses: must be a list of integers")
    prints = []
    for i, raw in enumerate(data["fingerprints"]):
        where = f"{source}: fingerprints[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise ConfigError(f"{where}: needs a 'name'")
        body, header = raw.get("body", ""), raw.get("header", "")
        value = raw.get("value", "")
        if not all(isinstance(v, str) for v in (body, header, value)) or bool(body) == bool(header):
            raise ConfigError(f"{where} ({raw['name']!r}): give either 'body' or 'header'")
        prints.append(Fingerprint(raw["name"], body.lower(), header.lower(), value.lower()))
    return BlockingTable(frozenset(statuses), tuple(prints),
                         _body_automaton([p.body for p in prints if p.body]))


@lru_cache(maxsize=1)
def blocking_table() -> BlockingTable:
    resource = files(__package__).joinpath("data/blocking.json")
    return parse_blocking(json.loads(resource.read_text("utf-8")), "username/data/blocking.json")


def blocked_by(response: httpx.Response, table: BlockingTable | None = None) -> L10n | None:
    """Why this answer is no answer (rate limit, challenge page), if it is one."""
    table = table or blocking_table()
    code = response.status_code
    if code in table.rate_limit_statuses:
        return L10n(en=f"the site is rate limiting us (HTTP {code}); try again later",
                    nl=f"de site remt ons af (HTTP {code}); probeer het later opnieuw")
    lowered = response.content[:_SCAN_BYTES].decode("utf-8", "replace").lower()
    automaton = table.any_body
    # UTF-8 is self-synchronising: the encoded fingerprint is in the encoded text exactly
    # when the fingerprint is in the text
    in_body = automaton is not None and bool(
        automaton.find_matches_as_indexes(lowered.encode("utf-8")))
    for fingerprint in table.fingerprints:
        if (in_body or fingerprint.header) and fingerprint.matches(response, lowered):
            return L10n(
                en=f"the site answered with a bot-protection page ({fingerprint.name}); "
                   "check it yourself in a browser",
                nl=f"de site gaf een botbeschermingspagina ({fingerprint.name}); "
                   "controleer het zelf in een browser")
    return None


def decide(site: Site, response: httpx.Response, table: BlockingTable | None = None) -> Verdict:
    blocked = blocked_by(response, table)
    if blocked is not None:
        return Verdict(State.INCONCLUSIVE, blocked)
    code, text = response.status_code, response.text
    found = code == site.e_code and site.e_string in text
    missing = code == site.m_code and site.m_string in text
    if found and not missing:
        return Verdict(State.FOUND)
    if missing and not found:
        return Verdict(State.NOT_FOUND)
    if found and missing:
        return Verdict(State.INCONCLUSIVE, L10n(
            en=f"the answer (HTTP {code}) fits both 'found' and 'not found' for this entry",
            nl=f"het antwoord (HTTP {code}) past zowel bij 'gevonden' als 'niet gevonden'"))
    return Verdict(State.INCONCLUSIVE, L10n(
        en=f"unexpected answer (HTTP {code}): it matches neither the site's 'found' nor its "
           "'not found' pattern; the site may have changed",
        nl=f"onverwacht antwoord (HTTP {code}): het past niet bij het 'gevonden'- of "
           "'niet gevonden'-patroon van de site; mogelijk is de site veranderd"))
