"""The console entry point: Click's usage errors become our one ``error:`` line too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("args", "words"), [
    (["scan", "--nope"], "No such option: --nope"),
    (["scan", "--json", ".", "-u", "x"], "'--json'"),
    (["render"], "Missing argument"),
])
def test_usage_errors_are_one_line_and_exit_2(args: list[str], words: str) -> None:
    done = subprocess.run([sys.executable, "-m", "footprint", *args], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0]
    assert "Traceback" not in done.stderr


def test_version_exits_0() -> None:
    done = subprocess.run([sys.executable, "-m", "footprint", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("footprint ")


@pytest.mark.parametrize(("words", "expected"), [
    ("footprint sc", "scan"),
    ("footprint ch", "checklist\nchecks"),
])
def test_shell_completion_offers_commands(words: str, expected: str) -> None:
    # what the script installed by `footprint --install-completion bash` asks the program
    env = {"_FOOTPRINT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "1",
           "PATH": "/usr/bin:/bin"}
    script = Path(sys.executable).with_name("footprint")  # the console script pip installed
    done = subprocess.run([str(script)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == expected.split()
