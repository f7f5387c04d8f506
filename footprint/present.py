"""Presentation mode (``--present``): the report with every identifier and private value
replaced by a stable pseudonym, so a trainer can project a real scan.

Each value of the profile gets one pseudonym ("person-1", "user-1",
"email-1@example.invalid", ...) used wherever it appears, in any case and spacing. URLs,
email addresses and handles that merely *contain* the name ("/mensen/femke",
"femke.deboer@...") are replaced as a whole too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import TypeVar
from urllib.parse import unquote_plus

import phonenumbers

from footprint.diff import ReportDiff
from footprint.i18n import t
from footprint.models import Lang, Report
from footprint.profile.markers import fold
from footprint.profile.model import HomeAddress, Profile
from footprint.strings import map_strings

T = TypeVar("T")
_KEEP_FIELDS = frozenset({"check_id", "id", "kind", "origin", "tool_version", "lang",
                          "date", "matched", "inputs", "secrets"})
_TOKEN = re.compile(r"(?:https?://|www\.)[^\s\"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w.@-]{3,}",
                    re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SEPARATORS = r"[\s.\-/()]*"
_PRIORITY = ("email", "url", "domain", "phone", "user", "kvk", "company", "address", "postcode",
             "family", "private", "name", "street", "place")
_NAME_PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "t"}

class _Pseudonyms:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.counters: dict[str, int] = {}
        self.by_value: dict[tuple[str, str], str] = {}

    def get(self, kind: str, value: str) -> str:
        key = (kind, fold(value) or value.lower())
        if key not in self.by_value:
            n = self.counters[kind] = self.counters.get(kind, 0) + 1
            self.by_value[key] = self._format(kind, n)
        return self.by_value[key]

    def _format(self, kind: str, n: int) -> str:
        if kind == "email":
            return f"email-{n}@example.invalid"
        if kind == "domain":
            return f"domain-{n}.example.invalid"
        if kind == "url":
            return f"https://url-{n}.example.invalid/"
        if kind in ("user", "phone", "kvk", "postcode", "address"):
            return f"{kind}-{n}"
        return f"{t('pseudonym.' + kind, self.lang)}-{n}"


def _flexible(value: str) -> str:
    """A pattern for ``value`` that tolerates other spacing, dashes and dots between its
    letter/digit runs ("1234AB" ~ "1234 ab", "Kerkstr. 12-a")."""
    runs = re.findall(r"[^\W_]+", value)
    return _SEPARATORS.join(re.escape(r) for r in runs)


def _phone(value: str) -> str:
    """Matches the number in 06-, +31 6- and 0031 6- forms with any separators."""
    try:
        number = phonenumbers.parse(value, "NL")
        national = str(number.national_number)
        prefixes = [f"\\+{number.country_code}", f"00{number.country_code}", "0"]
    except phonenumbers.NumberParseException:
        national, prefixes = re.sub(r"\D", "", value), [""]
    digits = _SEPARATORS.join(national)
    return f"(?:(?:{'|'.join(prefixes)}){_SEPARATORS}(?:\\(0\\){_SEPARATORS})?)?{digits}"


def _street(street: str) -> str:
    """The street with "straat" also written "str." or "str" ("Kerkstr.")."""
    runs = re.findall(r"[^\W_]+", street)
    parts = [re.escape(r) for r in runs]
    if runs and runs[-1].lower().endswith("straat"):
        parts[-1] = re.escape(runs[-1][:-6]) + r"str(?:aat|\.)?"
    return _SEPARATORS.join(parts)


def _address(address: HomeAddress) -> str:
    number = _flexible(address.house_number)
    addition = _flexible(address.addition) if address.addition else ""
    tail = f"(?:{_SEPARATORS}{addition})?" if addition else ""
    return f"{_street(address.street)}{_SEPARATORS}{number}{tail}"


class Masker:
    """Replaces the profile's values in any text; one instance per report."""

    def __init__(self, profile: Profile, lang: Lang) -> None:
        self.names = _Pseudonyms(lang)
        self._seen: dict[str, str] = {}
        self.rules: list[tuple[str, str, str, int]] = []  # pattern, kind, canonical, length
        pub, priv = profile.public, profile.private
        self._add("email", pub.emails, re.escape)
        self._add("url", (u.rstrip("/") for u in pub.urls), re.escape)
        self._add("domain", pub.domains, re.escape)
        self._add("phone", (*pub.phones, *priv.phones), _phone)
        self._add("user", pub.usernames, re.escape)
        self._add("kvk", pub.kvk_numbers, re.escape)
        self._add("company", pub.trade_names, _flexible)
        address = priv.address
        if address.street and address.house_number:
            full = f"{address.street} {address.house_number}{address.addition}"
            self._add("address", [full], lambda _: _address(address))
        self._add("postcode", [address.postcode], _flexible)
        self._add("street", [address.street], _street)
        self._add("family", priv.family, _flexible)
        self._add("private", priv.other, _flexible)
        # the person: full name and aliases first, then the distinctive parts on their own
        person = [n for n in (profile.name, *profile.aliases) if n]
        self._add("name", person, _flexible, canonical=profile.name or None)
        self._add("name", _surnames(person), _flexible, canonical=profile.name or None)
        self._add("name", _first_names(person), re.escape, canonical=profile.name or None)
        self._add("place", [profile.municipality, address.city], _flexible)
        self.name_parts = _name_parts(person)
        self.place_parts = tuple(fold(p) for p in (profile.municipality, address.city)
                                 if len(fold(p)) >= 4)
        self.person = self.names.get("name", profile.name) if person else ""
        # at one position the most specific identifier wins ("jdevries" is a username
        # before it is "J. de Vries"), then the longest ("Femke de Boer" before "Femke")
        self.rules.sort(key=lambda r: (_PRIORITY.index(r[1]), -r[3]))
        self.pattern = (re.compile("|".join(f"(?P<r{i}>{r[0]})" for i, r in
                                            enumerate(self.rules)), re.IGNORECASE)
                        if self.rules else None)

    def _add(self, kind: str, values: Iterable[str], to_pattern: Callable[[str], str], *,
             canonical: str | None = None) -> None:
        for value in values:
            value = value.strip()
            if len(fold(value)) < 3:
                continue
            pattern = to_pattern(value)
            if kind == "place":  # also in host names and "DijkhovenSportclub", not "Bestuur"
                pattern = rf"(?<![^\W\d_]){pattern}(?!(?-i:[a-z]))"
            elif kind not in ("email", "url", "domain", "phone"):
                pattern = rf"(?<![\w@]){pattern}(?![\w@])"
            self.rules.append((pattern, kind, canonical or value, len(value)))
            self.names.get(kind, canonical or value)  # numbered in profile order

    def text(self, text: str) -> str:
        if not text:
            return text
        done = self._seen.get(text)
        if done is None:  # reports repeat the same remediation texts many times
            done = self._seen[text] = self._plain(_URL.sub(self._encoded_url, text))
        return done

    def _encoded_url(self, match: re.Match[str]) -> str:
        """A URL that carries a value percent-encoded (a search link for
        "f.deboer@..."), decoded and masked; other URLs are left as they are."""
        url = match.group(0)
        decoded = unquote_plus(url)
        if decoded == url:
            return url
        masked = self._plain(decoded)
        return masked if masked != decoded else url

    def _plain(self, text: str) -> str:
        if self.pattern is not None:
            text = self.pattern.sub(self._replace, text)
        if self.name_parts or self.place_parts:
            text = _TOKEN.sub(self._token, text)
        return text

    def _replace(self, match: re.Match[str]) -> str:
        group = match.lastgroup or ""
        _, kind, canonical, _ = self.rules[int(group[1:])]
        return self.names.get(kind, canonical)

    def _token(self, match: re.Match[str]) -> str:
        """A URL, address or handle that still carries the name is replaced whole."""
        token = match.group(0)
        folded = fold(token)
        if not any(part in folded for part in self.name_parts):
            if "." in token and any(part in folded for part in self.place_parts):
                return self._host_like(token)  # "_spf.dijkhovense-domeinen.example"
            return token
        if token.lower().startswith(("http", "www")):
            return self.names.get("url", token)
        if _EMAIL.fullmatch(token):
            return self.names.get("email", token)
        if token.isalpha() and folded in self.name_parts:
            return self.person  # the first name on its own
        return self.names.get("user", token)

    def _host_like(self, token: str) -> str:
        if token.lower().startswith(("http", "www")):
            return self.names.get("url", token)
        if _EMAIL.fullmatch(token):
            return self.names.get("email", token)
        return self.names.get("domain", token)

    def value(self, obj: T) -> T:
        return map_strings(obj, self.text, _KEEP_FIELDS)


