"""SPF record syntax, term by term, as the ABNF of RFC 7208 section 12 defines it.

A receiver parses the whole record before it evaluates anything (RFC 7208 4.6): one term
that does not fit the grammar anywhere in the record, even after ``all``, makes the result
"permerror" and the record is ignored. So every term is checked here, and the first
offending term is kept with the reason, to name it in the finding.

Hand-written on purpose: the grammar is small and exact, and the Python SPF libraries
either evaluate against a sender's IP with their own DNS (pyspf) or parse with a looser
pattern and query DNS themselves (checkdmarc); see docs/domains.md.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from footprint.models import L10n

QUALIFIERS = "+-~?"
MECHANISMS = frozenset({"all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"})
LOOKUP_MECHANISMS = frozenset({"include", "a", "mx", "ptr", "exists"})
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-_.]*")
_MACRO = re.compile(r"%\{([A-Za-z])(\d*)([rR]?)([.\-+,/_=]*)\}")
_MACRO_LETTERS = frozenset("slodipvh")  # RFC 7208 7.2
_EXP_ONLY_LETTERS = frozenset("crt")  # RFC 7208 7.2: allowed only in "exp" text
_CIDR4 = re.compile(r"0|[1-9][0-9]?")
_CIDR6 = re.compile(r"0|[1-9][0-9]{0,2}")


class SpfSyntaxError(ValueError):
    def __init__(self, term: str, reason: L10n) -> None:
        super().__init__(f"{term}: {reason.en}")
        self.term = term
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Directive:
    raw: str
    qualifier: str  # "+", "-", "~" or "?"
    mechanism: str  # lower case: all, include, a, mx, ptr, ip4, ip6, exists
    target: str | None  # the domain-spec or network, as written; None when absent


def _error(term: str, en: str, nl: str) -> SpfSyntaxError:
    return SpfSyntaxError(term, L10n(en=en, nl=nl))


def check_macro_string(term: str, text: str, exp: bool = False) -> None:
    """macro-string = *( macro-expand / macro-literal ), RFC 7208 7.1."""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "%":
            if text[i + 1 : i + 2] in ("%", "_", "-"):
                i += 2
                continue
            m = _MACRO.match(text, i)
            if m is None:
                raise _error(term, f"'{text[i:i + 12]}' is not a valid macro",
                             f"'{text[i:i + 12]}' is geen geldige macro")
            letter = m.group(1).lower()
            if letter not in _MACRO_LETTERS and not (exp and letter in _EXP_ONLY_LETTERS):
                raise _error(term, f"the macro letter '{m.group(1)}' is not allowed here",
                             f"de macroletter '{m.group(1)}' mag hier niet")
            i = m.end()
        elif "\x21" <= char <= "\x7e":
            i += 1
        else:
            raise _error(term, f"the character {char!r} is not allowed in SPF",
                         f"het teken {char!r} mag niet in SPF")


def _toplabel(label: str) -> bool:
    """toplabel: alphanumerics with at least one letter, or with an inner hyphen."""
    if not label or not all(c.isascii() and (c.isalnum() or c == "-") for c in label):
        return False
    if "-" in label:
        return label[0].isalnum() and label[-1].isalnum()
    return any(c.isalpha() for c in label)


def check_domain_spec(term: str, spec: str, mechanism: str) -> None:
    """domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) /
    macro-expand. Literal names must also be queryable (no empty or over-long labels)."""
    if not spec:
        raise _error(term, f"'{mechanism}' needs a domain name after it, and has none",
                     f"'{mechanism}' moet gevolgd worden door een domeinnaam, en die ontbreekt")
    check_macro_string(term, spec)
    last_macro = max((m.end() for m in _MACRO.finditer(spec)), default=0)
    tail = spec[last_macro:]
    if tail:
        name = tail[:-1] if tail.endswith(".") else tail
        head, dot, top = name.rpartition(".")
        if not dot or not _toplabel(top):
            raise _error(term, f"'{spec}' is not a valid domain name",
                         f"'{spec}' is geen geldige domeinnaam")
    if "%" not in spec:
        labels = spec.rstrip(".").split(".")
        if any(not label or len(label) > 63 for label in labels) or len(spec) > 253:
            raise _error(term, f"'{spec}' is not a valid domain name (empty or too long part)",
                         f"'{spec}' is geen geldige domeinnaam (leeg of te lang deel)")


def _split_cidr(term: str, rest: str, ip6_only: bool = False) -> str:
    """Checks and removes a trailing [ ip4-cidr ] [ "/" ip6-cidr ]; returns what is left."""
    m6 = re.search(r"//(\d+)$", rest) if not ip6_only else re.search(r"/(\d+)$", rest)
    if m6:
        if not _CIDR6.fullmatch(m6.group(1)) or int(m6.group(1)) > 128:
            raise _error(term, f"/{m6.group(1)} is not a valid IPv6 prefix length (0-128)",
                         f"/{m6.group(1)} is geen geldige IPv6-prefixlengte (0-128)")
        rest = rest[: m6.start()]
    if ip6_only:
        return rest
    m4 = re.search(r"/(\d+)$", rest)
    if m4:
        if not _CIDR4.fullmatch(m4.group(1)) or int(m4.group(1)) > 32:
            raise _error(term, f"/{m4.group(1)} is not a valid IPv4 prefix length (0-32)",
                         f"/{m4.group(1)} is geen geldige IPv4-prefixlengte (0-32)")
        rest = rest[: m4.start()]
    return rest


def _address(term: str, mechanism: str, rest: str) -> str:
    if not rest.startswith(":") or len(rest) == 1:
        raise _error(term, f"'{mechanism}' needs an address after it ({mechanism}:...)",
                     f"'{mechanism}' moet gevolgd worden door een adres ({mechanism}:...)")
    network = _split_cidr(term, rest[1:], ip6_only=mechanism == "ip6")
    kind = ipaddress.IPv4Address if mechanism == "ip4" else ipaddress.IPv6Address
    version = "IPv4" if mechanism == "ip4" else "IPv6"
    try:
        kind(network)
    except ValueError:
        looks_like_name = any(c.isalpha() for c in network) and ":" not in network
        what = "a host name" if looks_like_name else "not an address"
        wat = "een hostnaam" if looks_like_name else "geen adres"
        raise _error(term, f"'{mechanism}' needs an {version} address, and '{network}' is "
                           f"{what}", f"'{mechanism}' vraagt een {version}-adres, en "
                           f"'{network}' is {wat}") from None
    return rest[1:]


def parse_directive(term: str) -> Directive:
    qualifier = term[0] if term[:1] in tuple(QUALIFIERS) else ""
    body = term[len(qualifier):]
    m = _NAME.match(body)
    if m is None:
        raise _error(term, "not a mechanism or modifier", "geen mechanisme of modifier")
    name, rest = m.group(0).lower(), body[m.end():]
    if name not in MECHANISMS or (rest and rest[0] not in ":/"):
        shown = m.group(0) + (rest[:1] if rest[:1] == ":" else "")
        raise _error(term, f"'{shown}' is not an SPF mechanism (known: all, include, a, mx, "
                           "ptr, ip4, ip6, exists)",
                     f"'{shown}' is geen SPF-mechanisme (bekend: all, include, a, mx, ptr, "
                     "ip4, ip6, exists)")
    target: str | None = None
    if name == "all":
        if rest:
            raise _error(term, "'all' takes nothing after it", "na 'all' mag niets staan")
    elif name in ("include", "exists"):
        if not rest.startswith(":"):
            raise _error(term, f"'{name}' needs a domain name after it ({name}:...)",
                         f"'{name}' moet gevolgd worden door een domeinnaam ({name}:...)")
        target = rest[1:]
        check_domain_spec(term, target, name)
    elif name in ("a", "mx", "ptr"):
        left = rest if name == "ptr" else _split_cidr(term, rest)
        if left:
            if not left.startswith(":"):
                raise _error(term, f"'{name}' is followed by something that is not "
                                   ":domain or /prefix", f"na '{name}' staat iets dat geen "
                                   ":domein of /prefix is")
            target = left[1:]
            check_domain_spec(term, target, name)
    else:
        target = _address(term, name, rest)
    return Directive(raw=term, qualifier=qualifier or "+", mechanism=name, target=target)


def parse_modifier(term: str) -> tuple[str, str] | None:
    """(name, value) when ``term`` has the shape of a modifier, else None."""
    m = _NAME.match(term)
    if m is None or term[m.end() : m.end() + 1] != "=":
        return None
    name, value = m.group(0).lower(), term[m.end() + 1 :]
    if name in ("redirect", "exp"):
        check_domain_spec(term, value, name)
    else:
        check_macro_string(term, value, exp=True)  # unknown modifiers are ignored if valid
    return name, value
