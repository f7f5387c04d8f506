"""What ``Evidence.matched`` says was found: stable machine keys, each with a human label.

The keys are a documented part of the JSON report (docs/report-format.md) and never carry a
value. The private-detail keys are the marker kinds; a check family with its own kind of
evidence (a registration's published fields, a photo's tags) passes its labels along in
``Evidence.labels``. A key footprint does not know is shown as it is.
"""

from __future__ import annotations

from footprint.models import Evidence, L10n
from footprint.profile.markers import MARKER_LABELS, MarkerKind

__all__ = ["CORE_LABELS", "from_legacy", "label_for", "labels_of", "marker_key"]

WITH_NUMBER = "-and-number"  # the detail stood next to the house number: it pinpoints a door

CORE_LABELS: dict[str, L10n] = {
    **{kind.value: label for kind, label in MARKER_LABELS.items()},
    f"postcode{WITH_NUMBER}": L10n(en="home postcode and house number",
                                   nl="postcode en huisnummer"),
    f"street{WITH_NUMBER}": L10n(en="street name and house number",
                                 nl="straatnaam en huisnummer"),
    f"address{WITH_NUMBER}": L10n(en="home address and house number",
                                  nl="huisadres en huisnummer"),
    # what looks private but is not in the profile (footprint.matching.generic_hits)
    "generic-address": L10n(en="a street address with postcode",
                            nl="een straatadres met postcode"),
    "generic-mobile": L10n(en="a mobile number", nl="een mobiel nummer"),
}


def marker_key(kind: MarkerKind, *, with_number: bool = False) -> str:
    return kind.value + (WITH_NUMBER if with_number else "")


def label_for(key: str) -> L10n:
    return CORE_LABELS.get(key, L10n.same(key))


def labels_of(evidence: Evidence) -> tuple[L10n, ...]:
    """The label beside each of ``evidence.matched``: the check's own, else footprint's."""
    given = evidence.labels if len(evidence.labels) == len(evidence.matched) else ()
    return tuple(given[i] if given else label_for(key)
                 for i, key in enumerate(evidence.matched))


# Reports written before the keys (0.x) carried English labels; read them as keys.
_LEGACY = {label.en: key for key, label in CORE_LABELS.items()} | {
    "home address (postcode and house number)": f"postcode{WITH_NUMBER}",
    "address": "generic-address", "mobile": "generic-mobile",
}


def from_legacy(value: str) -> str:
    return _LEGACY.get(value, value)
