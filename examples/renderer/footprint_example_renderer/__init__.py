"""A third-party report format: the exposures as a plain-text to-do list (todo.txt style),
worst first, one line each, for a notes app or a paper list.

footprint finds it through the ``footprint.renderers.v1`` entry point named ``todo``; the
object is a ``footprint.renderers.Renderer`` whose ``render(report, lang)`` returns the
whole file as a string.
"""

from __future__ import annotations

from footprint.i18n import severity_name
from footprint.models import FindingKind, Lang, Report
from footprint.renderers import Renderer
from footprint.textsafe import clean

_PRIORITY = "ABCDE"  # todo.txt priorities, (A) for critical


def render(report: Report, lang: Lang) -> str:
    lines = []
    for finding in report.findings:  # worst first
        if finding.kind is not FindingKind.EXPOSURE:
            continue
        priority = _PRIORITY[4 - int(finding.severity)]
        # report text is untrusted: no control characters, no line breaks
        todo = clean(finding.remediation.summary.get(lang), limit=300)
        title = clean(finding.title.get(lang), limit=200)
        lines.append(f"({priority}) {todo} — {title} "
                     f"+{finding.check_id} @{severity_name(finding.severity, lang)} "
                     f"id:{finding.id}")
    return "".join(f"{line}\n" for line in lines)


TODO = Renderer(name="todo", suffix=".txt", render=render,
                description="the exposures as a todo.txt list")
