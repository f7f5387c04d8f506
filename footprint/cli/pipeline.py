"""What scan and demo share: run a scan, keep a partial report on Ctrl-C, show, export, exit."""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from rich.console import Console

from footprint.cli.exports import Export
from footprint.errors import ExitStatus, ReportFileError
from footprint.history import DEFAULT_KEEP, History
from footprint.interrupt import until_interrupted
from footprint.models import Report, Severity, Status
from footprint.plan import DEFAULT_TOP
from footprint.profile.model import Profile
from footprint.scan import ScanRun

UNDECIDED = (Status.INCONCLUSIVE, Status.ERROR, Status.TIMEOUT)


@dataclass
class Outputs:
    exports: list[Export] = field(default_factory=list)  # each with a file (exports.plan)
    present: bool = False
    baseline: Path | None = None
    fail_on: Severity | None = None  # None: never
    strict: bool = False
    fixed_time: datetime | None = None  # the demo's reports carry a fixed time
    quiet: bool = False
    brief: bool = False
    evidence: Path | None = None  # capture the pages behind high/critical findings here
    paths: list[Path] = field(default_factory=list)
    history: History | None = None  # where scans are remembered; None: not at all (demo)
    save: bool = True  # --no-save: compare with the last scan, but do not keep this one
    keep: int = DEFAULT_KEEP
    top: int = DEFAULT_TOP

    def check_writable(self) -> None:
        """Fail before scanning, not after, when an export cannot be written."""
        seen: dict[Path, str] = {}
        for export in self.exports:
            flag, path = f"--format {export.format}", export.path
            if path is None:
                continue
            resolved = path.expanduser().resolve()
            if resolved in seen:
                raise ReportFileError(f"{seen[resolved]} and {flag} both name {path}; "
                                      "give each export its own file")
            seen[resolved] = flag
            parent = path.expanduser().resolve().parent
            if not parent.is_dir():
                raise ReportFileError(f"{path}: the folder {parent} does not exist")
            if path.is_dir():
                raise ReportFileError(f"{path}: is a folder, not a file")
            if path.exists() and not _writable(path) or not _writable(parent):
                raise ReportFileError(f"{path}: not writable")


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


def execute(run: ScanRun, profile: Profile, outputs: Outputs, console: Console) -> int:
    """Runs the scan and returns the exit status; a Ctrl-C still shows and saves the rest."""
    outputs.check_writable()
    try:
        report, interrupted = asyncio.run(_until_interrupted(run))
    except KeyboardInterrupt:  # where Ctrl-C cannot be caught as a loop signal
        report, interrupted = run.report(interrupted=True), True
    if outputs.fixed_time is not None:
        report = _at(report, outputs.fixed_time)
    raw = report  # before masking: evidence needs the real addresses
    try:
        report = finish(report, profile, outputs, console)
    finally:
        if interrupted and signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    if interrupted:
        sys.stderr.write("error: interrupted; the report holds the checks that finished\n")
        return int(ExitStatus.INTERRUPTED)
    status = exit_status(report, outputs)
    if outputs.evidence is not None:
        from footprint.evidence.from_scan import evidence_status

        status = evidence_status(raw, profile, outputs.evidence, status, run.http)
    return status


async def _until_interrupted(run: ScanRun) -> tuple[Report, bool]:
    """Runs the scan; a Ctrl-C keeps the checks that finished (footprint/interrupt.py)."""
    report, interrupted = await until_interrupted(run.run())
    if report is None:
        return run.report(interrupted=True), True
    return report, interrupted


def _at(report: Report, when: datetime) -> Report:
    from dataclasses import replace

    results = tuple(replace(r, duration_s=0.0) for r in report.results)
    return replace(report, started_at=when, finished_at=when, results=results)


def finish(report: Report, profile: Profile, outputs: Outputs, console: Console) -> Report:
    """Suppressions, baseline comparison, masking, terminal view and exports.

    The comparison is made before masking, so both sides carry the same identities, and
    is then masked like the report."""
    from footprint.suppress import apply_suppressions

    report = apply_suppressions(report, profile.suppressions)
    if outputs.history is not None:
        from footprint.history import remember

        report = remember(report, outputs.history, save=outputs.save, keep=outputs.keep)
    report = replace(report, plan_top=outputs.top)
    diff = None
    if outputs.baseline is not None:
        from footprint.diff import diff_reports
        from footprint.renderers.json import read_report

        diff = diff_reports(read_report(outputs.baseline), report)
    if outputs.present:
        from footprint.present import mask_diff, mask_report

        report = mask_report(report, profile)
        if diff is not None:
            diff = mask_diff(diff, profile, report.lang)
    if not outputs.quiet:
        from footprint.ui.report_view import render_report

        render_report(console, report, brief=outputs.brief)
    if diff is not None:
        from footprint.ui.diff_view import render_diff

        render_diff(console, diff, report.lang)
    write_exports(report, outputs)
    return report


def write_exports(report: Report, outputs: Outputs) -> None:
    from footprint import renderers
    from footprint.output import write_atomic

    for export in outputs.exports:
        if export.path is not None:
            text = renderers.get(export.format).render(report, report.lang)
            write_atomic(export.path, text)
            outputs.paths.append(export.path)


def exit_status(report: Report, outputs: Outputs) -> int:
    """3 first when the network was unusable (the report leads with INCOMPLETE), then 1
    for a finding at --fail-on or above, then 3 with --strict for any undecided check."""
    from footprint.failure import completeness

    if completeness(report).network_unusable:
        return int(ExitStatus.INCOMPLETE)
    worst = report.worst()
    if outputs.fail_on is not None and worst is not None and worst >= outputs.fail_on:
        return int(ExitStatus.FINDINGS)
    if outputs.strict and any(r.status in UNDECIDED for r in report.results):
        return int(ExitStatus.INCOMPLETE)
    return int(ExitStatus.OK)
