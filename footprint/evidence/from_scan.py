"""``footprint scan --evidence DIR``: capture the pages behind a scan's worst findings.

The pages are those of exposed findings at high or critical severity that point at a web
page (your pages, found profiles, copy sites); what came from an API is in the scan's JSON
report, which goes into the folder beside the WARC file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from footprint.evidence.capture import CaptureOptions
from footprint.evidence.run import RunResult, capture_to_folder
from footprint.http.client import HttpOptions
from footprint.models import FindingKind, Report, Severity
from footprint.profile.model import Profile
from footprint.textsafe import clean

REPORT_NAME = "scan-report.json"


def pages_to_capture(report: Report, minimum: Severity = Severity.HIGH) -> list[str]:
    urls = []
    for finding in report.findings:
        url = finding.evidence.url or ""
        if (finding.kind is FindingKind.EXPOSURE and finding.severity >= minimum
                and url.lower().startswith(("http://", "https://"))):
            urls.append(url)
    return list(dict.fromkeys(urls))


def _progress(entry: dict[str, Any]) -> None:
    state = "captured" if entry["ok"] else f"FAILED ({entry['reason']})"
    sys.stderr.write(clean(f"evidence: {state}  {entry['url']}") + "\n")


def capture_scan_pages(report: Report, profile: Profile, out: Path,
                       network: HttpOptions | None = None) -> RunResult | None:
    """Captures the pages into ``out``; None when the scan found no such page."""
    from footprint.renderers import get as renderer
    from footprint.suppress import apply_suppressions

    report = apply_suppressions(report, profile.suppressions)  # what you set aside stays so
    urls = pages_to_capture(report)
    if not urls:
        sys.stderr.write("evidence: no high or critical finding points at a page; "
                         "nothing captured\n")
        return None
    scan_json = renderer("json").render(report, report.lang)
    return capture_to_folder(urls, out, append=False, profile=profile,
                             options=CaptureOptions(network=network or HttpOptions()),
                             on_done=_progress,
                             extra_files={REPORT_NAME: scan_json})


def evidence_status(report: Report, profile: Profile, out: Path, status: int,
                    network: HttpOptions | None = None) -> int:
    """Captures after a scan; the scan's own exit status, or 3 (130) when a capture
    failed (was interrupted) and the scan had nothing worse to say."""
    from footprint.errors import ExitStatus

    result = capture_scan_pages(report, profile, out, network)
    if result is None:
        return status
    sys.stderr.write(clean(f"evidence: {len(result.captures)} page(s) in {result.folder}; "
                           f"statement: {result.folder / 'statement.nl.html'}") + "\n")
    if result.interrupted:
        return int(ExitStatus.INTERRUPTED)
    if result.failed and status == ExitStatus.OK:
        return int(ExitStatus.INCOMPLETE)
    return status
