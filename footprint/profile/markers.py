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
    HIDDEN = "hidden"  # the guard's: text still encoded after ten layers


MARKER_LABELS: dict[MarkerKind, L10n] = {
    MarkerKind.ADDRESS: L10n(en="home address", nl="huisadres"),
    MarkerKind.POSTCODE: L10n(en="home postcode", nl="postcode"),
    MarkerKind.STREET: L10n(en="street name", nl="straatnaam"),
    MarkerKind.PHONE: L10n(en="private phone number", nl="privételefoonnummer"),
    MarkerKind.FAMILY: L10n(en="family member's name", nl="naam van een gezinslid"),
    MarkerKind.OTHER: L10n(en="private detail", nl="privégegeven"),
    MarkerKind.HIDDEN: L10n(en="text encoded too deeply to check (over ten layers)",
                            nl="tekst te diep gecodeerd om te controleren (meer dan tien "
                               "lagen)"),
}

def capitalised(text: L10n) -> L10n:
    return L10n(en=text.en[:1].upper() + text.en[1:], nl=text.nl[:1].upper() + text.nl[1:])


@dataclass(frozen=True, slots=True)
class Marker:
    kind: MarkerKind
    variants: tuple[str, ...]  # folded spellings, longest first
    # Spellings that count only as whole words ("M. de Vries", not "naam=Jan de Vries"),
    # matched on :func:`plain` text: the guard's way to catch initials.
    words: tuple[re.Pattern[str], ...] = ()

    @property
    def label(self) -> L10n:
        return MARKER_LABELS[self.kind]

# Letters Unicode does not decompose, as Dutch records write them ("Yılmaz" is "Yilmaz",
# "Søren" is "Soren"); without this the plain spelling on a page would not match.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                               "æ": "ae", "œ": "oe", "ħ": "h", "ŧ": "t", "ŀ": "l"})


# Decimal digits of other scripts ("٣٥١١" is Arabic-Indic 3511); NFKD leaves them be.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), text)


@functools.lru_cache(maxsize=8192)  # pages reuse a few hundred characters over and over
def fold_char(ch: str) -> str:
    """One character folded: what it contributes to :func:`fold` (maybe several letters)."""
    decomposed = unicodedata.normalize("NFKD", ch).casefold().translate(_UNDECOMPOSED)
    return "".join(c for c in _ascii_digits(decomposed) if c.isalnum())


# \w is exactly str.isalnum() plus "_", so this keeps what fold_char keeps, at C speed.
_NOT_ALNUM = re.compile(r"[\W_]+")


# The combining diacritics blocks: what NFKD splits off accented letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def plain(text: str) -> str:
    """Accent-free and case-folded, separators kept: for whole-word spellings."""
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_UNDECOMPOSED)
    return _COMBINING.sub("", _ascii_digits(decomposed))


# Every ASCII byte that is not a letter or digit: deleting them from UTF-8 bytes leaves
# multi-byte characters whole (their bytes are all 0x80 and up).
_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _alnum_only(text: str) -> str:
    """``_NOT_ALNUM.sub("", text)``, fast: a regular expression that replaces every gap
    between words costs about 1 ms per 50,000 characters of page text; deleting the ASCII
    ones from bytes costs microseconds, and only what is left that is not ASCII (rare
    punctuation such as "’") goes through the expression."""
    kept = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_ALNUM)
    if kept.isascii():
        return kept.decode("ascii")
    rest = kept.decode("utf-8", "surrogatepass")
    return rest if rest.isalnum() else _NOT_ALNUM.sub("", rest)


def fold(text: str) -> str:
    """Accent-free, case-folded, letters and digits only (digits as 0-9)."""
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_UNDECOMPOSED)
    return _alnum_only(_ascii_digits(decomposed))


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
    if len(national) >= 8:  # "612345678": the trunk 0 dropped, as forms and APIs often do
        variants.add(national)
    if number.country_code == phonenumbers.country_code_for_region(region):
        variants.add("0" + national)
    else:
        # Dutch directories write foreign numbers in their own national format too.
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        variants.add(fold(formatted))
    return variants


# Name particles that start a Dutch (or other) surname: "de Vries", "van der Berg".
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "'t", "t", "ten", "ter", "te",
                        "in", "op", "von", "zu", "du", "da", "di", "la", "le", "del",
                        "dos", "das", "el", "al", "bin", "ben"})
