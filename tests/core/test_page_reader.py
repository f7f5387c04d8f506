"""Found pages read in worker processes: the same reading, and a crash or hang costs only
the page it happened on (fail closed), never the scan."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.check import BaseCheck, CheckContext
from footprint.extract import PageText, extract_page
from footprint.models import Finding, L10n, Subject
from footprint.page_reader import PageNotRead, PageReaders, worker_command
from footprint.page_worker import (
    ANSWER,
    FROZEN_FLAG,
    HEAD,
    answer_payload,
    page_from,
    request_frame,
    serve,
)
from footprint.scan import EAGER_PAGE_WORKER_AT, ScanRun
from tests.hardening.faultserver import nested_html
from tests.persona import jan

DEMO_PAGES = sorted(Path("checks/footprint_checks/demo/files").rglob("*.html"))
BASE = "https://site.example/u/femke"
PAGES = [p.read_text("utf-8") for p in DEMO_PAGES] + [
    "<p>Kerkstraat<!-- x -->&nbsp;12</p><a href='tel:+31%206%2012345678'>bel</a>",
    "<img src='/a.png' alt='Ons huis'><script>var s = 'not text';</script>na \u00e9\u00e9n",
    "",
    "plain text: Lindelaan 27, 4321 ZX Dijkhoven",
    "<title>open <b>title",  # libxml2 swallows the page: read again with BeautifulSoup
]
# a worker that dies on the first page it is given, and one that never answers
CRASHES = [sys.executable, "-c", "import sys; sys.stdin.buffer.read(12); sys.exit(3)"]
HANGS = [sys.executable, "-c", "import sys, time; sys.stdin.buffer.read(12); time.sleep(60)"]


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


async def test_workers_read_every_page_as_this_process_does() -> None:
    readers = PageReaders(workers=2, inline_budget_s=0)
    await readers.start()
    try:
        pages = [(html, f"{BASE}/{i}") for i, html in enumerate(PAGES * 4)]
        got = await asyncio.gather(*(readers.read(html, url) for html, url in pages))
    finally:
        await readers.aclose()
    assert got == [extract_page(html, url) for html, url in pages]
    assert len(readers.started) == 2
    assert readers._inline_s == 0  # every page went to a worker
    assert all(gone(pid) for pid in readers.started)  # closed with the scan


async def test_a_page_past_libxml2s_depth_limit_is_read_whole_by_the_worker() -> None:
    readers = PageReaders(workers=1, inline_budget_s=0)
    await readers.start()
    try:
        page = await readers.read(nested_html(inner="Kerkstraat 12").decode(), BASE)
    finally:
        await readers.aclose()
    assert "Kerkstraat 12" in page.text and page.title == "nested"


async def test_a_small_scan_reads_here_until_reading_has_cost_its_budget() -> None:
    readers = PageReaders(workers=1, inline_budget_s=3600)
    try:
        for html in PAGES:
            await readers.read(html, BASE)
        assert readers.started == []
        readers.inline_budget_s = 0
        await readers.read(PAGES[0], BASE)  # over budget: the worker is started ...
        for _ in range(200):
            if readers._running:
                break
            await asyncio.sleep(0.01)
        inline = readers._inline_s
        assert await readers.read(PAGES[1], BASE) == extract_page(PAGES[1], BASE)
        assert readers._inline_s == inline  # ... and reads from then on
        assert len(readers.started) == 1
    finally:
        await readers.aclose()


async def test_the_page_a_worker_crashed_on_is_not_read_and_the_next_gets_a_new_worker(
) -> None:
    readers = PageReaders(workers=1, inline_budget_s=0, command=CRASHES, max_starts=2)
    await readers.start()
    try:
        with pytest.raises(PageNotRead):
            await readers.read("<p>the page that crashes the parser</p>", BASE)
        await asyncio.sleep(0.05)
        # while the second worker starts, the next page is read here
        assert await readers.read(PAGES[0], BASE) == extract_page(PAGES[0], BASE)
        await readers.start()
        assert len(readers.started) == 2
        with pytest.raises(PageNotRead):
            await readers.read("<p>crashes the second one too</p>", BASE)
        # no starts left: every later page is read in this process
        assert await readers.read(PAGES[1], BASE) == extract_page(PAGES[1], BASE)
        assert len(readers.started) == 2
    finally:
        await readers.aclose()
    assert all(gone(pid) for pid in readers.started)


async def test_a_hanging_worker_is_killed_and_the_pages_queued_behind_it_are_read_elsewhere(
) -> None:
    readers = PageReaders(workers=1, inline_budget_s=0, command=HANGS, page_timeout_s=0.5,
                          max_starts=1)
    await readers.start()
    [pid] = readers.started
    try:
        outcomes = await asyncio.gather(
            readers.read("<p>the page it hangs on</p>", BASE),
            readers.read(PAGES[0], BASE), readers.read(PAGES[1], BASE),
            return_exceptions=True)
        assert isinstance(outcomes[0], PageNotRead)
        assert list(outcomes[1:]) == [extract_page(PAGES[0], BASE), extract_page(PAGES[1], BASE)]
        for _ in range(100):
            if gone(pid):
                break
            await asyncio.sleep(0.02)
    finally:
        await readers.aclose()
    assert gone(pid)


async def test_without_a_worker_to_start_pages_are_read_here() -> None:
    readers = PageReaders(workers=2, inline_budget_s=0,
                          command=["/nonexistent/footprint-page-worker"])
    await readers.start()
    try:
        assert await readers.read(PAGES[0], BASE) == extract_page(PAGES[0], BASE)
    finally:
        await readers.aclose()
    assert readers.started == []


def test_frames_round_trip_through_the_worker_loop() -> None:
    pages = [("https://a.example/x", PAGES[0]), ("https://b.example/\u00e9", "<p>h\u00e9</p>")]
    source = io.BytesIO(b"".join(request_frame(i, url, html)
                                 for i, (url, html) in enumerate(pages)))
    sink = io.BytesIO()
    serve(source, sink)
    data = sink.getvalue()
    for i, (url, html) in enumerate(pages):
        ident, size = ANSWER.unpack_from(data)
        assert ident == i
        assert page_from(data[ANSWER.size:ANSWER.size + size]) == extract_page(html, url)
        data = data[ANSWER.size + size:]
    assert data == b""


def _framed(head: object, body: bytes = b"") -> bytes:
    encoded = json.dumps(head).encode()
    return HEAD.pack(len(encoded)) + encoded + body


@pytest.mark.parametrize("payload", [
    b"", b"\x00\x00", _framed([]), _framed({"error": "MemoryError"}), _framed({}),
    _framed({"title": "", "sizes": [0, 0, 0], "counts": [0, 0]}, b"x"),  # sizes too short
    _framed({"title": "", "sizes": [1, 0, 0], "counts": [2, 0]}, b"x"),  # a link missing
    _framed({"title": "", "sizes": [0, 0, 0], "counts": [0, 1], "images": [1]}),
    _framed({"title": 1, "sizes": [0, 0, 0], "counts": [0, 0]}),
    _framed({"title": "", "sizes": [-1, 1, 0], "counts": [0, 0]}),
    HEAD.pack(10**6) + b"{}",
])
def test_an_answer_that_is_not_a_page_is_refused(payload: bytes) -> None:
    with pytest.raises(ValueError):
        page_from(payload)


_VALUE = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.builds(PageText, title=_VALUE, text=st.text(max_size=200),
                 images=st.lists(_VALUE, max_size=5).map(tuple),
                 links=st.lists(_VALUE, max_size=8).map(tuple)))
def test_every_page_crosses_the_pipe_unchanged(page: PageText) -> None:
    # line breaks inside a link, empty lists, a single empty link, any character
    assert page_from(answer_payload(page)) == page


def test_the_answer_carries_the_whole_page() -> None:
    page = extract_page(PAGES[0], BASE)
    assert page_from(answer_payload(page)) == page


def test_the_single_file_program_is_its_own_page_worker() -> None:
    """The frozen build starts itself with a flag; here the console script's main() is
    run the same way, as a plain interpreter would run the frozen program."""
    code = "import sys; from footprint.cli.app import main; main()"
    frame = request_frame(7, BASE, PAGES[0])
    done = subprocess.run([sys.executable, "-c", code, FROZEN_FLAG], input=frame,
                          capture_output=True, timeout=60, check=True)
    ident, size = ANSWER.unpack_from(done.stdout)
    assert ident == 7
    assert page_from(done.stdout[ANSWER.size:ANSWER.size + size]) == \
        extract_page(PAGES[0], BASE)


def test_the_worker_is_this_footprint_not_one_in_the_current_folder(tmp_path: Path) -> None:
    impostor = tmp_path / "footprint"
    impostor.mkdir()
    (impostor / "__init__.py").write_text("raise SystemExit('the wrong footprint')")
    frame = request_frame(1, BASE, "<p>x</p>")
    done = subprocess.run(worker_command(), input=frame, capture_output=True, timeout=60,
                          cwd=tmp_path, check=True)
    assert ANSWER.unpack_from(done.stdout)[0] == 1


class _Quiet(BaseCheck):
    title = L10n.same("quiet")
    inputs = frozenset()

    def __init__(self, n: int) -> None:
        self.id = f"test.quiet-{n}"

    async def run(self, subject: Subject, ctx: CheckContext) -> list[Finding]:
        return []


@pytest.mark.parametrize(("checks", "workers"), [(EAGER_PAGE_WORKER_AT, 1),
                                                 (EAGER_PAGE_WORKER_AT - 1, 0)])
async def test_a_scan_of_many_checks_starts_its_workers_first_and_closes_them(
        checks: int, workers: int) -> None:
    run = ScanRun(jan(), [_Quiet(n) for n in range(checks)],
                  pages=PageReaders(workers=1))
    report = await run.run()
    assert len(report.results) == checks
    assert len(run.pages.started) == workers
    assert all(gone(pid) for pid in run.pages.started)


async def test_ctrl_c_is_the_scans_to_handle_not_the_workers() -> None:
    """Ctrl-C reaches every process in the terminal's group; the scan decides what it
    means and closes its workers itself."""
    readers = PageReaders(workers=1, inline_budget_s=0)
    await readers.start()
    [pid] = readers.started
    try:
        assert await readers.read(PAGES[0], BASE) == extract_page(PAGES[0], BASE)
        os.kill(pid, signal.SIGINT)
        await asyncio.sleep(0.2)
        assert not gone(pid)
        assert await readers.read(PAGES[1], BASE) == extract_page(PAGES[1], BASE)
        assert readers._inline_s == 0
    finally:
        await readers.aclose()
    assert gone(pid)
