"""Reading found pages off the event loop, in worker processes when it pays.

Parsing a 100 KiB page costs about 3 ms of CPU (libxml2, and the text, links and
attributes taken from it). A scan of many checks starts worker processes
(:mod:`footprint.page_worker`) before its first request and sends every page there, so
the event loop goes on with the network while other cores parse; a small scan reads pages
in its own process and starts the workers only once reading has cost it
:attr:`PageReaders.inline_budget_s`. Figures: benchmarks/README.md.

Fail closed: a page whose reading crashed or hung the worker raises :class:`PageNotRead`
for that page (it is never read again in this process, where it could crash the scan);
the worker is started afresh for the next pages, a few times per scan at most. Where no
worker can be started at all (no interpreter to start, an event loop without subprocess
support), pages are read here, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from footprint.extract import extract_page
from footprint.page_worker import ANSWER, FROZEN_FLAG, MAX_FRAME, page_from, request_frame
from footprint.pagetext import PageText

_IN_FLIGHT = 8  # pages sent to one worker and not answered yet
_READ_LIMIT = 1024 * 1024  # the answer stream's buffer: one answer is ~60 KiB


class PageNotRead(Exception):
    """The page could not be read: the reader crashed or hung on it, or answered nonsense."""


class _ReadElsewhere(Exception):
    """The worker stopped on another page while this one waited behind it."""


def worker_command() -> list[str]:
    """The same footprint, as its page worker. ``-P``: the current folder is not put on the
    module path, so a ``footprint`` folder there cannot stand in for the real package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_FLAG]
    package_root = str(Path(__file__).resolve().parent.parent)
    code = (f"import sys; sys.path.insert(0, {package_root!r}); "
            "from footprint.page_worker import main; main()")
    return [sys.executable, "-P", "-c", code]


class _Worker:
    """One running worker process and the pages it has been given."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        self.proc, self._stdin, self._stdout = proc, proc.stdin, proc.stdout
        self._waiting: dict[int, asyncio.Future[PageText]] = {}
        self._next = 0
        self._assigned = 0  # pages given to this worker and not answered yet
        self._slots = asyncio.Semaphore(_IN_FLIGHT)
        self.dead = False
        self._answers = asyncio.create_task(self._read_answers())

    async def read(self, html: str, base_url: str, timeout_s: float) -> PageText:
        self._assigned += 1
        try:
            # a few pages in the pipe keep the worker busy; the rest wait here as the text
            # they already are, not as encoded copies in the pipe's buffer
            async with self._slots:
                return await self._exchange(html, base_url, timeout_s)
        finally:
            self._assigned -= 1

    async def _exchange(self, html: str, base_url: str, timeout_s: float) -> PageText:
        if self.dead:
            raise _ReadElsewhere
        self._next += 1
        ident = self._next
        answer: asyncio.Future[PageText] = asyncio.get_running_loop().create_future()
        self._waiting[ident] = answer
        try:
            self._stdin.write(request_frame(ident, base_url, html))
            async with asyncio.timeout(timeout_s):
                await self._stdin.drain()
                return await asyncio.shield(answer)
        except (TimeoutError, ConnectionError):
            if answer.done() and answer.exception() is None:
                return answer.result()  # it came in just as the time ran out
            self.kill()  # a parser that hangs on one page would hang every page after it
            return answer.result()  # raises what kill() decided for this page
        finally:
            self._waiting.pop(ident, None)

    def load(self) -> int:
        return self._assigned

    async def _read_answers(self) -> None:
        try:
            while True:
                ident, size = ANSWER.unpack(await self._stdout.readexactly(ANSWER.size))
                if size > MAX_FRAME:
                    break
                payload = await self._stdout.readexactly(size)
                answer = self._waiting.get(ident)
                if answer is None or answer.done():
                    continue  # its check gave up waiting
                try:
                    answer.set_result(page_from(payload))
                except ValueError as exc:
                    answer.set_exception(PageNotRead(str(exc)))
        except (asyncio.IncompleteReadError, ConnectionError):
            # it ended by itself (a crash): killing it now would race the child watcher
            self.dead = True
            self._fail_waiting()
            return
        self.kill()

    def kill(self) -> None:
        """Stop the process. The worker reads one page at a time, in the order sent: the
        first page still waiting is the one it stopped on, and is not read again; the
        pages queued behind it are innocent and are read again elsewhere."""
        if not self.dead:
            self.dead = True
            if self.proc.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    self.proc.kill()
        self._fail_waiting()

    def _fail_waiting(self) -> None:
        waiting = [a for _, a in sorted(self._waiting.items()) if not a.done()]
        for position, answer in enumerate(waiting):
            answer.set_exception(PageNotRead("the page reader crashed or hung on this page")
                                 if position == 0 else _ReadElsewhere())

    async def close(self) -> None:
        """End of the scan: the worker ends when its input does."""
        if not self.dead:
            self.dead = True
            self._stdin.close()
            try:
                async with asyncio.timeout(2):
                    await self.proc.wait()
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.proc.kill()
        self._fail_waiting()
        self._answers.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._answers
        await self.proc.wait()


def default_workers() -> int:
    """Two workers (one on a single core). Measured on the 2-core benchmark machine, 170
    pages of 100 KiB: one worker finished reading them 0.15 s later than two, as it read
    them one after another (benchmarks/README.md)."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass
