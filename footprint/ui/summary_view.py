"""``footprint summary`` in the terminal: group figures only, as plain Rich ``Text``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footprint.models import Lang, Severity
from footprint.renderers.summary_markdown import worst_text
from footprint.renderers.texts import SEVERITY, s
from footprint.summary import SMALL_GROUP, Figure, GroupSummary
from footprint.textsafe import clean


def _table(title: str, figures: tuple[Figure, ...], lang: Lang, first: str) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left")
    for key in (first, "col_exposed", "col_checked", "col_subjects", "col_worst"):
        table.add_column(Text(s(key, lang)), justify="left" if key == first else "right")
    for f in figures:
        table.add_row(Text(clean(f.title.get(lang), limit=80)), Text(str(f.exposed)),
                      Text(str(f.checked)), Text(str(f.subjects)),
                      Text(worst_text(f.by_severity, lang)))
    return table


def render_summary(console: Console, summary: GroupSummary, lang: Lang) -> None:
    n = summary.participants
    console.print(Text(s("title", lang), style="bold"))
    console.print(Text(s("intro", lang, n=n), style="dim"))
    if summary.small_group:
        console.print(Text(s("small", lang, n=SMALL_GROUP), style="yellow"))
    if summary.duplicates:
        console.print(Text(s("duplicates", lang, n=summary.duplicates), style="yellow"))
    console.print()
    console.print(Text(s("overall", lang), style="bold"))
    for sev, count in summary.by_worst.items():
        console.print(Text(f"  {SEVERITY[sev].get(lang)}: {count}"))
    console.print(Text(f"  {s('none', lang)}: {summary.none_found}"))
    console.print(Text(s("at_least_high", lang, n=summary.at_least(Severity.HIGH), total=n)))
    for key, value in (("incomplete", summary.incomplete),
                       ("interrupted", summary.interrupted),
                       ("suppressed", summary.suppressed)):
        console.print(Text(f"{s(key, lang)}: {value}", style="dim"))
    console.print()
    console.print(_table(s("families", lang), summary.families, lang, "col_family"))
    console.print(_table(s("checks", lang), summary.checks, lang, "col_name"))
