"""The demo's recorded answers give the outcomes the workshop relies on."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from footprint_checks.username import provide

from footprint.models import Severity, Status
from footprint.profile.load import load_profile
from footprint.scan import ScanRun
from footprint.simulated import SimulatedWeb

DEMO = Path(str(files("footprint_checks") / "demo"))
SETTINGS = {"catalogues": ["builtin:demo/files/username/sites.json"], "only_catalogues": True}


async def test_demo_shows_fitness_leak_bare_profile_namesake_and_waf() -> None:
    persona = load_profile(DEMO / "persona.toml")
    checks = list(provide(SETTINGS))
    assert sorted(c.id for c in checks) == [
        "username.beacons", "username.linktree", "username.mastodon-nl", "username.polarsteps",
        "username.strava"]
    web = SimulatedWeb.from_dir(DEMO / "web")
    run = ScanRun(persona, checks, settings={"username": SETTINGS}, transport=web.transport())
    report = await run.run()
    by = {(r.check_id, r.subject.value): r for r in report.results}

    strava = by[("username.strava", "femkedeboer")]
    assert strava.status is Status.EXPOSED
    [leak] = strava.findings
    assert leak.severity is Severity.HIGH
    assert "family" in leak.evidence.matched
    assert "Joost" not in (leak.evidence.excerpt or "")
    assert "near your home" in leak.detail.en  # type: ignore[union-attr]

    [bare] = by[("username.linktree", "femkedeboer")].findings
    assert bare.severity is Severity.LOW

    [namesake] = by[("username.polarsteps", "femke.deboer")].findings
    assert namesake.severity is Severity.MEDIUM
    assert "made from your name" in namesake.detail.en  # type: ignore[union-attr]

    assert all(r.status is Status.INCONCLUSIVE for k, r in by.items()
               if k[0] == "username.beacons")
    assert by[("username.mastodon-nl", "femkedeboer")].status is Status.CLEAR
    assert by[("username.mastodon-nl", "femke.deboer")].status is Status.SKIPPED
    undecided = [k for k, r in by.items() if not r.status.decided
                 and r.status is not Status.SKIPPED and k[0] != "username.beacons"]
    assert undecided == []
