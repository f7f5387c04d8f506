"""The engine turns every outcome into a result; nothing undecided is ever clear."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import httpx
import pytest

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.engine import Engine
from footprint.errors import ResponseTooLarge
from footprint.models import (
    PROFILE_SUBJECT,
    Finding,
    FindingKind,
    Kind,
    L10n,
    Remediation,
    Severity,
    Status,
    Subject,
)


def finding(check_id: str, subject: Subject, kind: FindingKind = FindingKind.EXPOSURE,
            severity: Severity = Severity.MEDIUM, key: str = "k") -> Finding:
    return Finding(check_id, subject, key, L10n.same("t"), severity,
                   Remediation(L10n.same("fix it")), kind=kind)


class Fake(BaseCheck):
    def __init__(self, check_id: str, outcome: object, *, inputs: frozenset[Kind] = frozenset(),
                 delay: float = 0.0, secrets: tuple[str, ...] = ()) -> None:
        self.id = check_id
        self.title = L10n.same(check_id)
        self.inputs = inputs
        self.outcome = outcome
        self.delay = delay
        self.secrets = secrets
        self.seen: list[Subject] = []

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        self.seen.append(subject)
        if self.delay:
            await asyncio.sleep(self.delay)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        if self.outcome == "found":
            return [finding(self.id, subject)]
        if self.outcome == "manual":
            return [finding(self.id, subject, FindingKind.MANUAL)]
        if self.outcome == "good":
            return [finding(self.id, subject, FindingKind.GOOD, Severity.INFO)]
        return []


async def test_statuses_are_data_not_exceptions(make_context) -> None:
    request = httpx.Request("GET", "https://x.example/")
    checks = [
        Fake("a.found", "found"), Fake("b.clear", "clear"), Fake("c.skip", Skip("no input")),
        Fake("d.unsure", Inconclusive("WAF page")), Fake("e.crash", ValueError("boom")),
        Fake("f.net", httpx.ConnectError("down", request=request)),
        Fake("g.slow", "clear", delay=5), Fake("h.manual", "manual"), Fake("i.good", "good"),
        Fake("j.big", ResponseTooLarge("x.example", 1024)),
        Fake("k.limited", httpx.HTTPStatusError(
            "429", request=request, response=httpx.Response(429, request=request))),
    ]
    engine = Engine(checks, make_context(), check_timeout=0.05)
    results = await engine.run()
    statuses = {r.check_id: r.status for r in results}
    assert statuses == {
        "a.found": Status.EXPOSED, "b.clear": Status.CLEAR, "c.skip": Status.SKIPPED,
        "d.unsure": Status.INCONCLUSIVE, "e.crash": Status.ERROR, "f.net": Status.ERROR,
        "g.slow": Status.TIMEOUT, "h.manual": Status.MANUAL, "i.good": Status.CLEAR,
        "j.big": Status.INCONCLUSIVE, "k.limited": Status.INCONCLUSIVE,
    }
    reasons = {r.check_id: r.reason for r in results}
    assert reasons["d.unsure"] is not None and reasons["d.unsure"].en == "WAF page"
    assert reasons["e.crash"] is not None and "boom" in reasons["e.crash"].en
    assert reasons["g.slow"] is not None and "0.05" in reasons["g.slow"].nl
    assert all(r.reason is not None for r in results if not r.status.decided)


async def test_plan_skips_without_input_or_secret_and_sends_nothing(make_context, router) -> None:
    no_input = Fake("x.domains", "found", inputs=frozenset({Kind.PHONE}))
    no_secret = Fake("y.keyed", "found", secrets=("SOME_API_KEY",))
    results = await Engine([no_input, no_secret], make_context()).run()
    assert [r.status for r in results] == [Status.SKIPPED, Status.SKIPPED]
    assert "phone" in (results[0].reason.en if results[0].reason else "")
    assert "SOME_API_KEY" in (results[1].reason.en if results[1].reason else "")
    assert no_input.seen == [] and no_secret.seen == []
    assert not router.calls


async def test_one_job_per_identifier_and_deterministic_order(make_context) -> None:
    check = Fake("u.names", "found", inputs=frozenset({Kind.USERNAME, Kind.EMAIL}))
    check.delay = 0.01
    results = await Engine([check], make_context()).run()
    assert [str(r.subject) for r in results] == [
        "email:jan@devries-utrecht.nl", "username:jdevries"]
    assert all(r.status is Status.EXPOSED for r in results)


async def test_secrets_are_given_only_to_the_checks_that_declare_them(make_context) -> None:
    seen: dict[str, dict[str, str]] = {}

    class Spy(Fake):
        async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
            seen[self.id] = dict(ctx.secrets)
            return []

    ctx = make_context(secrets={"A_API_KEY": "a", "B_API_KEY": "b"})
    await Engine([Spy("p.a", None, secrets=("A_API_KEY",)), Spy("p.none", None)], ctx).run()
    assert seen == {"p.a": {"A_API_KEY": "a"}, "p.none": {}}


async def test_concurrency_cap_holds(make_context) -> None:
    running = 0
    peak = 0

    class Counting(Fake):
        async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.01)
            running -= 1
            return []

    checks = [Counting(f"c.n{i}", None) for i in range(12)]
    await Engine(checks, make_context(), concurrency=3).run()
    assert peak == 3


async def test_partial_results_survive_cancellation(make_context) -> None:
    checks = [Fake("a.quick", "found"), Fake("b.stuck", "clear", delay=30)]
    engine = Engine(checks, make_context(), check_timeout=60)
    task = asyncio.create_task(engine.run())
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert [r.check_id for r in engine.results] == ["a.quick"]


async def test_profile_level_check_runs_once(make_context) -> None:
    check = Fake("g.guide", "manual")
    results = await Engine([check], make_context()).run()
    assert check.seen == [PROFILE_SUBJECT]
    assert results[0].status is Status.MANUAL

