"""No built-in check sends a private marker, in any spelling, anywhere.

For every registered check (the list grows as families are added), with generated
profiles and answers full of private details: no variant of a private marker is in any
URL, header, body or DNS name that was sent, and no check even *tried* (the guard would
have blocked it and the result would be an error).
"""

from __future__ import annotations

import asyncio
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from footprint.check import BaseCheck, CheckContext
from footprint.models import Finding, L10n, Status, Subject
from footprint.profile.markers import fold, private_markers
from footprint.profile.model import Profile

from .privacy import Outcome, fresh_check, registered_check_ids, run_check
from .strategies import PUBLIC, profiles, sample_profile

EXAMPLES = int(os.environ.get("FOOTPRINT_PRIVACY_EXAMPLES", "12"))
FLAVORS = ["html", "json", "json-list", "html-marker-links"]
_UA_AND_PUBLIC = fold(PUBLIC + "footprint-audit self-audit of one's own footprint; no crawling")


def _markers_are_private(profile: Profile) -> bool:
    """The generated private details must not be part of the public identifiers (then a
    block would be the profile's contradiction, not the check's fault)."""
    return not any(v in _UA_AND_PUBLIC
                   for m in private_markers(profile, include_street=True) for v in m.variants)


def _verdict(check_id: str, profile: Profile, outcome: Outcome) -> list[str]:
    problems = [f"{check_id} tried to send your {label}: {url}"
                for url, label in outcome.attempted()]
    problems += [f"{check_id} sent {leak}"
                 for leak in outcome.leaks(private_markers(profile, include_street=True))]
    for result in outcome.results:
        reason = result.reason.en if result.reason else ""
        if result.status is Status.ERROR and "never leaves this machine" in reason:
            problems.append(f"{check_id}: {reason}")
    return problems


@pytest.mark.parametrize("check_id", registered_check_ids())
def test_no_private_marker_leaves_the_machine(check_id: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(profile=profiles(), flavor=st.sampled_from(FLAVORS))
    def holds(profile: Profile, flavor: str) -> None:
        assume(_markers_are_private(profile))
        outcome = asyncio.run(run_check(fresh_check(check_id), profile, flavor))
        assert outcome.results, "the check did not run at all"
        problems = _verdict(check_id, profile, outcome)
        assert not problems, "\n".join(problems)

    holds()


class _LeakyCheck(BaseCheck):
    """Sends the postcode: what the property test exists to catch."""

    id = "hardening.leaky"
    title = L10n.same("leaky")

    def __init__(self, swallow: bool) -> None:
        self.swallow = swallow

    async def run(self, subject: Subject, ctx: CheckContext) -> list[Finding]:
        postcode = ctx.profile.private.address.postcode
        try:
            await ctx.http.get("https://api.example.org/lookup", params={"q": postcode})
        except Exception:
            if not self.swallow:
                raise
        return []


@pytest.mark.parametrize("swallow", [False, True])
def test_the_property_catches_a_leaky_check(swallow: bool) -> None:
    """The harness can fail: a check that tries to send the postcode is caught, even when
    it swallows the guard's error and reports "clear"."""
    profile = sample_profile()
    outcome = asyncio.run(run_check(_LeakyCheck(swallow), profile, "json"))
    problems = _verdict("hardening.leaky", profile, outcome)
    assert any("tried to send your home postcode" in p for p in problems), problems
    assert not outcome.sent  # the guard held


def test_the_independent_matcher_sees_what_was_sent() -> None:
    """If the guard ever let a spelling through, the second matcher would still see it."""
    import httpx

    profile = sample_profile()
    postcode = profile.private.address.postcode
    outcome = Outcome(sent=[httpx.Request("POST", "https://api.example.org/x",
                                          json={"q": postcode.lower().replace(" ", "-")})])
    assert outcome.leaks(private_markers(profile))


def test_every_family_is_loaded_so_none_escapes_the_property() -> None:
    """A family whose provider fails to load would silently drop out of the test above."""
    from footprint.registry import CheckRegistry

    registry = CheckRegistry.load()
    assert not registry.problems, registry.problems
    families = {lc.id.split(".")[0] for lc in registry.checks}
    assert len(registry_ids := registered_check_ids()) == len(registry.checks)
    assert families and registry_ids
