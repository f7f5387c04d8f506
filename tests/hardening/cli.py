"""Running ``python -m footprint`` as a real subprocess in an isolated home."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Home:
    """HOME, XDG folders, TMPDIR and a working directory, all under one tmp folder."""

    root: Path

    @property
    def cwd(self) -> Path:
        return self.root / "work"

    def env(self, **extra: str) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env.update(
            HOME=str(self.root / "home"), XDG_CONFIG_HOME=str(self.root / "xdg-config"),
            XDG_CACHE_HOME=str(self.root / "xdg-cache"),
            XDG_DATA_HOME=str(self.root / "xdg-data"), XDG_STATE_HOME=str(self.root / "xdg-state"),
            TMPDIR=str(self.root / "tmp"), FOOTPRINT_DISABLE_PLUGIN_AUTOLOAD="1",
            PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "checks")]),
            PYTHONDONTWRITEBYTECODE="1", COLUMNS="200",
        )
        env.update(extra)
        return env

    def make(self) -> Home:
        for name in ("work", "home", "xdg-config", "xdg-cache", "xdg-data", "xdg-state", "tmp"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        return self


def popen(home: Home, *args: str, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "footprint", *args], cwd=home.cwd,
                            env=home.env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run(home: Home, *args: str, timeout: float = 60,
        **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "footprint", *args], cwd=home.cwd,
                          env=home.env(**env), capture_output=True, text=True, timeout=timeout)


def tree(root: Path) -> dict[str, int]:
    """Every file under root, with its size."""
    return {str(p.relative_to(root)): p.stat().st_size for p in sorted(root.rglob("*"))
            if p.is_file()}
