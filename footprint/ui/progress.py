"""A progress bar on stderr for scans that take more than a moment; silent off a terminal."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from footprint.i18n import t
from footprint.models import CheckResult, Lang


class RichProgress:
    """Implements footprint.engine.Progress; appears only after ``delay_s``."""

    def __init__(self, console: Console, lang: Lang, delay_s: float = 0.4) -> None:
        self._console = console
        self._lang = lang
        self._delay = delay_s
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._total = 0
        self._done = 0
        self._started = 0.0

    def started(self, total: int) -> None:
        self._total, self._started = total, time.monotonic()

    def advanced(self, result: CheckResult) -> None:
        self._done += 1
        if not self._console.is_terminal:
            return
        if self._bar is None and time.monotonic() - self._started >= self._delay:
            self._bar = Progress(TextColumn(t("screen.scanning", self._lang)), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=self._console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("scan", total=self._total)
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self._done)

    def finished(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
