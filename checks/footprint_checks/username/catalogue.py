"""Site catalogues in the WhatsMyName format, validated on load.

The rules are those of WhatsMyName's JSON schema (wmn-data-schema.json, draft-07):
required fields, types, code ranges, the category and protection enums, no unknown
fields, and "``{account}`` in ``post_body`` when there is one (which then needs
``headers``), else in ``uri_check``". jsonschema is not a dependency, so the rules are
written out here; every error names the file and the entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from footprint.errors import ConfigError

ACCOUNT = "{account}"
CATEGORIES = frozenset({
    "archived", "art", "blog", "business", "coding", "dating", "finance", "gaming", "health",
    "hobby", "images", "misc", "music", "news", "political", "search", "shopping", "social",
    "tech", "video", "xx NSFW xx",
})
PROTECTIONS = frozenset({
    "anubis", "captcha", "cloudflare", "cloudfront", "ddos-guard", "multiple", "other",
    "user-agent", "user-auth",
})
_REQUIRED = ("name", "uri_check", "e_code", "e_string", "m_string", "m_code", "known", "cat")
_OPTIONAL = ("uri_pretty", "post_body", "headers", "strip_bad_char", "valid", "protection")
_TOP_LEVEL = frozenset({"license", "authors", "categories", "sites"})
_URI = re.compile(r"^(http|https)://.+$")


@dataclass(frozen=True, slots=True)
class Site:
    """One catalogue entry; field names and meanings are WhatsMyName's."""

    name: str
    uri_check: str
    e_code: int
    e_string: str
    m_code: int
    m_string: str
    known: tuple[str, ...]
    cat: str
    uri_pretty: str | None = None
    post_body: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    strip_bad_char: str = ""
    valid: bool = True
    protection: tuple[str, ...] = ()
    source: str = ""  # the catalogue it came from, for messages

    @property
    def key(self) -> str:
        """Entries with the same key are the same site (a later catalogue replaces it)."""
        return self.name.casefold()

    @property
    def method(self) -> str:
        return "POST" if self.post_body else "GET"

    @property
    def expects_redirect(self) -> bool:
        """WhatsMyName reads these without following redirects: the 3xx is the signal."""
        return 300 <= self.e_code < 400 or 300 <= self.m_code < 400

    @property
    def account_in_host(self) -> bool:
        return ACCOUNT in urlsplit(self.uri_check).netloc

    def account_for(self, handle: str) -> str:
        """The handle as this site spells it (``strip_bad_char`` removed)."""
        return "".join(c for c in handle if c not in self.strip_bad_char)

    def check_url(self, account: str) -> str:
        return self.uri_check.replace(ACCOUNT, quote(account, safe=""))

    def profile_url(self, account: str) -> str:
        """Where a person sees the profile (``uri_pretty`` when ``uri_check`` is an API)."""
        return (self.uri_pretty or self.uri_check).replace(ACCOUNT, quote(account, safe=""))

    def body_for(self, account: str) -> str | None:
        if not self.post_body:
            return None
        # the body is often JSON: escape the account as a JSON string's content
        return self.post_body.replace(ACCOUNT, json.dumps(account)[1:-1])

    @property
    def hosts(self) -> tuple[str, ...]:
        """Hosts this entry contacts (``*`` where the username goes into the host name)."""
        urls = [self.uri_check] + ([self.uri_pretty] if self.uri_pretty else [])
        return tuple(dict.fromkeys(
            (urlsplit(u.replace(ACCOUNT, "*")).hostname or "").lower() for u in urls))


class CatalogueError(ConfigError):
    pass


def _fail(where: str, message: str) -> CatalogueError:
    return CatalogueError(f"{where}: {message}")


def _int_code(raw: Mapping[str, Any], key: str, where: str) -> int:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 599:
        raise _fail(where, f"{key}: must be an integer HTTP status from 100 to 599")
    return value


def _string(raw: Mapping[str, Any], key: str, where: str, *, min_length: int = 0) -> str:
    value = raw[key]
    if not isinstance(value, str) or len(value) < min_length:
        need = "a non-empty string" if min_length else "a string"
        raise _fail(where, f"{key}: must be {need}")
    return value


