"""SPF (RFC 7208): parse a record and walk it the way a receiver evaluates it.

The walk takes the path of a sender that matches nothing (the path every forger takes):
mechanisms left to right, into every include, stopping at ``all`` (what follows is never
evaluated, and a redirect is ignored when there is an ``all``), else following the
redirect. On that path it counts what makes a receiver give up with "permerror": more than
10 lookups by include, a, mx, ptr, exists and redirect (RFC 7208 4.6.4), more than 2 void
lookups (answers with no records), an include or redirect without an SPF record, a loop,
or a syntax error in any record on the way. Bounded in depth and in queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from footprint.dns import DnsAnswer, Resolver
from footprint.matching import contains_marker
from footprint.models import L10n
from footprint.profile.markers import Marker
from footprint_checks.domain.spf_grammar import (
    LOOKUP_MECHANISMS,
    Directive,
    SpfSyntaxError,
    parse_directive,
    parse_modifier,
)

LOOKUP_LIMIT = 10
VOID_LIMIT = 2
MX_HOST_LIMIT = 10  # RFC 7208 4.6.4: an mx mechanism may look at no more than 10 hosts
MAX_QUERIES = 40
MAX_DEPTH = LOOKUP_LIMIT + 2  # the lookup limit ends any deeper walk first


def is_spf(text: str) -> bool:
    """RFC 7208 4.5: exactly "v=spf1", then a space or the end (case-insensitive)."""
    lowered = text.lower()
    return lowered == "v=spf1" or lowered.startswith("v=spf1 ")


@dataclass(frozen=True, slots=True)
class SpfRecord:
    text: str
    terms: tuple[str, ...]
    directives: tuple[Directive, ...]
    redirect: str | None
    error: SpfSyntaxError | None  # the first term that breaks the grammar

    @property
    def all_qualifier(self) -> str | None:
        """"-", "~", "?", "+" of the first "all", or None when there is none."""
        return next((d.qualifier for d in self.directives if d.mechanism == "all"), None)

    @property
    def includes(self) -> tuple[str, ...]:
        return tuple(d.target or "" for d in self.directives if d.mechanism == "include")


def parse_spf(text: str) -> SpfRecord:
    terms = tuple(t for t in text.split(" ")[1:] if t)  # terms are separated by SP only
    directives: list[Directive] = []
    modifiers: dict[str, str] = {}
    error: SpfSyntaxError | None = None
    for term in terms:
        try:
            modifier = parse_modifier(term)
            if modifier is None:
                directives.append(parse_directive(term))
            elif modifier[0] in modifiers and modifier[0] in ("redirect", "exp"):
                raise SpfSyntaxError(term, L10n(
                    en=f"'{modifier[0]}=' appears more than once",
                    nl=f"'{modifier[0]}=' staat er meer dan één keer in"))
            else:
                modifiers[modifier[0]] = modifier[1]
        except SpfSyntaxError as exc:
            error = error or exc
    return SpfRecord(text=text, terms=terms, directives=tuple(directives),
                     redirect=modifiers.get("redirect"), error=error)


@dataclass(frozen=True, slots=True)
class SpfProblem:
    """One reason receivers return permerror, and where in the tree it sits."""
    kind: str  # syntax, no-record, loop, void, mx-hosts
    where: str  # the domain whose record holds it
    term: str  # the offending term (or target)
    reason: L10n


@dataclass
class SpfEvaluation:
    lookups: int = 0
    void_lookups: int = 0
    broken: list[str] = field(default_factory=list)  # include/redirect targets without SPF
    problems: list[SpfProblem] = field(default_factory=list)
    incomplete: bool = False  # stopped at the query bound; counts are lower bounds
    effective_all: str | None = None  # the "all" that applies, through redirect=
    queries: int = 0
    _cache: dict[tuple[str, str], DnsAnswer] = field(default_factory=dict, repr=False)

    @property
    def over_limit(self) -> bool:
        return self.lookups > LOOKUP_LIMIT

    @property
    def permerror(self) -> bool:
        return bool(self.broken or self.problems) or self.over_limit \
            or self.void_lookups > VOID_LIMIT


class _Stop(Exception):
    """The verdict is settled (permerror) or the query bound is reached."""


async def evaluate(record: SpfRecord, resolver: Resolver, markers: tuple[Marker, ...] = (),
                   domain: str | None = None,
                   known: dict[tuple[str, str], DnsAnswer] | None = None) -> SpfEvaluation:
    """``domain`` is the one the record was published at (the target of a bare ``a`` or
    ``mx``); ``known`` holds answers already fetched. DnsFailure propagates: an SPF tree
    that could not be read is not a verdict. Targets come from DNS answers (untrusted);
    one that carries a private marker is never queried, since DNS has no guard."""
    result = SpfEvaluation()
    result._cache.update({(n.lower(), t): a for (n, t), a in (known or {}).items()})
    walker = _Walker(resolver, result, markers)
    try:
        result.effective_all = await walker.walk(record, domain, ())
    except _Stop:
        pass
    return result


@dataclass
class _Walker:
    resolver: Resolver
    result: SpfEvaluation
    markers: tuple[Marker, ...]

    async def _query(self, name: str, rdtype: str) -> DnsAnswer | None:
        """None when the name may not be queried (a macro or a private marker)."""
        key = (name.rstrip(".").lower(), rdtype)
        if key in self.result._cache:
            return self.result._cache[key]
        if "%" in name:
            return None  # macros need the sender's details
        if contains_marker(name, self.markers):
            self.result.incomplete = True
            return None
        if self.result.queries >= MAX_QUERIES:
            self.result.incomplete = True
            raise _Stop
        self.result.queries += 1
        answer = await self.resolver.query(name, rdtype)
        self.result._cache[key] = answer
        return answer

    def _count(self) -> None:
        self.result.lookups += 1
        if self.result.over_limit:
            raise _Stop  # the receiver stops here with permerror

    def _problem(self, kind: str, where: str, term: str, en: str, nl: str) -> None:
        self.result.problems.append(SpfProblem(kind, where, term, L10n(en=en, nl=nl)))
        raise _Stop

    def _void(self, answer: DnsAnswer | None, where: str, term: str) -> None:
        if answer is not None and not answer.records:
            self.result.void_lookups += 1
            if self.result.void_lookups > VOID_LIMIT:
                self._problem("void", where, term,
                              f"more than {VOID_LIMIT} lookups found no records (the last: "
                              f"{term}); receivers stop there",
                              f"meer dan {VOID_LIMIT} lookups vonden geen records (de "
                              f"laatste: {term}); ontvangers stoppen daar")

    async def _record_at(self, target: str, where: str, term: str,
                         stack: tuple[str, ...]) -> SpfRecord | None:
        if target.lower().rstrip(".") in stack:
            self._problem("loop", where, term, f"{term} leads back to itself (a loop)",
                          f"{term} verwijst uiteindelijk naar zichzelf (een lus)")
        if len(stack) >= MAX_DEPTH:
            self.result.incomplete = True
            raise _Stop
        answer = await self._query(target, "TXT")
        if answer is None:
            return None
        found = [t for t in answer.records if is_spf(t)]
        if len(found) != 1:  # none (or NXDOMAIN) or several: permerror (RFC 7208 5.2, 6.1)
            self.result.broken.append(target)
            raise _Stop
        inner = parse_spf(found[0])
        if inner.error is not None:
            self._problem("syntax", target, inner.error.term, inner.error.reason.en,
                          inner.error.reason.nl)
        return inner

    async def walk(self, record: SpfRecord, domain: str | None,
                   stack: tuple[str, ...]) -> str | None:
        here = domain or "?"
        stack = (*stack, here.lower().rstrip("."))
        for d in record.directives:
            if d.mechanism == "all":
                return d.qualifier  # later terms are never evaluated; redirect is ignored
            if d.mechanism not in LOOKUP_MECHANISMS:
                continue
            self._count()
            target = d.target or domain
            if d.mechanism == "include":
                inner = await self._record_at(d.target or "", here, d.raw, stack)
                if inner is not None:
                    await self.walk(inner, d.target, stack)
            elif d.mechanism in ("a", "exists") and target:
                self._void(await self._query(target, "A"), here, d.raw)
            elif d.mechanism == "mx" and target:
                answer = await self._query(target, "MX")
                self._void(answer, here, d.raw)
                if answer is not None and len(answer.records) > MX_HOST_LIMIT:
                    self._problem("mx-hosts", here, d.raw,
                                  f"{d.raw} names {len(answer.records)} mail hosts; receivers "
                                  f"look at no more than {MX_HOST_LIMIT}",
                                  f"{d.raw} noemt {len(answer.records)} mailservers; "
                                  f"ontvangers kijken naar hoogstens {MX_HOST_LIMIT}")
        if record.redirect is None:
            return None
        self._count()
        inner = await self._record_at(record.redirect, here, f"redirect={record.redirect}",
                                      stack)
        if inner is None:
            return None
        return await self.walk(inner, record.redirect, stack)
