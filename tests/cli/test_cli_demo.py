"""The workshop demo: real checks, simulated web, no network, same output every run."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app

runner = CliRunner()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the demo tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_demo_is_offline_deterministic_and_shows_every_kind_of_result(
        tmp_path: Path, no_network: None) -> None:
    first = runner.invoke(app, ["demo", "--lang", "en", "--json", str(tmp_path / "d.json")])
    second = runner.invoke(app, ["demo", "--lang", "en"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    report = json.loads((tmp_path / "d.json").read_text())
    statuses = {r["status"] for r in report["results"]}
    assert {"exposed", "clear", "manual", "inconclusive"} <= statuses
    severities = {f["severity"] for r in report["results"] for f in r["findings"]
                  if f["kind"] == "exposure"}
    assert {"high", "medium", "low"} <= severities
    families = {r["check_id"].split(".")[0] for r in report["results"]
                if r["status"] == "exposed"}
    assert {"web", "username", "email", "register", "domain"} <= families
    assert all(f["remediation"]["steps"] or f["remediation"]["links"]
               for r in report["results"] for f in r["findings"] if f["kind"] == "exposure")
    assert "Could not be checked" in first.stdout and "What to do" in first.stdout


def test_demo_speaks_dutch(no_network: None) -> None:
    result = runner.invoke(app, ["demo", "--lang", "nl"])
    assert result.exit_code == 0
    assert "Wat er gevonden is" in result.stdout and "Wat te doen" in result.stdout


def test_demo_step_mode_shows_each_check_as_it_finishes(no_network: None) -> None:
    result = runner.invoke(app, ["demo", "--lang", "en", "--step", "--only", "web.*"])
    assert result.exit_code == 0
    rules = [line for line in result.stdout.splitlines()
             if line.startswith("─") and "web.pages · web page: https://" in line]
    assert len(rules) == 2


def test_brief_view_is_the_plan_one_line_per_action(tmp_path: Path,
                                                     no_network: None) -> None:
    full = runner.invoke(app, ["demo", "--lang", "en", "--json", str(tmp_path / "d.json")])
    brief = runner.invoke(app, ["demo", "--lang", "en", "--brief"])
    assert brief.exit_code == 0
    assert len(brief.stdout.splitlines()) < len(full.stdout.splitlines()) / 3
    report = json.loads((tmp_path / "d.json").read_text())
    ids = [a["id"] for a in report["actions"]]
    assert ids and all(brief.stdout.count(i) == 1 for i in ids)


async def test_every_recorded_answer_of_the_demo_is_asked_for() -> None:
    """A recorded route that no request reaches has gone stale (the copy-site query grew
    and its recorded answer silently stopped matching once): the demo then hides what
    that answer holds."""
    from footprint.cli.commands.demo import demo_dir
    from footprint.cli.setup import build_run, console_pair
    from footprint.config import load_settings
    from footprint.profile.load import load_profile
    from footprint.simulated import SimulatedDns, SimulatedWeb

    base = demo_dir()
    web = SimulatedWeb.from_dir(base / "web")
    _, err = console_pair()
    run, _ = build_run(load_profile(base / "persona.toml"), None, [], [], ["*"], {}, "en",
                       None, None, err, progress=False, transport=web.transport(),
                       resolver=SimulatedDns.from_file(base / "dns.json"),
                       settings=load_settings(base / "config.toml"), fake_secrets=True,
                       builtin_only=True)
    await run.run()
    assert [f"{r.method} {r.url}" for r in web.unanswered()] == []