def _uri(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = _string(raw, key, where, min_length=1)
    if not _URI.match(value) or not urlsplit(value.replace(ACCOUNT, "x")).hostname:
        raise _fail(where, f"{key}: must be an http(s) URL, got {value!r}")
    return value


def _unique_strings(raw: Mapping[str, Any], key: str, where: str,
                    allowed: frozenset[str] | None = None) -> tuple[str, ...]:
    value = raw[key]
    if not isinstance(value, list) or not value:
        raise _fail(where, f"{key}: must be a non-empty list")
    if not all(isinstance(v, str) and v for v in value):
        raise _fail(where, f"{key}: every item must be a non-empty string")
    if len(set(value)) != len(value):
        raise _fail(where, f"{key}: items must be unique")
    if allowed is not None:
        bad = [v for v in value if v not in allowed]
        if bad:
            raise _fail(where, f"{key}: unknown value {bad[0]!r} (allowed: "
                               f"{', '.join(sorted(allowed))})")
    return tuple(value)


def parse_site(raw: object, where: str, source: str = "") -> Site:
    """One entry, checked against the schema's rules; ``where`` prefixes every error."""
    if not isinstance(raw, dict):
        raise _fail(where, "an entry must be a JSON object")
    name = raw.get("name")
    if isinstance(name, str) and name:
        where = f"{where} ({name!r})"
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise _fail(where, f"missing required field {missing[0]!r}")
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    headers = raw.get("headers")
    if headers is not None and (not isinstance(headers, dict) or not headers or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items())):
        raise _fail(where, "headers: must be an object of at least one string header")
    post_body = raw.get("post_body")
    if post_body is not None and not isinstance(post_body, str):
        raise _fail(where, "post_body: must be a string")
    if post_body:
        if headers is None:
            raise _fail(where, "headers: required when post_body is set")
        if ACCOUNT not in post_body:
            raise _fail(where, "post_body: must contain {account}")
    elif ACCOUNT not in str(raw.get("uri_check", "")):
        raise _fail(where, "uri_check: must contain {account} (or use post_body)")
    strip = raw.get("strip_bad_char", "")
    if "strip_bad_char" in raw and (not isinstance(strip, str) or not strip):
        raise _fail(where, "strip_bad_char: must be a non-empty string")
    if "valid" in raw and raw["valid"] is not False:
        raise _fail(where, "valid: may only be false (omit it for a working entry)")
    cat = _string(raw, "cat", where)
    if cat not in CATEGORIES:
        raise _fail(where, f"cat: unknown category {cat!r}")
    return Site(
        name=_string(raw, "name", where, min_length=1),
        uri_check=_uri(raw, "uri_check", where),
        e_code=_int_code(raw, "e_code", where),
        e_string=_string(raw, "e_string", where),
        m_code=_int_code(raw, "m_code", where),
        m_string=_string(raw, "m_string", where),
        known=_unique_strings(raw, "known", where),
        cat=cat,
        uri_pretty=_uri(raw, "uri_pretty", where) if "uri_pretty" in raw else None,
        post_body=post_body or None,
        headers=dict(headers or {}),
        strip_bad_char=strip,
        valid="valid" not in raw,
        protection=(_unique_strings(raw, "protection", where, PROTECTIONS)
                    if "protection" in raw else ()),
        source=source,
    )


def parse_catalogue(data: object, source: str) -> list[Site]:
    """A catalogue document: ``{"sites": [...]}`` plus WhatsMyName's optional
    ``license``, ``authors`` and ``categories`` lists."""
    if not isinstance(data, dict):
        raise _fail(source, 'a catalogue must be a JSON object with a "sites" list')
    unknown = sorted(set(data) - _TOP_LEVEL)
    if unknown:
        raise _fail(source, f"unknown top-level key {unknown[0]!r}")
    for key in ("license", "authors", "categories"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(source, f"{key}: must be a list of strings")
    sites_raw = data.get("sites")
    if not isinstance(sites_raw, list):
        raise _fail(source, 'missing the "sites" list')
    sites: list[Site] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(sites_raw):
        site = parse_site(raw, f"{source}: sites[{i}]", source)
        if site.key in seen:
            raise _fail(f"{source}: sites[{i}] ({site.name!r})",
                        f"duplicate name (also sites[{seen[site.key]}])")
        seen[site.key] = i
        sites.append(site)
    return sites


def read_catalogue(path: Path) -> list[Site]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise CatalogueError(f"{path}: site catalogue not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read the site catalogue: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
    return parse_catalogue(data, str(path))


def merge(catalogues: Iterable[Sequence[Site]]) -> list[Site]:
    """Later catalogues add sites and replace same-named ones, keeping the first position."""
    merged: dict[str, Site] = {}
    for sites in catalogues:
        for site in sites:
            merged[site.key] = site
    return list(merged.values())
