"""Remediation texts and links for the register checks: the prose lives in ``texts.toml``
(facts checked against their sources, see docs/registers.md, "Verification log")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from footprint.matching import MarkerMatch
from footprint.matchkeys import marker_key
from footprint.profile.markers import MarkerKind
from footprint_checks.prose import Prose


@cache
def prose() -> Prose:
    return Prose.load("footprint_checks.registers", "texts.toml")


KVK_CONVENANT = prose().link("kvk_convenant")
OBV_PRIVACY = prose().link("obv_privacy")
OBV_SITE = prose().link("obv_site")
AP_ERASURE = prose().link("ap_erasure")

KVK_AT_HOME = prose().remediation("kvk_at_home")
KVK_SHIELDED = prose().remediation("kvk_shielded")
KVK_MANUAL = prose().remediation("kvk_manual")
RAADSINFORMATIE = prose().remediation("raadsinformatie")


def kvk_search_link(query: str) -> str:
    from urllib.parse import quote_plus

    return f"https://www.kvk.nl/zoeken/?source=all&q={quote_plus(query)}"


def _shown(matches: Sequence[MarkerMatch]) -> list[MarkerMatch]:
    """What was found, once each; "home address" already says "postcode"."""
    kinds = {m.marker.kind for m in matches}
    return [m for m in matches
            if not (m.marker.kind is MarkerKind.POSTCODE and MarkerKind.ADDRESS in kinds)]


def marker_kinds(matches: Sequence[MarkerMatch]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.marker.kind.value for m in _shown(matches)))


def marker_keys(matches: Sequence[MarkerMatch]) -> tuple[str, ...]:
    """The evidence keys (docs/report-format.md) of what was found, once each, in order."""
    return tuple(dict.fromkeys(marker_key(m.marker.kind) for m in _shown(matches)))