def _first_names(names: list[str]) -> list[str]:
    out = []
    for name in names:
        words = re.findall(r"[^\W_]+", name)
        if len(words) > 1 and len(words[0]) >= 3:
            out.append(words[0])
    return out


def _surnames(names: list[str]) -> list[str]:
    """The surname with its particles ("de Boer"), which identifies on its own."""
    out = []
    for name in names:
        words = re.findall(r"[^\W_]+", name)
        if len(words) > 1 and len(fold("".join(words[1:]))) >= 4:
            out.append(" ".join(words[1:]))
    return out


def _name_parts(names: list[str]) -> tuple[str, ...]:
    """Folded pieces of the name distinctive enough to mark a URL or handle as theirs:
    the whole name, first name and surname without particles ("femke", "deboer")."""
    parts: set[str] = set()
    for name in names:
        words = [w for w in re.findall(r"[^\W_]+", name) if len(w) > 1]
        if not words:
            continue
        parts.add(fold(name))
        first, rest = words[0], words[1:]
        if len(first) >= 3:
            parts.add(fold(first))
        core = [w for w in rest if w.lower() not in _NAME_PARTICLES]
        if rest and core:
            parts.add(fold("".join(rest)))  # "deboer"
    return tuple(sorted(p for p in parts if len(p) >= 4 or p in {fold(n) for n in names}))


def mask_report(report: Report, profile: Profile) -> Report:
    """The report with the profile's identifiers and private values pseudonymised in every
    title, detail, excerpt, URL, subject and key; ``masked`` is set."""
    masker = Masker(profile, report.lang)
    masked: Report = masker.value(report)
    # finding ids hash the (now pseudonymous) subject: the done marks follow them
    renamed = dict(zip((f.id for r in report.results for f in r.findings),
                       (f.id for r in masked.results for f in r.findings), strict=True))
    done = tuple(dataclasses.replace(m, findings=tuple(renamed.get(f, f) for f in m.findings))
                 for m in report.done)
    return dataclasses.replace(masked, masked=True, done=done)


def mask_diff(diff: ReportDiff, profile: Profile, lang: Lang) -> ReportDiff:
    """A diff computed on the real reports, with the same masking as :func:`mask_report`.

    Diff first, then mask: two reports masked separately may number pseudonyms for
    non-profile values differently, which would change finding ids.
    """
    masked: ReportDiff = Masker(profile, lang).value(diff)
    return masked
