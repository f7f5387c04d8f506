"""The words of a diff, made once for the terminal and markdown views: the headline counts
(in actions, as the plan counts) and the note beside each action and finding. Plain text:
each view cleans or escapes what came from a scan."""

from __future__ import annotations

from footprint.diff import ActionChange, Fate, FindingChange, ReportDiff
from footprint.models import Lang, Severity
from footprint.plan import still_there_text
from footprint.renderers.texts import SEVERITY, SUPPRESSION_REASON, d


def severity_word(severity: Severity, lang: Lang) -> str:
    return SEVERITY[severity].get(lang).lower()


def counts_text(diff: ReportDiff, lang: Lang) -> str:
    """"Actions: 1 resolved, 1 new, 2 still open, 0 could not be checked now", then what
    else happened to actions, when it did."""
    text = d("actions.counts", lang, resolved=len(diff.resolved), new=len(diff.new),
             open=len(diff.still_open), unknown=len(diff.not_rechecked))
    extra = [d(key, lang, n=n) for key, n in (("actions.counts_changed", len(diff.changed)),
                                              ("actions.counts_done", len(diff.marked_done)),
                                              ("actions.counts_marked", len(diff.suppressed)))
             if n]
    return "; ".join([text, *extra])


def action_notes(change: ActionChange, lang: Lang) -> list[str]:
    """"was high", "partly fixed: 1 of 2 resolved", "you marked this done on ..."."""
    notes = []
    if change.old is not None:
        notes.append(d("was", lang, old=severity_word(change.old, lang)))
    if change.partly_fixed:
        notes.append(d("actions.partly", lang, fixed=change.fixed, total=len(change.findings)))
    resurfaced = still_there_text(change.action, lang)
    if resurfaced:
        notes.append(resurfaced)
    return notes


def finding_note(change: FindingChange, lang: Lang) -> str | None:
    """What became of a finding, when it is not simply still there."""
    if change.fate is Fate.SUPPRESSED:
        why = SUPPRESSION_REASON.get(change.reason)
        return why.get(lang) if why else change.reason
    if change.fate is Fate.OPEN:
        return None if change.old is None else d("was", lang,
                                                  old=severity_word(change.old, lang))
    return d(f"actions.fate_{change.fate.value.replace('-', '_')}", lang)


def finding_marker(change: FindingChange) -> str:
    if change.fate is Fate.OPEN:
        return "•" if change.old is None else "↑" if change.worse else "↓"
    return {Fate.NEW: "+", Fate.RESOLVED: "✓", Fate.NOT_RECHECKED: "?",
            Fate.SUPPRESSED: "–"}[change.fate]
