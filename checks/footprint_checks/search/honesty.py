"""What could not be searched, said out loud: guided steps instead of a silent "clear"."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from footprint.models import (
    PROFILE_SUBJECT,
    Evidence,
    Finding,
    FindingKind,
    L10n,
    Remediation,
    Severity,
)
from footprint_checks.search import texts
from footprint_checks.search.providers import Provider, SearchAnswer
from footprint_checks.search.queries import SearchQuery, search_links

LINKED_ENGINES = frozenset({"google", "bing", "duckduckgo"})  # SearXNG names with links


@dataclass
class QueryOutcome:
    query: SearchQuery
    answer: SearchAnswer | None = None
    failure: L10n | None = None


def failure_text(outcome: QueryOutcome) -> L10n:
    if outcome.failure is not None or outcome.answer is None:
        return outcome.failure or L10n.same("?")
    engines = ", ".join(f"{e} ({why})" if why else e for e, why in outcome.answer.failed_engines)
    return L10n(en=f"every engine failed: {engines}", nl=f"alle zoekmachines faalden: {engines}")


def none_answered(provider: Provider, outcomes: list[QueryOutcome]) -> L10n:
    first = failure_text(outcomes[0])
    return L10n(en=f"{provider.name} answered none of the {len(outcomes)} searches "
                   f"(first: {first.en})",
                nl=f"{provider.name} beantwoordde geen van de {len(outcomes)} zoekopdrachten "
                   f"(eerste: {first.nl})")


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:12]


def honesty_findings(provider: Provider, outcomes: list[QueryOutcome],
                      check_id: str) -> list[Finding]:
    """Guided steps for what could not be searched, so it never reads as clear."""
    out = []
    unanswered = [o for o in outcomes if o.answer is None or o.answer.every_engine_failed]
    if unanswered:
        lines = [(o.query.text, failure_text(o)) for o in unanswered]
        out.append(Finding(
            check_id=check_id, subject=PROFILE_SUBJECT,
            key=f"search-unanswered:{_digest(q for q, _ in lines)}",
            title=L10n(en=f"{len(unanswered)} search(es) could not be run through "
                          f"{provider.name}",
                       nl=f"{len(unanswered)} zoekopdracht(en) konden niet via "
                          f"{provider.name} worden uitgevoerd"),
            severity=Severity.LOW, kind=FindingKind.MANUAL,
            remediation=_with_links(texts.unanswered_remediation(), unanswered),
            evidence=Evidence(excerpt="; ".join(q for q, _ in lines)),
            detail=L10n(en="\n".join(f"{q}: {why.en}" for q, why in lines),
                        nl="\n".join(f"{q}: {why.nl}" for q, why in lines)),
        ))
    partial: dict[str, str] = {}
    for o in outcomes:
        if o.answer is not None and not o.answer.every_engine_failed:
            for engine, why in o.answer.failed_engines:
                partial.setdefault(engine, why)
    if partial:
        names = ", ".join(f"{e} ({w})" if w else e for e, w in sorted(partial.items()))
        out.append(Finding(
            check_id=check_id, subject=PROFILE_SUBJECT,
            key=f"search-engines-failed:{_digest(partial)}",
            title=L10n(en="Some search engines behind SearXNG did not answer",
                       nl="Sommige zoekmachines achter SearXNG gaven geen antwoord"),
            severity=Severity.INFO, kind=FindingKind.MANUAL,
            remediation=_with_links(texts.unanswered_remediation(),
                                    [o for o in outcomes if o.answer is not None],
                                    engines=[e for e in partial if e in LINKED_ENGINES]),
            evidence=Evidence(excerpt=names),
            detail=L10n(en=f"Results came only from the other engines; these failed: {names}",
                        nl=f"Resultaten kwamen alleen van de andere zoekmachines; deze "
                           f"faalden: {names}"),
        ))
    return out


def _with_links(base: Remediation, outcomes: list[QueryOutcome],
                engines: list[str] | None = None) -> Remediation:
    """The remediation with browser links for the queries: on every engine, or only on
    the named ones (none when ``engines`` is an empty list)."""
    if engines is not None and not engines:
        return base
    links = tuple(link for o in outcomes for link in search_links(o.query, engines or ()))
    return Remediation(summary=base.summary, steps=base.steps,
                             links=links + base.links, effort=base.effort)
