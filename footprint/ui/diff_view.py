"""``footprint diff`` and ``scan --baseline`` in the terminal. Untrusted text enters Rich
only as cleaned plain ``Text``."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from footprint.diff import ReportDiff
from footprint.models import Finding, Lang, Severity
from footprint.renderers.texts import SEVERITY, SUPPRESSION_REASON, d
from footprint.textsafe import clean

_SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red", Severity.HIGH: "bold red",
    Severity.MEDIUM: "bold yellow", Severity.LOW: "cyan", Severity.INFO: "dim",
}


def _line(marker: str, style: str, f: Finding, lang: Lang, extra: Text | None = None) -> Text:
    line = Text(f"{marker} ", style=style)
    line.append(SEVERITY[f.severity].get(lang).lower().ljust(8),
                style=_SEVERITY_STYLE[f.severity])
    line.append(clean(f.title.get(lang), limit=200))
    if f.subject.value:
        line.append(f"  {clean(f.subject.kind)}: {clean(f.subject.value, limit=80)}",
                    style="dim")
    if extra is not None:
        line.append("  ")
        line.append_text(extra)
    line.append(f"  {f.id}", style="dim")
    return line


def _heading(console: Console, key: str, lang: Lang, style: str, count: int) -> None:
    console.print()
    console.print(Text(f"{d(key, lang)} ({count})", style=style))


def render_diff(console: Console, diff: ReportDiff, lang: Lang) -> None:
    console.print(Text(d("title", lang), style="bold"))
    console.print(Text(d("between", lang, old=clean(diff.old_started),
                         new=clean(diff.new_started)), style="dim"))
    console.print(Text(d("counts", lang, new=len(diff.new), resolved=len(diff.resolved),
                         open=len(diff.still_open), changed=len(diff.changed))))
    if not diff.has_changes:
        console.print(Text(d("no_changes", lang), style="dim"))
    sections: list[tuple[str, str, str, tuple[Finding, ...]]] = [
        ("new", "+", "bold red", diff.new),
        ("resolved", "✓", "bold green", diff.resolved),
    ]
    for key, marker, style, findings in sections:
        if findings:
            _heading(console, key, lang, style, len(findings))
            for f in findings:
                console.print(_line(marker, style, f, lang))
    if diff.changed:
        _heading(console, "changed", lang, "bold yellow", len(diff.changed))
        for c in diff.changed:
            was = Text(d("was", lang, old=SEVERITY[c.old].get(lang).lower()), style="dim")
            console.print(_line("↑" if c.worse else "↓", "yellow", c.finding, lang, was))
    changed = {c.finding.id for c in diff.changed}
    still = [f for f in diff.still_open if f.id not in changed]
    if still:
        _heading(console, "still_open", lang, "bold", len(still))
        for f in still:
            console.print(_line("•", "", f, lang))
    if diff.not_rechecked:
        _heading(console, "not_rechecked", lang, "bold yellow", len(diff.not_rechecked))
        console.print(Text(d("not_rechecked_hint", lang), style="yellow"))
        for f in diff.not_rechecked:
            console.print(_line("?", "yellow", f, lang))
    if diff.suppressed:
        _heading(console, "suppressed", lang, "bold", len(diff.suppressed))
        for s in diff.suppressed:
            why = SUPPRESSION_REASON.get(s.reason)
            console.print(_line("–", "dim", s.finding, lang,
                                Text(why.get(lang) if why else clean(s.reason), style="dim")))
    for key, marker, style, findings in (("good_gained", "✓", "green", diff.good_gained),
                                         ("good_lost", "!", "bold red", diff.good_lost)):
        if findings:
            _heading(console, key, lang, style, len(findings))
            for f in findings:
                console.print(_line(marker, style, f, lang))
    if diff.suppressed_total:
        console.print()
        console.print(Text(d("suppressed_total", lang, n=diff.suppressed_total), style="dim"))
