"""Bad command lines: one error line, exit 2 (usage) or 4 (config), no traceback, and no
scan started (nothing is fetched) when the problem is known before scanning."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app

from .faultserver import FaultServer, Reply, serve

runner = CliRunner()
PAGE = Reply(200, (("Content-Type", "text/html"),), b"<title>t</title><p>hello</p>")


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.chdir(tmp_path)  # relative output paths land in the test's folder
    with serve({"/p": PAGE}) as running:
        yield running


def invoke(tmp_path: Path, server: FaultServer, *args: str) -> tuple[int, str, str]:
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "adir").mkdir(exist_ok=True)
    result = runner.invoke(app, ["scan", "--url", server.url("/p"), "--only", "web.pages",
                                 "--no-progress", *args])
    return result.exit_code, result.stdout, result.stderr


def assert_one_error(stderr: str, *words: str) -> None:
    errors = [line for line in stderr.splitlines() if line.lower().startswith("error")]
    assert len(errors) == 1, stderr
    for word in words:
        assert word in errors[0], stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(("args", "words"), [
    (["--only", "nope.*"], ["nope.*"]),
    (["--skip", "nope"], ["nope"]),
    (["--enable", "username.no-such-site"], ["username.no-such-site"]),
    (["--only-sites"], ["--only-sites"]),
    (["--json", "missing-dir/r.json"], ["missing-dir"]),
    (["--markdown", "file.txt/r.md"], ["file.txt"]),
    (["--html", "adir"], ["adir"]),
    (["--json", "."], ["--json"]),
    (["--concurrency", "0"], ["--concurrency"]),
    (["--fail-on", "loud"], ["--fail-on"]),
    (["--lang", "de"], ["--lang"]),
    (["--no-such-flag"], ["--no-such-flag"]),
])
def test_usage_errors_exit_2_before_scanning(tmp_path: Path, server: FaultServer,
                                             args: list[str], words: list[str]) -> None:
    code, stdout, stderr = invoke(tmp_path, server, *args)
    assert code == 2, stderr
    assert_one_error(stderr, *words)
    assert stdout == ""
    assert sum(server.hits.values()) == 0  # nothing was fetched


def test_two_exports_to_one_file_is_a_usage_error(tmp_path: Path, server: FaultServer) -> None:
    code, _, stderr = invoke(tmp_path, server, "--json", "same.out", "--markdown", "same.out")
    assert code == 2, stderr
    assert_one_error(stderr, "same.out")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write to read-only folders")
def test_read_only_folder(tmp_path: Path, server: FaultServer) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, stderr = invoke(tmp_path, server, "--json", "locked/r.json")
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert_one_error(stderr, "locked")
    assert sum(server.hits.values()) == 0


@pytest.mark.parametrize(("config", "words"), [
    ("[scan\n", ["config.toml"]),
    ("[scan]\nconcurrency = 'many'\n", ["scan.concurrency"]),
    ("[scan]\nno_such = 1\n", ["scan.no_such"]),
    ("[endpoints]\nhibp = 'file:///etc/passwd'\n", ["endpoints.hibp"]),
    ("[secrets]\nHIBP_API_KEY = 'abcdef0123456789abcdef0123456789'\n", ["secrets.HIBP_API_KEY"]),
    ("lang = 'de'\n", ["lang"]),
])
def test_bad_config_exits_4_naming_the_key(tmp_path: Path, server: FaultServer, config: str,
                                           words: list[str]) -> None:
    (tmp_path / "config.toml").write_text(config)
    code, stdout, stderr = invoke(tmp_path, server, "--config", "config.toml")
    assert code == 4, stderr
    assert_one_error(stderr, *words)
    assert "abcdef0123456789abcdef0123456789" not in stderr  # a key pasted in is not echoed
    assert sum(server.hits.values()) == 0


def test_hostile_file_names_in_error_lines_are_inert(tmp_path: Path,
                                                     server: FaultServer) -> None:
    name = "\x1b]0;pwned\x07\x1b[2J[bold]p\u202e.toml"
    result = runner.invoke(app, ["scan", "--profile", str(tmp_path / name), "--no-progress"])
    assert result.exit_code == 4
    assert_one_error(result.stderr, "[bold]p")
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
