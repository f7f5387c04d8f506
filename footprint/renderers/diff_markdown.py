"""The progress between two scans as markdown (``footprint diff --markdown``): actions, as
the plan counts them, each with its findings under it."""

from __future__ import annotations

from footprint.diff import ActionChange, FindingChange, ReportDiff, State
from footprint.diff_words import action_notes, counts_text, finding_note, severity_word
from footprint.models import Finding, Lang
from footprint.renderers import common
from footprint.renderers.markdown import code, esc
from footprint.renderers.texts import d

# heading key and checkbox of each section (None: no box, nothing for the reader to tick)
_SECTIONS: tuple[tuple[State, str, str | None], ...] = (
    (State.NEW, "new", " "),
    (State.RESOLVED, "resolved", "x"),
    (State.OPEN, "still_open", " "),
    (State.NOT_RECHECKED, "not_rechecked", None),
    (State.MARKED_DONE, "actions.marked_done", "x"),
    (State.SUPPRESSED, "suppressed", "x"),
)


def _finding(f: Finding, lang: Lang, prefix: str, note: str | None = None) -> str:
    line = f"{prefix}**{esc(f.title.get(lang))}** ({severity_word(f.severity, lang)}"
    subject = common.subject_text(f.subject, lang)
    if subject:
        line += f", {esc(subject)}"
    if note:
        line += f", {esc(note)}"
    return line + f") {code(f.id)}"


def _action(change: ActionChange, lang: Lang, box: str | None) -> list[str]:
    a = change.action
    prefix = f"- [{box}] " if box is not None else "- "
    notes = "".join(f", {esc(n)}" for n in action_notes(change, lang))
    lines = [f"{prefix}**{esc(a.title.get(lang))}** ({severity_word(a.severity, lang)}"
             f"{notes}) {code(a.id)}"]
    lines += [_finding_line(f, lang) for f in change.findings]
    return lines


def _finding_line(change: FindingChange, lang: Lang) -> str:
    return _finding(change.finding, lang, "  - ", finding_note(change, lang))


def _section(title: str, lines: list[str], hint: str | None = None) -> list[str]:
    if not lines:
        return []
    return ["", f"## {title}", "", *([hint, ""] if hint else []), *lines]


def render_diff_markdown(diff: ReportDiff, lang: Lang = "en") -> str:
    lines = [f"# {d('title', lang)}", "",
             d("between", lang, old=esc(diff.old_started), new=esc(diff.new_started)), "",
             counts_text(diff, lang)]
    if not diff.has_changes:
        lines += ["", d("no_changes", lang)]
    for state, key, box in _SECTIONS:
        body = [line for c in diff.actions if c.state is state
                for line in _action(c, lang, box)]
        hint = d("not_rechecked_hint", lang) if state is State.NOT_RECHECKED else None
        lines += _section(d(key, lang), body, hint)
    lines += _section(d("good_gained", lang), [_finding(f, lang, "- ") for f in diff.good_gained])
    lines += _section(d("good_lost", lang), [_finding(f, lang, "- ") for f in diff.good_lost])
    if diff.suppressed_total:
        lines += ["", d("suppressed_total", lang, n=diff.suppressed_total)]
    return "\n".join(lines).rstrip() + "\n"
