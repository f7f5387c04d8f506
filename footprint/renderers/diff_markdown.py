"""The progress between two scans as markdown (``footprint diff --markdown``)."""

from __future__ import annotations

from footprint.diff import ReportDiff
from footprint.models import Finding, Lang
from footprint.renderers import common
from footprint.renderers.markdown import code, esc
from footprint.renderers.texts import SEVERITY, SUPPRESSION_REASON, d


def _line(f: Finding, lang: Lang, *, box: str | None = None, extra: str = "") -> str:
    prefix = f"- [{box}] " if box is not None else "- "
    line = f"{prefix}**{esc(f.title.get(lang))}** ({SEVERITY[f.severity].get(lang).lower()}"
    subject = common.subject_text(f.subject)
    if subject:
        line += f", {esc(subject)}"
    return line + f"{extra}) {code(f.id)}"


def _section(title: str, lines: list[str], hint: str | None = None) -> list[str]:
    if not lines:
        return []
    return ["", f"## {title}", "", *([hint, ""] if hint else []), *lines]


def render_diff_markdown(diff: ReportDiff, lang: Lang = "en") -> str:
    lines = [f"# {d('title', lang)}", "",
             d("between", lang, old=esc(diff.old_started), new=esc(diff.new_started)), "",
             d("counts", lang, new=len(diff.new), resolved=len(diff.resolved),
               open=len(diff.still_open), changed=len(diff.changed))]
    if not diff.has_changes:
        lines += ["", d("no_changes", lang)]
    was = {c.finding.id: c.old for c in diff.changed}
    lines += _section(d("new", lang), [_line(f, lang, box=" ") for f in diff.new])
    lines += _section(d("resolved", lang), [_line(f, lang, box="x") for f in diff.resolved])
    lines += _section(d("changed", lang), [
        _line(c.finding, lang, box=" ",
              extra=", " + d("was", lang, old=SEVERITY[c.old].get(lang).lower()))
        for c in diff.changed])
    lines += _section(d("still_open", lang), [
        _line(f, lang, box=" ") for f in diff.still_open if f.id not in was])
    lines += _section(d("not_rechecked", lang), [_line(f, lang) for f in diff.not_rechecked],
                      d("not_rechecked_hint", lang))
    marked = []
    for s in diff.suppressed:
        why = SUPPRESSION_REASON.get(s.reason)
        marked.append(_line(s.finding, lang, box="x",
                            extra=", " + (why.get(lang) if why else esc(s.reason))))
    lines += _section(d("suppressed", lang), marked)
    lines += _section(d("good_gained", lang), [_line(f, lang) for f in diff.good_gained])
    lines += _section(d("good_lost", lang), [_line(f, lang) for f in diff.good_lost])
    if diff.suppressed_total:
        lines += ["", d("suppressed_total", lang, n=diff.suppressed_total)]
    return "\n".join(lines).rstrip() + "\n"
