"""The README's promises that a test can hold it to."""

from __future__ import annotations

import re
from pathlib import Path

from footprint.errors import ExitStatus
from footprint.profile.load import load_profile

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_quick_start_has_two_commands_and_ci_runs_the_test_one() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    assert "footprint demo" in commands[0] and "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text()


def test_every_exit_status_is_documented() -> None:
    table = README.split("## Exit codes", 1)[1].split("##", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert {int(status) for status in ExitStatus} <= documented


def test_example_profile_loads() -> None:
    profile = load_profile(ROOT / "examples" / "profile.toml")
    assert profile.name and profile.private.address.postcode
