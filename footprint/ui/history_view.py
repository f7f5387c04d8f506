"""``footprint history`` in the terminal: one row per saved scan, newest last."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footprint.errors import ReportFileError
from footprint.failure import completeness
from footprint.history import History
from footprint.i18n import severity_name, t
from footprint.models import Lang
from footprint.plan import build_plan, day
from footprint.textsafe import clean


def render_history(console: Console, history: History, lang: Lang) -> None:
    from footprint.renderers.json import read_report

    scans = history.scans()
    if not scans:
        console.print(Text(t("history.none", lang, folder=clean(str(history.folder)))))
        return
    table = Table(show_edge=False, header_style="bold")
    for key in ("when", "level", "exposures", "actions", "undecided"):
        table.add_column(t(f"history.col.{key}", lang), no_wrap=key == "when")
    for path in scans:
        try:
            report = read_report(path)
        except ReportFileError as exc:
            table.add_row("?", Text(clean(str(exc), limit=200), style="red"), "", "", "")
            continue
        worst = report.worst()
        c = completeness(report)
        level = severity_name(worst, lang) if worst is not None else t("history.nothing", lang)
        if c.network_unusable:
            level += f" ({t('history.incomplete', lang)})"
        counts = ", ".join(f"{severity_name(s, lang)} {n}"
                           for s, n in sorted(report.counts_by_severity().items(),
                                              reverse=True) if n) or "0"
        when = f"{day(report.started_at, lang)} {report.started_at:%H:%M}"
        table.add_row(when, level, counts, str(len(build_plan(report).open)),
                      str(c.undecided))
    console.print(table)
    console.print(Text(clean(str(history.folder)), style="dim"))
