"""Turns a breach or a paste into a finding: stable key, severity, detail, evidence, steps."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from footprint.matching import find_markers, masked_excerpt
from footprint.models import ActionGroup, Evidence, Fact, Finding, L10n, Severity, Subject
from footprint.profile.markers import Marker
from footprint_checks.breach import remediation
from footprint_checks.breach.data import data_class
from footprint_checks.breach.model import Breach, Paste
from footprint_checks.breach.severity import assess

SOURCE_NAMES = {"hibp": "Have I Been Pwned", "xposedornot": "XposedOrNot"}
_EXCERPT_CHARS = 300


def _count(n: int | None) -> str:
    return f"{n:,}".replace(",", " ") if n is not None else "?"


def _excerpt(text: str, markers: Sequence[Marker]) -> str | None:
    """The service's own description (English), shortened; a private value in it (unlikely)
    is masked."""
    if not text:
        return None
    spans = [(m.start, m.end) for m in find_markers(text, markers)]
    if spans:
        return masked_excerpt(text, spans)
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1] + "…"


def breach_group(name: str) -> str:
    """One breach is one action, whichever services and addresses report it: the services
    spell a breach's name alike up to case and punctuation ("Sportclub-Dijkhoven"). Hashed:
    a breach name can carry a place name that presentation mode must not show."""
    folded = "".join(ch for ch in name.casefold() if ch.isalnum())
    return "breach:" + hashlib.sha256(folded.encode()).hexdigest()[:16]


def breach_finding(check_id: str, subject: Subject, breach: Breach, evidence_url: str | None,
                   markers: Sequence[Marker] = ()) -> Finding:
    verdict = assess(breach)
    site = breach.title or breach.name
    classes = [data_class(c).label for c in breach.data_classes]
    source = SOURCE_NAMES.get(breach.source, breach.source)
    en = [f"Source: {source}. Breach date: {breach.breach_date or '?'}; "
          f"accounts: {_count(breach.pwn_count)}."]
    nl = [f"Bron: {source}. Datum van het lek: {breach.breach_date or '?'}; "
          f"accounts: {_count(breach.pwn_count)}."]
    if classes:
        en.append("Exposed: " + ", ".join(c.en for c in classes) + ".")
        nl.append("Gelekt: " + ", ".join(c.nl for c in classes) + ".")
    else:
        en.append("Which data leaked is not known.")
        nl.append("Welke gegevens lekten is niet bekend.")
    for label in verdict.flag_labels():
        en.append(f"Note: {label.en}.")
        nl.append(f"Let op: {label.nl}.")
    title = L10n(en=f"{subject.value} is in the {site} breach",
                 nl=f"{subject.value} zit in het lek bij {site}")
    if breach.is_spam_list:
        title = L10n(en=f"{subject.value} is on the {site} spam list",
                     nl=f"{subject.value} staat op de spamlijst {site}")
    elif breach.is_stealer_log:
        title = L10n(en=f"{subject.value} is in stealer logs ({site})",
                     nl=f"{subject.value} zit in stealer logs ({site})")
    facts = [Fact("source", L10n.same(source)),
             *(Fact("data", c) for c in classes)]
    if breach.breach_date:
        facts.append(Fact("date", L10n.same(breach.breach_date)))
    return Finding(
        check_id=check_id,
        subject=subject,
        key=breach.name,
        group=ActionGroup(breach_group(breach.name)),
        facts=tuple(facts),
        title=title,
        severity=verdict.severity,
        remediation=remediation.for_breach(breach),
        evidence=Evidence(url=evidence_url, excerpt=_excerpt(breach.description, markers)),
        detail=L10n(en=" ".join(en), nl=" ".join(nl)),
    )


def paste_finding(check_id: str, subject: Subject, paste: Paste,
                  evidence_url: str | None, markers: Sequence[Marker] = ()) -> Finding:
    """A paste's title is written by whoever posted it: a doxing paste may carry the
    address in it, so it is masked, and such a paste ranks high."""
    raw = paste.title or paste.id
    hits = find_markers(raw, markers)
    what = masked_excerpt(raw, [(h.start, h.end) for h in hits], radius=len(raw)) if hits \
        else raw
    when = paste.date[:10] if paste.date else "?"
    return Finding(
        check_id=check_id,
        subject=subject,
        key=paste.key,
        group=ActionGroup(paste.key),
        facts=(Fact("source", L10n.same(paste.source)),
               *((Fact("date", L10n.same(paste.date[:10])),) if paste.date else ())),
        title=L10n(en=f"{subject.value} appeared in a paste on {paste.source}",
                   nl=f"{subject.value} stond in een paste op {paste.source}"),
        severity=Severity.HIGH if hits else Severity.MEDIUM,
        remediation=remediation.for_paste(paste),
        evidence=Evidence(url=evidence_url, excerpt=what),
        detail=L10n(
            en=f"Paste {what!s} on {paste.source}, dated {when}, with "
               f"{_count(paste.email_count)} email addresses.",
            nl=f"Paste {what!s} op {paste.source}, gedateerd {when}, met "
               f"{_count(paste.email_count)} e-mailadressen."),
    )
