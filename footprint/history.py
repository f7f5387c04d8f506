"""Memory between scans: saved reports and "done" marks, per profile, on this computer only.

Each ``footprint scan`` keeps its JSON report (0600, in a 0700 folder) under the user's data
folder (platformdirs; ``FOOTPRINT_DATA_DIR`` overrides it), one folder per profile; the
oldest beyond ``keep`` are deleted. The next scan compares itself with the last one and
applies the actions the person marked done.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import UTC, date
from pathlib import Path

from footprint.actions import Action, build_actions
from footprint.config import data_dir
from footprint.errors import ReportFileError, UsageError
from footprint.models import DoneMark, Previous, Report
from footprint.output import write_atomic
from footprint.profile.model import Profile

DEFAULT_KEEP = 20
DIR_MODE = 0o700
_SCAN_FILE = re.compile(r"^\d{8}T\d{6}(?:\d{6})?Z\.json$")
DONE_FILE = "done.json"


def profile_key(profile: Profile) -> str:
    """The folder name for a profile: its file, or for a quick scan its identifiers."""
    if profile.source and profile.source != "command line":
        return file_key(Path(profile.source))
    pub = profile.public
    ids = sorted({*pub.usernames, *pub.emails, *pub.domains, *pub.urls})
    return "quick-" + hashlib.sha256("\x00".join(ids).encode()).hexdigest()[:8]


def file_key(source: Path) -> str:
    path = source.expanduser().resolve()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem)[:40] or "profile"
    return f"{stem}-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"


@dataclass(frozen=True, slots=True)
class History:
    """The saved scans and done marks of one profile."""

    folder: Path

    @classmethod
    def for_profile(cls, profile: Profile) -> History:
        return cls(data_dir() / "scans" / profile_key(profile))

    @classmethod
    def for_file(cls, path: Path) -> History:
        return cls(data_dir() / "scans" / file_key(path))

    def _ensure(self) -> None:
        self.folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        try:
            os.chmod(self.folder, DIR_MODE)
        except OSError:  # not every platform has POSIX modes
            pass

    def scans(self) -> list[Path]:
        """Saved reports, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if _SCAN_FILE.match(p.name))

    def latest(self, n: int = 1) -> list[Report]:
        from footprint.renderers.json import read_report

        out = []
        for path in self.scans()[-n:]:
            try:
                out.append(read_report(path))
            except ReportFileError:
                continue  # a damaged old file must not stop a new scan
        return out

    def save(self, report: Report, keep: int = DEFAULT_KEEP) -> Path:
        from footprint.renderers.json import render

        self._ensure()
        stamp = report.started_at.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = write_atomic(self.folder / f"{stamp}.json", render(report, report.lang))
        for old in self.scans()[: -max(1, keep)]:
            old.unlink(missing_ok=True)
        return path

    # ------------------------------------------------------------ done marks

    def done(self) -> tuple[DoneMark, ...]:
        path = self.folder / DONE_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ()
        except (OSError, ValueError) as exc:
            raise ReportFileError(f"{path}: cannot read the done marks ({exc})") from None
        marks = []
        for item in raw.get("done", []) if isinstance(raw, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("action_id"), str):
                marks.append(DoneMark(
                    action_id=item["action_id"], date=str(item.get("date", "")),
                    findings=tuple(x for x in item.get("findings", []) if isinstance(x, str)),
                    guided=bool(item.get("guided", False))))
        return tuple(marks)

    def _write_done(self, marks: tuple[DoneMark, ...]) -> None:
        self._ensure()
        data = {"done": [{"action_id": m.action_id, "date": m.date,
                          "findings": list(m.findings), "guided": m.guided} for m in marks]}
        write_atomic(self.folder / DONE_FILE, json.dumps(data, indent=2) + "\n")

    def mark_done(self, action: Action, when: date | None = None) -> DoneMark:
        mark = DoneMark(action.id, (when or date.today()).isoformat(), action.finding_ids,
                        guided=action.guided)
        kept = tuple(m for m in self.done() if not _same(m, action))
        self._write_done((*kept, mark))
        return mark

    def reopen(self, wanted: str) -> int:
        """Removes the marks of this action or finding id; how many there were."""
        wanted = wanted.strip().lower()
        marks = self.done()
        kept = tuple(m for m in marks if m.action_id != wanted and wanted not in m.findings)
        if len(kept) != len(marks):
            self._write_done(kept)
        return len(marks) - len(kept)


def _same(mark: DoneMark, action: Action) -> bool:
    return mark.action_id == action.id or bool(set(mark.findings) & set(action.finding_ids))


def compare(old: Report, new: Report) -> Previous:
    """Resolved, new, still open and not rechecked, counted in actions: the counts of
    ``footprint diff`` for the same two scans (see :mod:`footprint.diff`)."""
    from footprint.diff import State, action_changes

    counts = dict.fromkeys(State, 0)
    for change in action_changes(old, new):
        counts[change.state] += 1
    return Previous(started_at=old.started_at.isoformat(), resolved=counts[State.RESOLVED],
                    new=counts[State.NEW], still_open=counts[State.OPEN],
                    not_rechecked=counts[State.NOT_RECHECKED])


def remember(report: Report, history: History, *, save: bool, keep: int) -> Report:
    """The report with the done marks applied and compared with the previous saved scan;
    saved (unless ``save`` is off, or the scan was interrupted: half a scan would count
    everything it did not reach as changed next time)."""
    report = replace(report, done=history.done())
    previous = history.latest()
    if previous:
        report = replace(report, previous=compare(previous[0], report))
    if save and not report.interrupted:
        history.save(report, keep)
    return report


def latest_actions(history: History) -> tuple[Action, ...]:
    reports = history.latest()
    if not reports:
        raise UsageError("no saved scan for this profile yet: run 'footprint scan' first")
    return build_actions(reports[0])
