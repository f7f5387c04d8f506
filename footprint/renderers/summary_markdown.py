"""The workshop summary as markdown: counts and check names only."""

from __future__ import annotations

from footprint.models import Lang, Severity
from footprint.renderers.markdown import code, esc
from footprint.renderers.texts import SEVERITY, s
from footprint.summary import SMALL_GROUP, Figure, GroupSummary


def worst_text(by_severity: dict[Severity, int], lang: Lang) -> str:
    return ", ".join(f"{SEVERITY[sev].get(lang).lower()} {n}"
                     for sev, n in by_severity.items() if n) or "–"


def _table(figures: tuple[Figure, ...], lang: Lang, first: str, *, with_id: bool) -> list[str]:
    head = [s(first, lang), s("col_exposed", lang), s("col_checked", lang),
            s("col_subjects", lang), s("col_worst", lang)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in figures:
        name = esc(f.title.get(lang), limit=120)
        if with_id and f.title.get(lang) != f.key:
            name += f" {code(f.key)}"
        lines.append(f"| {name} | {f.exposed} | {f.checked} | {f.subjects} | "
                     f"{worst_text(f.by_severity, lang)} |")
    return lines


def render_summary_markdown(summary: GroupSummary, lang: Lang = "en") -> str:
    n = summary.participants
    lines = [f"# {s('title', lang)}", "", s("intro", lang, n=n)]
    if summary.small_group:
        lines += ["", f"> {s('small', lang, n=SMALL_GROUP)}"]
    if summary.duplicates:
        lines += ["", f"> {s('duplicates', lang, n=summary.duplicates)}"]
    lines += ["", f"## {s('overall', lang)}", ""]
    lines += [f"- {SEVERITY[sev].get(lang)}: {count}" for sev, count in
              summary.by_worst.items()]
    lines += [f"- {s('none', lang)}: {summary.none_found}", "",
              s("at_least_high", lang, n=summary.at_least(Severity.HIGH), total=n), "",
              f"- {s('incomplete', lang)}: {summary.incomplete}",
              f"- {s('interrupted', lang)}: {summary.interrupted}",
              f"- {s('suppressed', lang)}: {summary.suppressed}"]
    lines += ["", f"## {s('families', lang)}", ""]
    lines += _table(summary.families, lang, "col_family", with_id=False)
    lines += ["", f"## {s('checks', lang)}", ""]
    lines += _table(summary.checks, lang, "col_name", with_id=True)
    return "\n".join(lines) + "\n"
