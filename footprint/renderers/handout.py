"""``footprint checklist``: the generic hand-out (guided steps plus what a scan covers),
as markdown and as a printable HTML page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from footprint.models import CheckInfo, Finding, Lang, Severity
from footprint.renderers import html, markdown
from footprint.renderers.texts import SEVERITY, ho, t
from footprint.textsafe import clean

PER_FAMILY = 8


@dataclass(frozen=True, slots=True)
class Handout:
    steps: tuple[Finding, ...]  # guided steps (FindingKind.MANUAL)
    checks: tuple[CheckInfo, ...]  # what `footprint scan` checks (guide-only ones excluded)
    done: int = 0  # steps left out because the person marked them done


def _groups(steps: Sequence[Finding]) -> list[tuple[Severity, list[Finding]]]:
    out = []
    for severity in sorted(Severity, reverse=True):
        members = sorted((f for f in steps if f.severity is severity),
                         key=lambda f: (f.remediation.effort.rank, f.check_id, f.key))
        if members:
            out.append((severity, members))
    return out


def _families(checks: Sequence[CheckInfo]) -> list[tuple[str, list[CheckInfo], int]]:
    """Per family its first checks and how many more there are (a site list can hold a
    hundred; the hand-out names a few)."""
    families: dict[str, list[CheckInfo]] = {}
    for info in sorted(checks, key=lambda c: c.id):
        families.setdefault(info.id.split(".")[0], []).append(info)
    return [(name, infos[:PER_FAMILY], max(0, len(infos) - PER_FAMILY))
            for name, infos in sorted(families.items())]


def render_markdown(handout: Handout, lang: Lang = "en") -> str:
    lines = [f"# {ho('title', lang)}", "", ho("intro", lang)]
    if handout.done:
        lines += ["", ho("done", lang, n=handout.done)]
    lines += ["", f"## {ho('steps', lang)}"]
    for severity, steps in _groups(handout.steps):
        lines += ["", f"### {t('priority', lang, level=SEVERITY[severity].get(lang))}", ""]
        for f in steps:
            lines += markdown.finding_item(f, lang)
    lines += ["", f"## {ho('scan', lang)}", "", ho("scan_hint", lang)]
    for family, infos, more in _families(handout.checks):
        lines += ["", f"### {markdown.esc(family)}", ""]
        lines += [f"- {markdown.esc(i.title.get(lang))} {markdown.code(i.id)}" for i in infos]
        if more:
            lines.append(f"- {ho('more', lang, n=more)}")
    return "\n".join(lines) + "\n"


def render_html(handout: Handout, lang: Lang = "en") -> str:
    body = [f"<h1>{ho('title', lang)}</h1>", f"<p>{ho('intro', lang)}</p>"]
    if handout.done:
        body.append(f"<p>{ho('done', lang, n=handout.done)}</p>")
    body.append(f"<h2>{ho('steps', lang)}</h2>")
    for severity, steps in _groups(handout.steps):
        body.append(f"<h3>{t('priority', lang, level=SEVERITY[severity].get(lang))}</h3>")
        body.append(html.todo_list(steps, lang))
    body.append(f"<h2>{ho('scan', lang)}</h2><p>{ho('scan_hint', lang)}</p>")
    for family, infos, more in _families(handout.checks):
        body.append(f"<h3>{html.h(family)}</h3><ul>" + "".join(
            f"<li>{html.h(i.title.get(lang))} <code>{html.h(i.id)}</code></li>"
            for i in infos) + (f"<li>{ho('more', lang, n=more)}</li>" if more else "")
            + "</ul>")
    return html.page(clean(ho("title", lang)), "\n".join(body), lang)
