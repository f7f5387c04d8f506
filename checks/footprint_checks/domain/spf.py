"""SPF (RFC 7208): parse a record and count the DNS lookups it costs a receiver.

A receiver gives up (permerror) after 10 lookups by include, a, mx, ptr, exists and
redirect, counted through every include and redirect. The count here follows them through
the resolver, bounded in depth and in queries, so a loop or a huge tree cannot run away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from footprint.dns import Resolver
from footprint.matching import contains_marker
from footprint.profile.markers import Marker

LOOKUP_LIMIT = 10
MAX_QUERIES = 25
MAX_DEPTH = 10
_LOOKUP_MECHANISMS = ("include", "a", "mx", "ptr", "exists")
_QUALIFIERS = "+-~?"


def is_spf(text: str) -> bool:
    return text.strip().lower() == "v=spf1" or text.strip().lower().startswith("v=spf1 ")


@dataclass(frozen=True, slots=True)
class SpfRecord:
    text: str
    terms: tuple[str, ...]
    all_qualifier: str | None  # "-", "~", "?", "+" or None when there is no "all"
    redirect: str | None

    @property
    def includes(self) -> tuple[str, ...]:
        return tuple(t.split(":", 1)[1] for t in self.terms
                     if t.lstrip(_QUALIFIERS).lower().startswith("include:"))

    def direct_lookups(self) -> int:
        count = sum(1 for t in self.terms if _mechanism(t) in _LOOKUP_MECHANISMS)
        return count + (1 if self.redirect else 0)


def _mechanism(term: str) -> str:
    name = term.lstrip(_QUALIFIERS).lower()
    for sep in (":", "/", "="):
        name = name.split(sep, 1)[0]
    return name


def parse_spf(text: str) -> SpfRecord:
    terms = tuple(text.split()[1:])
    all_qualifier = None
    redirect = None
    for term in terms:
        if _mechanism(term) == "all":
            all_qualifier = term[0] if term[0] in _QUALIFIERS else "+"
        elif term.lower().startswith("redirect="):
            redirect = term.split("=", 1)[1]
    return SpfRecord(text=text, terms=terms, all_qualifier=all_qualifier, redirect=redirect)


@dataclass
class SpfEvaluation:
    lookups: int = 0
    broken: list[str] = field(default_factory=list)  # include/redirect targets without one SPF
    incomplete: bool = False  # stopped at the query bound; lookups is a lower bound
    effective_all: str | None = None  # the "all" that applies, through redirect=
    queries: int = 0


async def evaluate(record: SpfRecord, resolver: Resolver,
                   markers: tuple[Marker, ...] = ()) -> SpfEvaluation:
    """Counts lookups through includes and redirects. DnsFailure propagates: an SPF tree
    that could not be read is not a verdict. Targets are names from DNS answers (untrusted);
    one that carries a private marker is never queried, since DNS has no guard."""
    result = SpfEvaluation()
    result.effective_all = await _walk(record, resolver, result, 0, set(), markers)
    return result


async def _walk(record: SpfRecord, resolver: Resolver, result: SpfEvaluation, depth: int,
                seen: set[str], markers: tuple[Marker, ...]) -> str | None:
    result.lookups += record.direct_lookups()
    targets = [(t, False) for t in record.includes]
    if record.redirect and record.all_qualifier is None:
        targets.append((record.redirect, True))
    elif record.redirect:
        result.lookups -= 1  # redirect is ignored when the record has an "all"
    effective = record.all_qualifier
    for target, is_redirect in targets:
        if "%" in target or target.lower() in seen:
            continue  # macros need the sender's details; loops count once
        if contains_marker(target, markers):
            result.incomplete = True
            continue
        if result.lookups > LOOKUP_LIMIT or depth >= MAX_DEPTH:
            return effective  # already over the limit: the verdict cannot change
        if result.queries >= MAX_QUERIES:
            result.incomplete = True
            return effective
        seen.add(target.lower())
        result.queries += 1
        answer = await resolver.query(target, "TXT")
        found = [t for t in answer.records if is_spf(t)]
        if len(found) != 1:
            result.broken.append(target)
            continue
        inner = await _walk(parse_spf(found[0]), resolver, result, depth + 1, seen, markers)
        if is_redirect:
            effective = inner
    return effective
