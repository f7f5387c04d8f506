"""Evidence excerpts never carry a private value in the clear (models.Evidence: "the
excerpt already has private values masked"), whatever the service sends back: every
registered check, against answers full of the person's private details."""

from __future__ import annotations

import asyncio

import pytest

from footprint.profile.markers import fold, private_markers

from .privacy import fresh_check, registered_check_ids, run_check
from .strategies import sample_profile


@pytest.mark.parametrize("check_id", registered_check_ids())
def test_excerpts_are_masked(check_id: str) -> None:
    profile = sample_profile()
    markers = private_markers(profile)
    unmasked = []
    for flavor in ("html", "json", "json-list", "html-marker-links"):
        outcome = asyncio.run(run_check(fresh_check(check_id), profile, flavor))
        for result in outcome.results:
            for finding in result.findings:
                folded = fold(finding.evidence.excerpt or "")
                unmasked += [f"{flavor}: {m.kind} in {finding.evidence.excerpt!r}"
                             for m in markers if any(v in folded for v in m.variants)]
    assert not unmasked, unmasked
