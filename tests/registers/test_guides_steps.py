"""Guided steps: the data validates, every step speaks nl and en, keys are stable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import respx
from footprint_checks.guides import provide
from footprint_checks.guides.model import GuideDataError, guides, parse_guides

from footprint.check import CheckContext
from footprint.models import LANGS, PROFILE_SUBJECT, FindingKind
from footprint.registry import BUILTIN, CheckRegistry

REQUIRED = {"kadaster", "brp-geheimhouding", "kiesraad-kandidatenlijst", "nevenfuncties",
            "party-fractie-pages", "phone-directories", "search-engines", "fitness-apps",
            "schools-clubs", "when-it-goes-wrong"}

GOOD = """
[[guide]]
id = "x"
severity = "low"
effort = "minutes"
links = [{ url = "https://example.org/", en = "e", nl = "n" }]
title = { en = "t", nl = "t" }
why = { en = "w", nl = "w" }
summary = { en = "s", nl = "s" }
check = { en = ["c"], nl = ["c"] }
fix = { en = ["f"], nl = ["f"] }
"""


def test_the_issue_s_steps_are_all_there():
    assert REQUIRED <= {g.id for g in guides()}


def test_every_step_has_both_languages():
    for guide in guides():
        for text in (guide.title, guide.why, guide.summary, *guide.check, *guide.fix):
            for lang in LANGS:
                assert text.get(lang).strip(), (guide.id, lang)
        assert guide.check and guide.fix and (guide.links or guide.deep_link)


def test_checks_register_as_guide_only():
    registry = CheckRegistry.load([BUILTIN])
    ids = {lc.id for lc in registry.checks}
    assert {f"guide.{g}" for g in REQUIRED} <= ids
    assert all(c.guide_only for c in provide())


async def test_each_step_is_one_stable_manual_finding(router: respx.MockRouter,
                                                      make_context: Callable[..., CheckContext]):
    ctx = make_context()
    first = [f for c in provide() for f in await c.run(PROFILE_SUBJECT, ctx)]
    again = [f for c in provide() for f in await c.run(PROFILE_SUBJECT, ctx)]
    assert len(router.calls) == 0
    assert all(f.kind is FindingKind.MANUAL for f in first)
    assert [f.id for f in first] == [f.id for f in again]
    assert len({f.id for f in first}) == len(first)
    brp = next(f for f in first if f.key == "brp-geheimhouding")
    assert "Utrecht" in brp.remediation.links[0].url  # the municipality, a public value
    everything = " ".join(link.url for f in first for link in f.remediation.links)
    assert "Kerkstraat" not in everything and "3511" not in everything


@pytest.mark.parametrize(("change", "message"), [
    (('nl = "t" }', 'nl = "" }'), "non-empty"),
    (('fix = { en = ["f"], nl = ["f"] }', 'fix = { en = ["f"], nl = ["f", "g"] }'),
     "equal length"),
    (('severity = "low"', 'severity = "dire"'), "severity"),
    (('url = "https://example.org/"', 'url = "https://example.org/{street}"'), "placeholder"),
    (('id = "x"', 'id = "x"\ncolour = "red"'), "unknown key"),
])
def test_bad_entries_are_named(change: tuple[str, str], message: str):
    with pytest.raises(GuideDataError) as caught:
        parse_guides(GOOD.replace(*change, 1))
    assert message in str(caught.value) and "'x'" in str(caught.value)


def test_private_placeholders_are_refused_in_deep_links():
    text = GOOD + 'deep_link = { url = "https://x.org/?q={street}", en = "e", nl = "n" }\n'
    with pytest.raises(GuideDataError):
        parse_guides(text.replace("links = [", "links = [", 1))
