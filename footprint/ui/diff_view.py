"""``footprint diff`` and ``scan --baseline`` in the terminal: actions, as the plan counts
them, each with its findings under it. Untrusted text enters Rich only as cleaned plain
``Text``."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from footprint.diff import ActionChange, ReportDiff, State
from footprint.diff_words import (
    action_notes,
    counts_text,
    finding_marker,
    finding_note,
    severity_word,
)
from footprint.models import Finding, Lang, Severity
from footprint.renderers.common import subject_text
from footprint.renderers.texts import d
from footprint.textsafe import clean

_SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red", Severity.HIGH: "bold red",
    Severity.MEDIUM: "bold yellow", Severity.LOW: "cyan", Severity.INFO: "dim",
}
# heading key, marker and style of each section
_SECTIONS: tuple[tuple[State, str, str, str], ...] = (
    (State.NEW, "new", "+", "bold red"),
    (State.RESOLVED, "resolved", "✓", "bold green"),
    (State.OPEN, "still_open", "•", "bold"),
    (State.NOT_RECHECKED, "not_rechecked", "?", "bold yellow"),
    (State.MARKED_DONE, "actions.marked_done", "✓", "bold"),
    (State.SUPPRESSED, "suppressed", "–", "bold"),
)
_FATE_STYLE = {"+": "red", "✓": "green", "?": "yellow", "–": "dim", "↑": "yellow",
               "↓": "yellow", "•": ""}


def _severity(severity: Severity, lang: Lang) -> Text:
    # as wide as the longest word for a severity ("gemiddeld"), and a space
    width = 1 + max(len(severity_word(s, lang)) for s in Severity)
    return Text(severity_word(severity, lang).ljust(width), style=_SEVERITY_STYLE[severity])


def _notes(line: Text, notes: list[str], ident: str) -> Text:
    for note in notes:
        line.append(f"  {clean(note, limit=200)}", style="dim")
    line.append(f"  {ident}", style="dim")
    return line


def _action_line(marker: str, style: str, change: ActionChange, lang: Lang) -> Text:
    a = change.action
    if change.state is State.OPEN and change.old is not None:
        marker = "↑" if change.worse else "↓"
    line = Text(f"{marker} ", style=style)
    line.append_text(_severity(a.severity, lang))
    line.append(clean(a.title.get(lang), limit=200), style="bold")
    return _notes(line, action_notes(change, lang), a.id)


def _finding_line(indent: str, marker: str, style: str, f: Finding, lang: Lang,
                  note: str | None = None) -> Text:
    line = Text(f"{indent}{marker} ", style=style)
    line.append_text(_severity(f.severity, lang))
    line.append(clean(f.title.get(lang), limit=200))
    subject = subject_text(f.subject, lang, limit=80)
    if subject:
        line.append(f"  {subject}", style="dim")
    return _notes(line, [note] if note else [], f.id)


def _heading(console: Console, key: str, style: str, count: int, lang: Lang) -> None:
    console.print()
    console.print(Text(f"{d(key, lang)} ({count})", style=style))


def render_diff(console: Console, diff: ReportDiff, lang: Lang) -> None:
    console.print(Text(d("title", lang), style="bold"))
    console.print(Text(d("between", lang, old=clean(diff.old_started),
                         new=clean(diff.new_started)), style="dim"))
    console.print(Text(counts_text(diff, lang)))
    if not diff.has_changes:
        console.print(Text(d("no_changes", lang), style="dim"))
    for state, key, marker, style in _SECTIONS:
        changes = [c for c in diff.actions if c.state is state]
        if not changes:
            continue
        _heading(console, key, style, len(changes), lang)
        if state is State.NOT_RECHECKED:
            console.print(Text(d("not_rechecked_hint", lang), style="yellow"))
        for change in changes:
            console.print(_action_line(marker, style, change, lang))
            for f in change.findings:
                mark = finding_marker(f)
                console.print(_finding_line("    ", mark, _FATE_STYLE[mark], f.finding, lang,
                                            finding_note(f, lang)))
    for key, marker, style, findings in (("good_gained", "✓", "green", diff.good_gained),
                                         ("good_lost", "!", "bold red", diff.good_lost)):
        if findings:
            _heading(console, key, style, len(findings), lang)
            for g in findings:
                console.print(_finding_line("", marker, style, g, lang))
    if diff.suppressed_total:
        console.print()
        console.print(Text(d("suppressed_total", lang, n=diff.suppressed_total), style="dim"))
