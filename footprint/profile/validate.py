"""Validators for single profile values. Each returns the normalised value or raises ValueError."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from footprint.profile.markers import MIN_MARKER_LENGTH, fold

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_USERNAME = re.compile(r"^[\w.@+-]{1,64}$", re.UNICODE)
_DOMAIN_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_POSTCODE = re.compile(r"^([1-9]\d{3})\s?([A-Za-z]{2})$")
_HOUSE_NUMBER = re.compile(r"^\d{1,5}$")


def plain_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("contains control characters")
    return value.strip()


def marker_text(value: str) -> str:
    """A private string matched on pages: long enough not to match everything."""
    value = plain_text(value)
    if value and len(fold(value)) < MIN_MARKER_LENGTH:
        raise ValueError(
            f"too short to match safely (at least {MIN_MARKER_LENGTH} letters or digits)")
    return value


def username(value: str) -> str:
    value = plain_text(value).lstrip("@")
    if not _USERNAME.match(value):
        raise ValueError("not a username (letters, digits, . _ - + @; at most 64 characters)")
    return value


def email(value: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address ({exc})") from None


def phone(value: str) -> str:
    import phonenumbers  # about 70 ms to import: only when a phone number is given

    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        raise ValueError("not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def domain(value: str) -> str:
    name = value.strip().lower().rstrip(".")
    if name.startswith(("http://", "https://")):
        raise ValueError("give the domain name only (example.nl), not a URL")
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError("not a valid domain name") from None
    labels = ascii_name.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        raise ValueError("not a valid domain name")
    return ascii_name


def url(value: str) -> str:
    value = plain_text(value)
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("only http:// and https:// URLs can be checked")
    if not parts.hostname:
        raise ValueError("has no host name")
    return value


def kvk_number(value: str) -> str:
    digits = re.sub(r"\s", "", value)
    if not re.fullmatch(r"\d{8}", digits):
        raise ValueError("a KvK number has 8 digits")
    return digits


def postcode(value: str) -> str:
    match = _POSTCODE.match(value.strip())
    if not match:
        raise ValueError("not a Dutch postcode (1234 AB)")
    return f"{match.group(1)} {match.group(2).upper()}"


def house_number(value: str) -> str:
    value = value.strip()
    if not _HOUSE_NUMBER.match(value):
        raise ValueError("digits only; put a letter or suffix in 'addition'")
    return value


def finding_id(value: str) -> str:
    value = value.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{12}", value):
        raise ValueError("a finding id has 12 hexadecimal characters (shown in the report)")
    return value
