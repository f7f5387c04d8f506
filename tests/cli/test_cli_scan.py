"""End to end through real sockets on 127.0.0.1: exit statuses, exports, interrupt."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from tests.loopback import serve
from tests.persona import jan_toml

runner = CliRunner()
def profile_toml(*urls: str) -> str:
    return jan_toml(public={"urls": list(urls)}, address={"addition": None})
HOME_PAGE = "<title>Jan</title><p>Jan woont aan de Kerkstraat 12, 3511 AB Utrecht.</p>"
CLEAN_PAGE = "<title>Jan</title><p>Jan de Vries is wethouder.</p>"


def scan(tmp_path: Path, url: str, *extra: str) -> object:
    profile = tmp_path / "profile.toml"
    profile.write_text(profile_toml(url))
    config = tmp_path / "config.toml"
    config.write_text("[scan]\ncheck_timeout = 3\nread_timeout = 2\n")
    return runner.invoke(app, ["scan", "--profile", str(profile), "--config", str(config),
                               "--only", "web.pages", "--lang", "en", *extra])


def test_exposure_is_reported_and_fail_on_gives_1(tmp_path: Path) -> None:
    with serve({"/jan": (200, HOME_PAGE)}) as base:
        result = scan(tmp_path, f"{base}/jan", "--fail-on", "high",
                      "--json", str(tmp_path / "r.json"), "--markdown", str(tmp_path / "r.md"))
    assert result.exit_code == 1, result.output
    assert "home address" in result.stdout and "Kerkstraat" not in result.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    [res] = report["results"]
    assert res["status"] == "exposed" and res["check_id"] == "web.pages"
    assert oct(os.stat(tmp_path / "r.json").st_mode & 0o777) == "0o600"
    assert "- [ ]" in (tmp_path / "r.md").read_text()


def test_without_fail_on_findings_still_exit_0(tmp_path: Path) -> None:
    with serve({"/jan": (200, HOME_PAGE)}) as base:
        result = scan(tmp_path, f"{base}/jan")
    assert result.exit_code == 0, result.output


def test_clean_page_is_0_even_with_fail_on(tmp_path: Path) -> None:
    with serve({"/jan": (200, CLEAN_PAGE)}) as base:
        result = scan(tmp_path, f"{base}/jan", "--fail-on", "info", "--strict")
    assert result.exit_code == 0, result.output


def test_strict_gives_3_when_a_check_could_not_decide(tmp_path: Path) -> None:
    with serve({}) as base:
        result = scan(tmp_path, f"{base}/gone", "--strict")
        lenient = scan(tmp_path, f"{base}/gone")
    assert result.exit_code == 3, result.output
    assert lenient.exit_code == 0
    assert "404" in result.stdout


def test_sigint_keeps_finished_results_and_exits_130(tmp_path: Path) -> None:
    hits: list[str] = []
    with serve({"/jan": (200, HOME_PAGE)}, stall={"/slow"}, hits=hits) as base:
        profile = tmp_path / "profile.toml"
        profile.write_text(profile_toml(f"{base}/jan", f"{base}/slow"))
        config = tmp_path / "config.toml"
        config.write_text("[scan]\ncheck_timeout = 60\nread_timeout = 60\n")
        out = tmp_path / "partial.json"
        env = {**os.environ, "FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "footprint", "scan", "--profile", str(profile), "--config",
             str(config), "--only", "web.pages", "--json", str(out), "--no-progress"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 30
        while not {"/jan", "/slow"} <= set(hits) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # let the fast page's result land
        proc.send_signal(signal.SIGINT)
        try:
            stdout, stderr = proc.communicate(timeout=20)
        finally:
            proc.kill()
    assert proc.returncode == 130, stderr.decode()
    report = json.loads(out.read_text())
    assert report["interrupted"] is True
    assert [r["subject"]["value"] for r in report["results"]] == [f"{base}/jan"]
    assert b"Traceback" not in stderr


@pytest.mark.parametrize("flag", ["--json", "--markdown"])
def test_quick_scan_flags_need_no_profile(tmp_path: Path, flag: str) -> None:
    with serve({"/p": (200, CLEAN_PAGE)}) as base:
        result = runner.invoke(app, ["scan", "--url", f"{base}/p", "--only", "web.pages",
                                     flag, str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out").stat().st_size > 0


def test_baseline_shows_what_was_resolved(tmp_path: Path) -> None:
    pages = {"/jan": (200, HOME_PAGE)}
    with serve(pages) as base:
        first = scan(tmp_path, f"{base}/jan", "--json", str(tmp_path / "old.json"))
        pages["/jan"] = (200, CLEAN_PAGE)
        second = scan(tmp_path, f"{base}/jan", "--baseline", str(tmp_path / "old.json"),
                      "--present")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "resolved" in second.stdout.lower()
    # one page is one action, however many private details it showed
    assert "1 resolved, 0 new, 0 still open, 0 could not be checked now" in second.stdout
    assert "Resolved (1)" in second.stdout
    assert "Jan de Vries" not in second.stdout
