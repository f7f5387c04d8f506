"""A private detail that is part of a public identifier cannot be kept private.

Public identifiers are sent to services; the HTTP guard blocks any request carrying a
private marker. A family name that is also the person's own name, or a street in their
domain, would get every request about that identifier blocked, scan after scan. Better to
say so once, when the profile is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from footprint.profile.markers import MarkerKind, fold, private_markers
from footprint.profile.model import Profile

PRIVATE_FIELDS = {
    MarkerKind.ADDRESS: "private.address.street",
    MarkerKind.STREET: "private.address.street",
    MarkerKind.POSTCODE: "private.address.postcode",
    MarkerKind.PHONE: "private.phones",
    MarkerKind.FAMILY: "private.family",
    MarkerKind.OTHER: "private.other",
}


@dataclass(frozen=True, slots=True)
class Conflict:
    public_field: str  # "public.domains"
    value: str  # the public identifier
    private_field: str  # "private.address.street"
    label: str  # "street name"


def _public_values(profile: Profile) -> Iterator[tuple[str, str]]:
    yield "person.name", profile.name
    yield from (("person.aliases", a) for a in profile.aliases)
    yield "person.role", profile.role
    yield "person.municipality", profile.municipality
    pub = profile.public
    for name in ("usernames", "emails", "phones", "domains", "urls", "kvk_numbers",
                 "trade_names"):
        yield from ((f"public.{name}", value) for value in getattr(pub, name))


def private_in_public(profile: Profile) -> Conflict | None:
    """The first public identifier that contains a private marker, in any spelling."""
    markers = private_markers(profile, include_street=True)
    for field, value in _public_values(profile):
        folded = fold(value)
        if not folded:
            continue
        for marker in markers:
            if any(variant in folded for variant in marker.variants):
                return Conflict(field, value, PRIVATE_FIELDS[marker.kind], marker.label.en)
    return None
