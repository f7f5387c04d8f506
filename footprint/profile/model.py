"""The person being audited: public identifiers (may be sent) and private markers (never sent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from footprint.models import Kind, Subject


@dataclass(frozen=True, slots=True)
class HomeAddress:
    street: str = ""
    house_number: str = ""
    addition: str = ""
    postcode: str = ""
    city: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.street or self.postcode)


@dataclass(frozen=True, slots=True)
class HomeLocation:
    """Coordinates the person typed in themselves; never looked up online."""

    latitude: float
    longitude: float
    radius_m: float = 500.0


class SuppressionReason(StrEnum):
    NOT_ME = "not-me"
    INTENTIONALLY_PUBLIC = "intentionally-public"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Suppression:
    finding_id: str
    reason: SuppressionReason
    note: str = ""
    date: date | None = None


@dataclass(frozen=True, slots=True)
class PublicIdentifiers:
    usernames: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    kvk_numbers: tuple[str, ...] = ()
    trade_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PrivateData:
    address: HomeAddress = field(default_factory=HomeAddress)
    phones: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    home_location: HomeLocation | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    aliases: tuple[str, ...] = ()
    role: str = ""
    municipality: str = ""
    public: PublicIdentifiers = field(default_factory=PublicIdentifiers)
    private: PrivateData = field(default_factory=PrivateData)
    suppressions: tuple[Suppression, ...] = ()
    source: str | None = None  # the file it was read from, for messages

    def identifiers(self, kind: Kind) -> tuple[str, ...]:
        """The public identifiers of one kind, in the order the person gave them."""
        pub = self.public
        by_kind: dict[Kind, tuple[str, ...]] = {
            Kind.NAME: tuple(n for n in (self.name, *self.aliases) if n),
            Kind.USERNAME: pub.usernames,
            Kind.EMAIL: pub.emails,
            Kind.PHONE: pub.phones,
            Kind.DOMAIN: pub.domains,
            Kind.URL: pub.urls,
            Kind.KVK: pub.kvk_numbers,
            Kind.TRADE_NAME: pub.trade_names,
        }
        return by_kind[kind]

    def subjects(self, kind: Kind) -> tuple[Subject, ...]:
        return tuple(Subject(kind.value, v) for v in self.identifiers(kind))

    @property
    def has_private_markers(self) -> bool:
        p = self.private
        return bool(not p.address.is_empty or p.phones or p.family or p.other)