MIN_DERIVED_LENGTH = 6  # initials make short spellings; short ones would block by chance


def family_variants(name: str) -> set[str]:
    """A family member's name as directories and forms also write it: surname first
    ("Vries, Marieke de", "de Vries, Marieke") and with initials ("M. de Vries",
    "Vries, M. de"). Not the surname followed by initials ("de Vries M."): family members
    share a surname, and "Jan de Vries Maastricht" would read as one."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return {fold(name)}
    start = next((i for i in range(1, len(words)) if words[i].lower() in _PARTICLES),
                 len(words) - 1)
    given, surname = words[:start], words[start:]
    core = [w for w in surname if w.lower() not in _PARTICLES] or surname
    particles = surname[: len(surname) - len(core)]
    g, s, c, p = (fold(" ".join(part)) for part in (given, surname, core, particles))
    return {fold(name), s + g, c + g + p}


def initials_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """"M. de Vries", "M.A. de Vries", "Vries, M. de" as whole words: as folded text
    they would be found inside "naam=Jan de Vries" (``naaM DE VRIES``)."""
    words = [fold(w) for w in name.replace(",", " ").split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return ()
    start = next((i for i in range(1, len(words)) if words[i] in _PARTICLES), len(words) - 1)
    given, surname = words[:start], words[start:]
    core = [w for w in surname if w not in _PARTICLES] or surname
    particles = surname[: len(surname) - len(core)]
    sep = r"[\W_]*"
    first = re.escape(given[0][0])
    every = sep.join(re.escape(w[0]) for w in given)
    forms = {first + sep + sep.join(map(re.escape, surname)),
             every + sep + sep.join(map(re.escape, surname)),
             sep.join(map(re.escape, core)) + sep + every
             + "".join(sep + re.escape(w) for w in particles)}
    return tuple(re.compile(rf"(?<![^\W_]){form}(?![^\W_])") for form in sorted(forms))


def _public_values(profile: Profile) -> list[str]:
    pub = profile.public
    return [v for v in (profile.name, *profile.aliases, *pub.usernames, *pub.emails,
                        *pub.domains, *pub.urls, *pub.trade_names) if v]


def _family_marker(name: str, public_values: list[str], whole_words: bool) -> Marker | None:
    """The derived spellings that also occur in a public identifier are dropped: they
    are sent with it anyway (the name as given is kept; conflicts.py reports that)."""
    public = [fold(v) for v in public_values]
    given = fold(name)
    derived = {v for v in family_variants(name) - {given} if len(v) >= MIN_DERIVED_LENGTH
               and not any(v in p for p in public)}
    marker = _marker(MarkerKind.FAMILY, {given} | derived)
    if marker is None or not whole_words:
        return marker
    words = tuple(w for w in initials_patterns(name)
                  if not any(w.search(plain(v)) for v in public_values))
    return Marker(marker.kind, marker.variants, words)


def _marker(kind: MarkerKind, variants: set[str]) -> Marker | None:
    usable = sorted((v for v in variants if len(v) >= MIN_MARKER_LENGTH),
                    key=lambda v: (-len(v), v))
    return Marker(kind, tuple(usable)) if usable else None


def private_markers(profile: Profile, *, include_street: bool = False) -> tuple[Marker, ...]:
    """The person's private markers, each with its spellings.

    ``include_street`` adds the street name on its own: too common to report as a finding,
    but the HTTP guard blocks it, because a query with your street in it says where you live.
    It adds the guard's whole-word spellings of family names with initials as well
    (:attr:`Marker.words`): page matching does not use them.
    """
    private = profile.private
    found: list[Marker | None] = [
        _marker(MarkerKind.ADDRESS, address_variants(private.address)),
        _marker(MarkerKind.POSTCODE, postcode_variants(private.address.postcode)),
    ]
    if include_street and private.address.street:
        found.append(_marker(MarkerKind.STREET, street_variants(private.address.street)))
    found += [_marker(MarkerKind.PHONE, phone_variants(p)) for p in private.phones]
    public = _public_values(profile) if private.family else []
    found += [_family_marker(n, public, include_street) for n in private.family]
    found += [_marker(MarkerKind.OTHER, {fold(o)}) for o in private.other]
    return tuple(m for m in found if m is not None)
