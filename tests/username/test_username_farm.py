"""End to end: footprint's engine against a small loopback site farm started by the test.

The farm (benchmarks/farm.py) binds a handful of 127.20.x.y addresses for a few seconds;
timings are not asserted (speed lives in benchmarks/), outcomes are.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from footprint_checks.username import provide
from footprint_checks.username.catalogue import parse_catalogue
from footprint_checks.username.verify import Health, verify_sites

from benchmarks.farm import Farm, FarmSpec
from footprint.http.client import HttpOptions
from footprint.models import Status
from footprint.profile.model import Profile, PublicIdentifiers
from footprint.scan import ScanRun

SPEC = FarmSpec(sites=12, latency=0.01, jitter=0.5, hit_rate=0.4, message_share=0.5,
                hostile_share=0.25, hostile_kind="mixed", seed=9)


@pytest.fixture
async def farm() -> AsyncIterator[Farm]:
    running = await Farm(SPEC).start()
    try:
        yield running
    finally:
        await running.stop()


async def test_sweep_matches_ground_truth_and_hostile_sites_stay_undecided(
        farm: Farm, tmp_path: Path) -> None:
    catalogue = tmp_path / "farm.json"
    catalogue.write_text(json.dumps(farm.wmn_catalogue()), "utf-8")
    settings = {"catalogues": [str(catalogue)], "only_catalogues": True, "timeout": 2.0,
                "name_handles": False}
    checks = list(provide(settings))
    profile = Profile(public=PublicIdentifiers(usernames=(SPEC.username,)))
    run = ScanRun(profile, checks, check_timeout=2.0, settings={"username": settings},
                  http=HttpOptions(connect_timeout_s=2.0, read_timeout_s=2.0,
                                   retry_max_wait_s=1.5))
    report = await run.run()
    status = {r.check_id.removeprefix("username."): r.status for r in report.results}
    assert len(status) == SPEC.sites
    hostile = [s for s in farm.sites if s.hostile]
    assert {s.hostile for s in hostile} == {"429", "stall"}  # the seed gives both kinds
    for site in farm.sites:
        if site.hostile == "429":
            assert status[site.name] is Status.INCONCLUSIVE, site
        elif site.hostile == "stall":
            assert status[site.name] is Status.TIMEOUT, site
        else:
            want = Status.EXPOSED if site.exists else Status.CLEAR
            assert status[site.name] is want, site
    assert any(s is Status.EXPOSED for s in status.values())
    # politeness: one request per normal site, at most two (one Retry-After) per 429 site
    normal = SPEC.sites - len(hostile)
    assert farm.requests <= normal + 2 * len(hostile)


async def test_verify_flags_an_entry_that_finds_everyone(farm: Farm) -> None:
    doc = farm.wmn_catalogue()
    sites = [s for s in parse_catalogue(doc, "farm") if not _hostile(farm, s.name)][:3]
    broken = parse_catalogue({"sites": [{
        "name": "finds-everyone", "uri_check": farm.base(farm.sites[0]) + "known-{account}",
        "e_code": 200, "e_string": "profile-name", "m_code": 404, "m_string": "",
        "known": ["x"], "cat": "misc"}]}, "broken")
    results = {r.site.name: r for r in await verify_sites([*sites, *broken], timeout_s=2.0)}
    assert all(results[s.name].health is Health.OK for s in sites)
    assert results["finds-everyone"].health is Health.RANDOM_FOUND
    assert results["finds-everyone"].broken


def _hostile(farm: Farm, name: str) -> bool:
    return any(s.name == name and s.hostile for s in farm.sites)
