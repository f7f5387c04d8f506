"""RFC 3161 timestamps on the manifest, from a time-stamping authority on loopback."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import tsp
from cryptography.hazmat.primitives import serialization
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.evidence.verify import verify_folder
from tests.evidence.site import site
from tests.evidence.tsa import Authority, authority

runner = CliRunner()


@pytest.fixture
def tsa() -> Iterator[tuple[str, Authority]]:
    with authority() as served:
        yield served


@pytest.fixture
def page() -> Iterator[str]:
    with site() as (url, _):
        yield f"{url}/dox"


def _ca(tmp_path: Path, tsa: Authority) -> Path:
    path = tmp_path / "tsa-ca.pem"
    path.write_bytes(tsa.root.public_bytes(serialization.Encoding.PEM))
    return path


def capture(*args: str) -> Any:
    return runner.invoke(app, ["evidence", "capture", *args])


def test_a_timestamp_covers_the_manifest_and_only_its_hash_is_sent(
        tsa: tuple[str, Authority], page: str, tmp_path: Path) -> None:
    url, authority_ = tsa
    out = tmp_path / "ev"
    ca = _ca(tmp_path, authority_)
    result = capture(page, "--out", str(out), "--timestamp-url", url, "--timestamp-ca", str(ca))
    assert result.exit_code == 0, result.output
    assert (out / "manifest.json.tsr").is_file()
    sent = tsp.TimeStampReq.load(authority_.requests[0])
    manifest = (out / "manifest.json").read_bytes()
    assert sent["message_imprint"]["hashed_message"].native == \
        hashlib.sha256(manifest).digest()
    assert manifest not in authority_.requests[0] and b"Kerkstraat" not in authority_.requests[0]
    checked = runner.invoke(app, ["evidence", "verify", str(out), "--tsa-ca", str(ca)])
    assert checked.exit_code == 0, checked.output
    assert "manifest.json existed at" in checked.output and "checked against" in checked.output
    unchecked = runner.invoke(app, ["evidence", "verify", str(out)])
    assert unchecked.exit_code == 0 and "signature not checked" in unchecked.output


def test_a_changed_timestamp_or_another_authority_fails_verification(
        tsa: tuple[str, Authority], page: str, tmp_path: Path) -> None:
    url, authority_ = tsa
    out = tmp_path / "ev"
    assert capture(page, "--out", str(out), "--timestamp-url", url).exit_code == 0
    other = _ca(tmp_path, Authority.new())
    wrong = runner.invoke(app, ["evidence", "verify", str(out), "--tsa-ca", str(other)])
    assert wrong.exit_code == 1 and "not signed by the given authority" in wrong.output
    token = out / "manifest.json.tsr"
    data = bytearray(token.read_bytes())
    data[len(data) // 2] ^= 0x01
    token.write_bytes(bytes(data))
    ca = _ca(tmp_path, authority_)
    flipped = runner.invoke(app, ["evidence", "verify", str(out), "--tsa-ca", str(ca)])
    assert flipped.exit_code == 1 and "CHANGED: manifest.json.tsr" in flipped.output


def test_appending_keeps_the_earlier_timestamp_checkable(
        tsa: tuple[str, Authority], page: str, tmp_path: Path) -> None:
    url, authority_ = tsa
    out = tmp_path / "ev"
    assert capture(page, "--out", str(out), "--timestamp-url", url).exit_code == 0
    assert capture(page, "--out", str(out), "--append").exit_code == 0
    earlier = [p.name for p in out.glob("manifest.*.json.tsr")]
    assert len(earlier) == 1 and not (out / "manifest.json.tsr").exists()
    result = verify_folder(out, [authority_.root])
    assert result.intact, result.problems
    assert len(result.timestamps) == 1
    kinds = {f["kind"] for f in json.loads((out / "manifest.json").read_text())["files"]}
    assert {"earlier-manifest", "timestamp"} <= kinds


def test_an_authority_that_fails_leaves_no_timestamp_and_says_so(page: str,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "ev"
    result = capture(page, "--out", str(out), "--timestamp-url", "http://127.0.0.1:1/tsa")
    assert result.exit_code == 3
    assert "warning: no timestamp" in result.output
    assert not (out / "manifest.json.tsr").exists()
    assert verify_folder(out).intact
