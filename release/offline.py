"""Running a built footprint in a child process with no way out to any network."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Sequence

# Where no network namespace can be made, every proxy variable points at a closed port on
# loopback, so any request the program tried would fail rather than leave the machine.
_DEAD_PROXY = "http://127.0.0.1:9"


@functools.cache
def _can_unshare() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    try:
        return subprocess.run([unshare, "-n", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def run_offline(argv: Sequence[str], *, timeout: float = 120,
                cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env |= {"HTTPS_PROXY": _DEAD_PROXY, "HTTP_PROXY": _DEAD_PROXY, "ALL_PROXY": _DEAD_PROXY,
            "FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD": "1", "COLUMNS": "100", "NO_COLOR": "1"}
    prefix = ["unshare", "-n"] if _can_unshare() else []
    return subprocess.run([*prefix, *argv], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=cwd, check=False)
