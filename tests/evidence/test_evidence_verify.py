"""``footprint evidence verify``: intact folders pass, one changed byte anywhere is found."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.evidence.verify import Verification, check_warc, verify_folder
from tests.evidence.site import site

runner = CliRunner()


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    with site() as (url, _):
        yield url


@pytest.fixture
def folder(served: str, tmp_path: Path, profile_file: Path) -> Path:
    out = tmp_path / "ev"
    result = runner.invoke(app, ["evidence", "capture", f"{served}/hop/2", f"{served}/dox",
                                 "--out", str(out), "--profile", str(profile_file)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    from tests.conftest import PROFILE_TOML

    path = tmp_path / "profile.toml"
    path.write_text(PROFILE_TOML)
    return path


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def verify_cli(folder: Path) -> Any:
    return runner.invoke(app, ["evidence", "verify", str(folder)])


def test_an_intact_folder_verifies(folder: Path) -> None:
    result = verify_cli(folder)
    assert result.exit_code == 0, result.output
    assert "intact: 5 file(s) and 13 WARC record(s)" in result.output


@pytest.mark.parametrize("name", ["statement.nl.md", "statement.en.md", "statement.nl.html",
                                  "statement.en.html"])
def test_one_changed_byte_in_a_statement_is_found(folder: Path, name: str) -> None:
    flip(folder / name, (folder / name).stat().st_size // 2)
    result = verify_cli(folder)
    assert result.exit_code == 1
    assert f"CHANGED: {name}: changed; SHA-256 is" in result.output


@pytest.mark.parametrize("where", [0.1, 0.5, 0.95])
def test_one_changed_byte_in_the_warc_file_is_found(folder: Path, where: float) -> None:
    warc = next(folder.glob("*.warc.gz"))
    flip(warc, int(warc.stat().st_size * where))
    result = verify_cli(folder)
    assert result.exit_code == 1
    assert f"CHANGED: {warc.name}: changed; SHA-256 is" in result.output


def test_a_changed_record_is_found_by_its_own_digest(folder: Path, tmp_path: Path) -> None:
    """Even where the file hash is recomputed (a forger's edit), warcio's digest check sees
    which record changed."""
    warc = next(folder.glob("*.warc.gz"))
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(warc.read_bytes()))  # all members, one stream
    data = plain.read_bytes()
    at = data.index(b"Kerkstraat")
    plain.write_bytes(data[:at] + b"Kerkstraaf" + data[at + 10:])
    result = Verification()
    check_warc(plain, result)
    assert len(result.problems) == 1
    assert "digest mismatch" in result.problems[0] and "response" in result.problems[0]
    assert "/dox" in result.problems[0]


@pytest.mark.parametrize("field", ["sha256", "url"])
def test_one_changed_byte_in_the_manifest_is_found(folder: Path, field: str) -> None:
    manifest = folder / "manifest.json"
    text = manifest.read_text("utf-8")
    needle = '"sha256": "' if field == "sha256" else '"url": "http://127.0.0.1:'
    flip(manifest, len(text[: text.index(needle) + len(needle) + 2].encode("utf-8")))
    result = verify_cli(folder)
    assert result.exit_code == 1
    assert "CHANGED: manifest.json: changed; its content no longer matches its own digest" \
        in result.output


def test_a_broken_manifest_and_a_missing_or_added_file_are_found(folder: Path) -> None:
    (folder / "statement.en.md").unlink()
    (folder / "extra.txt").write_text("added later")
    problems = verify_folder(folder).problems
    assert "statement.en.md: missing" in problems
    assert any(p.startswith("extra.txt: not in the manifest") for p in problems)
    (folder / "manifest.json").write_text("{not json")
    assert "no longer valid JSON" in verify_folder(folder).problems[0]


def test_a_usage_error_for_a_non_web_address(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evidence", "capture", "file:///etc/passwd",
                                 "--out", str(tmp_path / "ev")])
    assert result.exit_code == 2
    assert "only http:// and https://" in result.output
    assert not (tmp_path / "ev").exists()


def test_failed_captures_exit_3_and_a_full_folder_exit_2(served: str, tmp_path: Path) -> None:
    out = tmp_path / "ev"
    result = runner.invoke(app, ["evidence", "capture", f"{served}/dox", f"{served}/gone",
                                 "--out", str(out), "--timeout", "2"])
    assert result.exit_code == 3
    assert "FAILED" in result.output and "HTTP 404" in result.output
    again = runner.invoke(app, ["evidence", "capture", f"{served}/dox", "--out", str(out)])
    assert again.exit_code == 2 and "--append" in again.output
    more = runner.invoke(app, ["evidence", "capture", f"{served}/dox", "--out", str(out),
                               "--append"])
    assert more.exit_code == 0, more.output
    assert verify_cli(out).exit_code == 0


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process")
def test_ctrl_c_keeps_what_was_captured_and_a_consistent_manifest(served: str,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "ev"
    env = {**os.environ, "FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "footprint", "evidence", "capture", f"{served}/dox",
         f"{served}/stall", "--out", str(out), "--timeout", "30"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        manifest = out / "manifest.json"
        if manifest.exists() and json.loads(manifest.read_text())["captures"]:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=20)
    assert child.returncode == 130, err
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] is False and manifest["runs"][0]["interrupted"] is True
    assert [c["url"] for c in manifest["captures"]] == [f"{served}/dox"]
    statement = (out / "statement.en.md").read_text()
    assert "interrupted" in statement
    assert f"Not reached because of the interruption: <{served}/stall>" in statement
    assert verify_folder(out).intact
