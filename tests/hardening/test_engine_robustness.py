"""A misbehaving check (a plugin, say) costs its own result, never the scan: whatever it
raises or returns, every planned job ends as a result, and the others are unharmed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from footprint.check import BaseCheck, CheckContext
from footprint.models import Finding, FindingKind, L10n, Status, Subject

from .harness import Scan


class Misbehaving(BaseCheck):
    title = L10n.same("misbehaving")

    def __init__(self, check_id: str, behaviour: str) -> None:
        self.id = check_id
        self.behaviour = behaviour

    async def run(self, subject: Subject, ctx: CheckContext) -> Any:
        b = self.behaviour
        if b == "cancelled":
            raise asyncio.CancelledError()
        if b == "returns-none":
            return None
        if b == "returns-strings":
            return ["not a finding"]
        if b == "returns-lookalikes":  # a plugin written against another API version
            return [SimpleNamespace(kind=FindingKind.EXPOSURE, title="old-style finding")]
        if b == "generator-fails":
            return _failing_generator()
        if b == "value-error":
            raise ValueError("boom")
        if b == "recursion":
            return _recurse(0)
        if b == "ok":
            return []
        raise AssertionError(b)


def _failing_generator() -> Iterator[Finding]:
    raise RuntimeError("halfway")
    yield  # pragma: no cover


def _recurse(n: int) -> Iterable[Finding]:
    return _recurse(n + 1)


ROBUST = ["returns-none", "returns-strings", "returns-lookalikes", "generator-fails",
          "value-error", "recursion", "cancelled"]
@pytest.mark.parametrize("behaviour", ROBUST)
async def test_one_bad_check_costs_only_its_own_result(behaviour: str) -> None:
    checks = [Misbehaving("hardening.bad", behaviour), Misbehaving("hardening.good", "ok")]
    results = {r.check_id: r for r in await asyncio.wait_for(Scan(checks).run(), 10)}
    assert set(results) == {"hardening.bad", "hardening.good"}
    assert results["hardening.good"].status is Status.CLEAR
    bad = results["hardening.bad"]
    assert bad.status is Status.ERROR
    assert bad.reason is not None and bad.reason.en
