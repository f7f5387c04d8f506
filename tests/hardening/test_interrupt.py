"""Ctrl-C mid-scan keeps what finished in complete, valid reports and exits 130; an
export interrupted while being written never leaves a torn or half-written file."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.errors import ReportFileError
from footprint.output import write_atomic
from tests.persona import ADDRESS_ONLY

from .cli import Home, popen
from .faultserver import FaultServer, Reply, serve

PAGE = Reply(200, (("Content-Type", "text/html; charset=utf-8"),),
             b"<title>Jan</title><p>Jan woont aan de Kerkstraat 12, 3511 AB.</p>")
PROFILE = ADDRESS_ONLY
OUTPUTS = ("r.json", "r.md", "r.html")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with serve({"/jan": PAGE}) as running:
        yield running


def _start(tmp_path: Path, server: FaultServer) -> tuple[Home, subprocess.Popen[bytes]]:
    home = Home(tmp_path).make()
    urls = [server.url("/jan"), server.url("/stall"), server.url("/stall-headers")]
    (home.cwd / "profile.toml").write_text(PROFILE + f"[public]\nurls = {json.dumps(urls)}\n")
    (home.cwd / "config.toml").write_text("[scan]\ncheck_timeout = 60\nread_timeout = 60\n")
    proc = popen(home, "scan", "--profile", "profile.toml", "--config", "config.toml",
                 "--only", "web.pages", "--lang", "en", "--json", "r.json", "--markdown",
                 "r.md", "--html", "r.html", "--no-progress")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(
            server.hits[p] for p in ("/jan", "/stall", "/stall-headers")):
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()
    time.sleep(0.5)  # let the fast page's result land
    return home, proc


def _finish(proc: subprocess.Popen[bytes]) -> tuple[str, str]:
    try:
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    return out.decode(), err.decode()


def _no_temp_files(home: Home) -> None:
    leftovers = [p.name for p in home.cwd.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, leftovers


def test_sigint_mid_scan_writes_complete_partial_reports(tmp_path: Path,
                                                         server: FaultServer) -> None:
    home, proc = _start(tmp_path, server)
    proc.send_signal(signal.SIGINT)
    out, err = _finish(proc)
    assert proc.returncode == 130, err
    assert "Traceback" not in err + out
    assert "interrupted" in err
    report = json.loads((home.cwd / "r.json").read_text())
    assert report["interrupted"] is True
    assert [r["subject"]["value"] for r in report["results"]] == [server.url("/jan")]
    assert report["results"][0]["status"] == "exposed"
    assert (home.cwd / "r.md").read_text().strip()
    assert (home.cwd / "r.html").read_text().rstrip().endswith("</html>")
    for name in OUTPUTS:
        assert stat.S_IMODE((home.cwd / name).stat().st_mode) == 0o600
    _no_temp_files(home)


def test_repeated_sigint_neither_hangs_nor_tears_nor_shows_a_traceback(
        tmp_path: Path) -> None:
    problems = []
    for attempt, delay in enumerate([0, 0.001, 0.003, 0.01, 0.03, 0.1]):
        with serve({"/jan": PAGE}) as server:
            home, proc = _start(tmp_path / str(attempt), server)
            proc.send_signal(signal.SIGINT)
            time.sleep(delay)
            proc.send_signal(signal.SIGINT)
            try:
                out, err = (b.decode() for b in proc.communicate(timeout=5))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                problems.append(f"delay {delay}: still running 5 s after Ctrl-C")
                continue
        # A process that dies of SIGINT shows as 130 in the shell, like exit(130).
        if proc.returncode not in (130, -signal.SIGINT):
            problems.append(f"delay {delay}: exit {proc.returncode}")
        if "Traceback" in err + out:
            problems.append(f"delay {delay}: traceback {err[-300:]!r}")
        if (home.cwd / "r.json").exists():  # written before the second Ctrl-C, or not at all
            json.loads((home.cwd / "r.json").read_text())
        if (home.cwd / "r.html").exists():
            assert (home.cwd / "r.html").read_text().rstrip().endswith("</html>")
        _no_temp_files(home)
    assert not problems, problems


class _Stop(BaseException):
    pass


@pytest.mark.parametrize("failure", [KeyboardInterrupt, _Stop, OSError])
def test_an_interrupted_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 failure: type[BaseException]) -> None:
    target = tmp_path / "report.json"
    target.write_text('{"old": "complete"}\n')
    os.chmod(target, 0o600)

    def broken_fsync(fd: int) -> None:
        raise failure(28, "No space left on device") if failure is OSError else failure()

    monkeypatch.setattr(os, "fsync", broken_fsync)
    expected: type[BaseException] = ReportFileError if failure is OSError else failure
    with pytest.raises(expected):
        write_atomic(target, '{"new": "' + "x" * 1_000_000 + '"}\n')
    assert json.loads(target.read_text()) == {"old": "complete"}
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_new_file_is_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_atomic(tmp_path / "new.md", "# report\n")
        existing = tmp_path / "existing.md"
        existing.write_text("old")
        os.chmod(existing, 0o666)
        write_atomic(existing, "# report\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o600
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
