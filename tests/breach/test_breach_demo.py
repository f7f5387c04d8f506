"""The demo persona's recorded breach answers produce the findings the workshop shows."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import httpx
from footprint_checks.breach import provide

from footprint.check import CheckContext
from footprint.engine import Engine
from footprint.http.client import HttpOptions, build_client, session_for
from footprint.models import Severity, Status
from footprint.profile.load import load_profile
from footprint.profile.markers import private_markers
from footprint.simulated import SimulatedDns, SimulatedWeb

DEMO = Path(str(files("footprint_checks") / "demo"))


async def test_demo_persona_breach_findings() -> None:
    persona = load_profile(DEMO / "persona.toml")
    web = SimulatedWeb.from_dir(DEMO / "web")
    options = HttpOptions(retry_max_wait_s=0.0)
    async with build_client(private_markers(persona, include_street=True), options,
                            transport=web.transport()) as client:
        ctx = CheckContext(http=session_for(client, options),
                           dns=SimulatedDns.from_file(DEMO / "dns.json"), profile=persona,
                           markers=private_markers(persona),
                           secrets={"HIBP_API_KEY": "demo-key", "GRAVATAR_API_KEY": "demo-key"})
        results = await Engine(list(provide()), ctx, check_timeout=10).run()

    by = {(r.check_id, r.subject.value): r for r in results}
    femke, fdb = "femke@femkedeboer-demo.nl", "f.deboer@dijkhoven.example"
    assert all(r.status in (Status.EXPOSED, Status.CLEAR) for r in results), [
        (r.check_id, r.status, r.reason) for r in results]

    hibp = {f.key: f.severity for f in by[("email.hibp", femke)].findings}
    assert hibp == {"Adobe": Severity.HIGH, "DijkhovenSportclub": Severity.HIGH}
    hibp2 = {f.key: f.severity for f in by[("email.hibp", fdb)].findings}
    assert hibp2 == {"BestuurdersForum": Severity.MEDIUM, "ExampleMailerList": Severity.LOW,
                     "paste:Pastebin:dEm0p4st": Severity.MEDIUM}
    assert [f.key for f in by[("email.xposedornot", femke)].findings] == ["DijkhovenSportclub"]
    assert by[("email.xposedornot", fdb)].status is Status.CLEAR
    (gravatar,) = by[("email.gravatar", femke)].findings
    assert gravatar.severity is Severity.HIGH  # the profile names her daughter
    assert gravatar.evidence.excerpt is not None and "Lotte" not in gravatar.evidence.excerpt
    assert by[("email.gravatar", fdb)].status is Status.CLEAR

    routes = json.loads((DEMO / "web" / "breach.json").read_text("utf-8"))["routes"]
    asked = {str(r.url) for r in web.requests}
    unused = [r["url"] for r in routes if not any(_same(r["url"], a) for a in asked)]
    assert unused == []


def _same(route: str, asked: str) -> bool:
    return httpx.URL(route) == httpx.URL(asked)
