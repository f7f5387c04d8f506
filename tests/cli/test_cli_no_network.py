"""A real scan on loopback in which every connection fails (a name that does not resolve,
ports that refuse): the verdict must lead with INCOMPLETE, never "nothing found"."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app

runner = CliRunner()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def invalid_names_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """``.invalid`` never resolves (RFC 6761): answer as a real resolver does, instead of
    the test guard's refusal, so the failure is a DNS failure like offline."""
    guarded = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.rstrip(".").endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return guarded(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _scan(tmp_path: Path, lang: str, *extra: str) -> Any:
    refused = f"http://127.0.0.1:{_closed_port()}"
    profile = tmp_path / "profile.toml"
    profile.write_text(
        '[person]\nname = "Jan de Vries"\n'
        '[public]\nemails = ["jan@devries-utrecht.nl"]\n'
        f'urls = ["{refused}/jan", "http://nergens.invalid/jan"]\n'
        '[private.address]\nstreet = "Kerkstraat"\nhouse_number = "12"\n'
        'postcode = "3511 AB"\n')
    config = tmp_path / "config.toml"
    config.write_text("[scan]\ncheck_timeout = 5\nconnect_timeout = 2\n"
                      f'[endpoints]\nxposedornot = "{refused}"\n')
    return runner.invoke(app, [
        "scan", "--profile", str(profile), "--config", str(config), "--lang", lang,
        "--only", "web.pages", "--only", "email.xposedornot", "--only", "guide.kadaster",
        "--no-progress", "--json", str(tmp_path / "r.json"),
        "--markdown", str(tmp_path / "r.md"), "--html", str(tmp_path / "r.html"), *extra])


def test_no_network_leads_with_incomplete_and_exits_3(tmp_path: Path,
                                                      invalid_names_fail: None) -> None:
    result = _scan(tmp_path, "en")
    assert result.exit_code == 3, result.output
    screen = result.stdout
    assert "INCOMPLETE" in screen and "No network? A proxy needed?" in screen
    assert screen.index("INCOMPLETE") < screen.index("Do these first")
    assert "nothing exposed found" not in screen
    assert "none of the 3 checks could decide" in screen
    for name in ("r.md", "r.html"):
        text = (tmp_path / name).read_text()
        assert "INCOMPLETE" in text and "No network? A proxy needed?" in text, name
        assert "nothing exposed found" not in text
    report = json.loads((tmp_path / "r.json").read_text())
    summary = report["summary"]
    assert summary["complete"] is False and summary["network_unusable"] is True
    assert summary["failure_causes"] == {"dns": 1, "refused": 2}
    assert (summary["undecided"], summary["connection_failures"]) == (3, 3)
    causes = {(r["check_id"], r["subject"]["value"].split(":")[0]): r["cause"]
              for r in report["results"]}
    assert causes[("web.pages", "http")] in ("dns", "refused")
    assert causes[("email.xposedornot", "jan@devries-utrecht.nl")] == "refused"
    assert causes[("guide.kadaster", "")] is None  # sends nothing: not a network check


def test_strict_changes_nothing_and_dutch_says_onvolledig(tmp_path: Path,
                                                          invalid_names_fail: None) -> None:
    result = _scan(tmp_path, "nl", "--strict", "--fail-on", "info")
    assert result.exit_code == 3, result.output
    assert "ONVOLLEDIG" in result.stdout and "Geen netwerk?" in result.stdout
    assert "**ONVOLLEDIG**" in (tmp_path / "r.md").read_text()
