"""The demo persona meets the register checks on the simulated web (no network)."""

from __future__ import annotations

from pathlib import Path

from footprint_checks.registers import provide

from footprint.models import FindingKind, Severity, Status
from footprint.profile.load import load_profile
from footprint.scan import ScanRun
from footprint.simulated import SimulatedWeb

DEMO = Path(__file__).resolve().parents[2] / "checks" / "footprint_checks" / "demo"


async def test_femke_s_business_and_council_document_are_found():
    web = SimulatedWeb.from_dir(DEMO / "web")
    run = ScanRun(profile=load_profile(DEMO / "persona.toml"), checks=list(provide()),
                  secrets={"KVK_API_KEY": "demo-key"}, transport=web.transport())
    report = await run.run()
    by_check = {r.check_id: r for r in report.results}
    assert by_check["register.kvk"].status is Status.EXPOSED
    kvk = by_check["register.kvk"].findings
    assert [(f.severity, f.key) for f in kvk] == [(Severity.HIGH, "home:90000001:000090000012")]
    council = by_check["register.raadsinformatie"].findings
    assert [f.key for f in council] == ["document:notubiz:gemeente:dijkhoven:4711"]
    assert by_check["register.copy-pages"].findings[0].severity is Severity.HIGH
    assert all(f.kind is FindingKind.MANUAL for f in by_check["register.copy-sites"].findings)
    # what went out: public identifiers only, never the address
    sent = " ".join(str(r.url) for r in web.requests)
    assert "Lindelaan" not in sent and "4321" not in sent
    assert all(r.headers.get("apikey") == "demo-key" for r in web.requests
               if r.url.host == "api.kvk.nl")
