"""Private markers and the spellings they take in the wild.

A marker is matched on a *folded* form of text: accents removed, case folded and every
character that is not a letter or digit dropped. "1234 AB", "1234ab" and "1234-AB" then
read the same, as do "06-12345678" and "+31 6 1234 5678" (after the country-code variants
are added), and "Kerkstraat 12-A" and "kerkstr. 12a".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from footprint.models import L10n
from footprint.profile.model import HomeAddress, Profile

MIN_MARKER_LENGTH = 4


class MarkerKind(StrEnum):
    ADDRESS = "address"
    POSTCODE = "postcode"
    STREET = "street"
    PHONE = "phone"
    FAMILY = "family"
    OTHER = "other"


MARKER_LABELS: dict[MarkerKind, L10n] = {
    MarkerKind.ADDRESS: L10n(en="home address", nl="huisadres"),
    MarkerKind.POSTCODE: L10n(en="home postcode", nl="postcode"),
    MarkerKind.STREET: L10n(en="street name", nl="straatnaam"),
    MarkerKind.PHONE: L10n(en="private phone number", nl="privételefoonnummer"),
    MarkerKind.FAMILY: L10n(en="family member's name", nl="naam van een gezinslid"),
    MarkerKind.OTHER: L10n(en="private detail", nl="privégegeven"),
}

def _phrase(kind: MarkerKind) -> L10n:
    # the catalogue's phrase for a kind ("je postcode", "de naam van een gezinslid"); read
    # lazily: footprint.i18n itself needs MarkerKind
    from footprint.i18n import words
    return words(f"marker.{kind.value}")


def yours_of(labels: Iterable[L10n]) -> L10n:
    """Marker labels as a sentence names them: "je huisadres en de naam van een gezinslid",
    in the catalogue's words (``marker.*``); a label of no kind (a finer one a check made)
    reads "je <label>"."""
    from footprint.i18n import words
    forms = {label.en: _phrase(kind) for kind, label in MARKER_LABELS.items()}
    parts = [forms.get(label.en) or L10n(en=f"your {label.en}", nl=f"je {label.nl}")
             for label in labels]
    conjunction = words("marker.sentence.and")

    def join(phrases: list[str], last: str) -> str:
        return (phrases[0] if len(phrases) == 1
                else f"{', '.join(phrases[:-1])} {last} {phrases[-1]}")

    if not parts:
        return L10n(en="", nl="")
    return L10n(en=join([p.en for p in parts], conjunction.en),
                nl=join([p.nl for p in parts], conjunction.nl))


def capitalised(text: L10n) -> L10n:
    return L10n(en=text.en[:1].upper() + text.en[1:], nl=text.nl[:1].upper() + text.nl[1:])


@dataclass(frozen=True, slots=True)
class Marker:
    kind: MarkerKind
    variants: tuple[str, ...]  # folded spellings, longest first

    @property
    def label(self) -> L10n:
        return MARKER_LABELS[self.kind]

    @property
    def yours(self) -> L10n:
        return _phrase(self.kind)


# Letters Unicode does not decompose, as Dutch records write them ("Yılmaz" is "Yilmaz",
# "Søren" is "Soren"); without this the plain spelling on a page would not match.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                               "æ": "ae", "œ": "oe", "ħ": "h", "ŧ": "t", "ŀ": "l"})


@functools.lru_cache(maxsize=8192)  # pages repeat the same few hundred characters
@functools.lru_cache(maxsize=8192)  # pages reuse a few hundred characters over and over
def fold_char(ch: str) -> str:
    """One character folded: what it contributes to :func:`fold` (maybe several letters)."""
    decomposed = unicodedata.normalize("NFKD", ch).casefold().translate(_UNDECOMPOSED)
    return "".join(c for c in decomposed if c.isalnum())


# \w is exactly str.isalnum() plus "_", so this keeps what fold_char keeps, at C speed.
_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Accent-free, case-folded, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_UNDECOMPOSED)
    return _NOT_ALNUM.sub("", decomposed)


_STREET_ABBREVIATIONS = (
    ("straat", "str"),
    ("laan", "ln"),
    ("plein", "pln"),
    ("singel", "sngl"),
    ("gracht", "gr"),
)


def street_variants(street: str) -> set[str]:
    folded = fold(street)
    variants = {folded}
    for long, short in _STREET_ABBREVIATIONS:
        if folded.endswith(long) and len(folded) - len(long) >= 3:
            variants.add(folded[: -len(long)] + short)
    return {v for v in variants if v}


def address_variants(address: HomeAddress) -> set[str]:
    if not address.street or not address.house_number:
        return set()
    number = fold(address.house_number + address.addition)
    return {s + number for s in street_variants(address.street)}


def postcode_variants(postcode: str) -> set[str]:
    folded = fold(postcode)
    return {folded} if folded else set()


def phone_variants(raw: str, region: str = "NL") -> set[str]:
    """Every way the number is commonly written, folded to digits."""
    import phonenumbers  # about 70 ms to import: only when a phone number is given

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", raw)
        return {digits} if digits else set()
    national = str(number.national_number)
    cc = str(number.country_code)
    variants = {cc + national, "00" + cc + national}
    if number.country_code == phonenumbers.country_code_for_region(region):
        variants.add("0" + national)
    else:
        # Dutch directories write foreign numbers in their own national format too.
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        variants.add(fold(formatted))
    return variants


def _marker(kind: MarkerKind, variants: set[str]) -> Marker | None:
    usable = sorted((v for v in variants if len(v) >= MIN_MARKER_LENGTH),
                    key=lambda v: (-len(v), v))
    return Marker(kind, tuple(usable)) if usable else None


def private_markers(profile: Profile, *, include_street: bool = False) -> tuple[Marker, ...]:
    """The person's private markers, each with its spellings.

    ``include_street`` adds the street name on its own: too common to report as a finding,
    but the HTTP guard blocks it, because a query with your street in it says where you live.
    """
    private = profile.private
    found: list[Marker | None] = [
        _marker(MarkerKind.ADDRESS, address_variants(private.address)),
        _marker(MarkerKind.POSTCODE, postcode_variants(private.address.postcode)),
    ]
    if include_street and private.address.street:
        found.append(_marker(MarkerKind.STREET, street_variants(private.address.street)))
    found += [_marker(MarkerKind.PHONE, phone_variants(p)) for p in private.phones]
    found += [_marker(MarkerKind.FAMILY, {fold(n)}) for n in private.family]
    found += [_marker(MarkerKind.OTHER, {fold(o)}) for o in private.other]
    return tuple(m for m in found if m is not None)
