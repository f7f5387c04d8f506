"""footprint writes only where it is told to, plus its own config and cache folders, and
every report file it writes is readable by the owner only (0600)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from .cli import Home, run, tree
from .faultserver import Reply, serve

PAGE = Reply(200, (("Content-Type", "text/html"),),
             b"<title>Jan</title><p>Jan woont aan de Kerkstraat 12, 3511 AB.</p>")
ALLOWED_PREFIXES = ("xdg-config/footprint/", "xdg-cache/footprint/",
                    "xdg-data/footprint/scans/")


def _snapshot(home: Home) -> dict[str, tuple[int, int]]:
    return {name: (size, (home.root / name).stat().st_mtime_ns)
            for name, size in tree(home.root).items()}


def test_writes_only_named_paths_and_own_folders(tmp_path: Path) -> None:
    home = Home(tmp_path).make()
    before = _snapshot(home)
    named: set[str] = set()

    def step(*args: str, writes: tuple[str, ...] = (), status: int = 0) -> None:
        done = run(home, *args, timeout=120)
        assert done.returncode == status, (args, done.stderr)
        assert "Traceback" not in done.stderr
        named.update(f"work/{w}" for w in writes)

    with serve({"/jan": PAGE}) as server:
        step("init", "--set", "person.name=Jan de Vries", "--set",
             f"public.urls={server.url('/jan')}", "--set", "private.address.street=Kerkstraat",
             "--set", "private.address.house_number=12", "--set",
             "private.address.postcode=3511 AB")
        step("init", "--path", "mine.toml", "--set", "person.name=Jan de Vries", "--set",
             f"public.urls={server.url('/jan')}", "--set", "private.address.postcode=3511 AB",
             writes=("mine.toml",))
        step("scan", "--only", "web.pages", "--no-progress", "--lang", "en")  # default profile
        step("scan", "--profile", "mine.toml", "--only", "web.pages", "--no-progress",
             "--json", "r.json", "--markdown", "r.md", "--html", "r.html",
             writes=("r.json", "r.md", "r.html"))
    step("demo", "--lang", "en", "--json", "demo.json", "--markdown", "demo.md", "--html",
         "demo.html", writes=("demo.json", "demo.md", "demo.html"))
    step("render", "r.json", "--format", "markdown", "--output", "again.md",
         writes=("again.md",))
    step("checklist", "--markdown", "hand-out.md", writes=("hand-out.md",))
    step("checks")
    finding = json.loads((home.cwd / "r.json").read_text())["results"][0]["findings"][0]["id"]
    step("ignore", finding, "--reason", "done", "--profile", "mine.toml")

    after = _snapshot(home)
    changed = {name for name, value in after.items() if before.get(name) != value}
    unexpected = sorted(n for n in changed - named if not n.startswith(ALLOWED_PREFIXES))
    assert not unexpected, f"written outside the named paths: {unexpected}"
    assert not tree(home.root / "tmp"), "temporary files left behind"
    assert "xdg-config/footprint/profile.toml" in changed  # init went where it says
    # each scan kept its report, one folder per profile; the demo kept nothing
    saved = sorted(n for n in changed if n.startswith("xdg-data/footprint/scans/"))
    assert len(saved) == 2 and len({n.rsplit("/", 1)[0] for n in saved}) == 2
    for name in saved:
        assert stat.S_IMODE((home.root / name).stat().st_mode) == 0o600
        assert stat.S_IMODE((home.root / name).parent.stat().st_mode) == 0o700
    for name in sorted(named) + ["xdg-config/footprint/profile.toml"]:
        mode = stat.S_IMODE((home.root / name).stat().st_mode)
        assert mode == 0o600, f"{name} is {oct(mode)}"
