"""What to tell the person about search results: the prose lives in ``texts.toml``."""

from __future__ import annotations

from functools import cache

from footprint.models import Remediation
from footprint_checks.prose import Prose


@cache
def prose() -> Prose:
    return Prose.load("footprint_checks.search", "texts.toml")


GOOGLE_PII = prose().link("google_pii")
GOOGLE_EU = prose().link("google_eu")
BING_EU = prose().link("bing_eu")
SIDN = prose().link("sidn")


def hit_remediation(copy_site: bool) -> Remediation:
    return prose().remediation("hit", when={"copy_site"} if copy_site else ())


def manual_search_remediation() -> Remediation:
    return prose().remediation("manual_search")


def unanswered_remediation() -> Remediation:
    return prose().remediation("unanswered")