class PageReaders:
    """The scan's page reading (owned by the scan, like its HTTP client)."""

    inline_budget_s: float = 0.05  # read here until reading has cost this much
    page_timeout_s: float = 30.0
    workers: int = field(default_factory=default_workers)
    max_starts: int = 4  # worker processes per scan: each crash or hang costs one
    command: list[str] | None = None  # the worker to start (tests); None: worker_command()
    started: list[int] = field(default_factory=list)  # the workers' process ids, in order
    _inline_s: float = 0.0
    _running: list[_Worker] = field(default_factory=list)
    _retired: list[_Worker] = field(default_factory=list)
    _starting: asyncio.Task[None] | None = None
    _unavailable: bool = False

    @classmethod
    def here_only(cls) -> PageReaders:
        """Every page read in this process (a check run outside a scan, most tests)."""
        return cls(inline_budget_s=math.inf)

    async def start(self) -> None:
        """Start the workers now (a scan that will read many pages): a process started
        while the event loop is busy with hundreds of checks waits its turn at every step."""
        self._start()
        while self._starting is not None:
            await self._starting

    async def read(self, html: str, base_url: str = "") -> PageText:
        """The page's text, links and images; :class:`PageNotRead` when reading it
        crashed or hung the worker."""
        worker = self._least_busy()
        if worker is not None:
            try:
                return await worker.read(html, base_url, self.page_timeout_s)
            except _ReadElsewhere:
                pass  # queued behind the page that stopped the worker: read it here
        import footprint.extract_lxml  # noqa: F401 - its first import is no reading time

        began = time.perf_counter()
        try:
            return extract_page(html, base_url)
        finally:
            self._inline_s += time.perf_counter() - began
            if self._inline_s >= self.inline_budget_s:
                self._start()

    def _least_busy(self) -> _Worker | None:
        if any(w.dead for w in self._running):
            self._retired += [w for w in self._running if w.dead]
            self._running = [w for w in self._running if not w.dead]
            self._start()
        return min(self._running, key=_Worker.load, default=None)

    def _start(self) -> None:
        if self._unavailable or self._starting is not None or \
                len(self._running) >= self.workers:
            return
        if len(self.started) >= self.max_starts:
            self._unavailable = not self._running
            return
        self._starting = asyncio.get_running_loop().create_task(self._spawn())

    async def _spawn(self) -> None:
        try:
            proc = await asyncio.create_subprocess_exec(
                *(self.command or worker_command()), stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
                limit=_READ_LIMIT)
        except (OSError, NotImplementedError, RuntimeError, ValueError):
            self._unavailable = True  # pages go on being read here
            return
        finally:
            self._starting = None
        self.started.append(proc.pid)
        self._running.append(_Worker(proc))
        self._start()  # the next one, if more are wanted

    async def aclose(self) -> None:
        if self._starting is not None:
            self._starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._starting
        for worker in (*self._running, *self._retired):
            await worker.close()
        self._running, self._retired = [], []
