"""The console entry point: Click's usage errors become our one ``error:`` line too."""

from __future__ import annotations

import subprocess
import sys

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
