"""The KvK Zoeken API (V3 by default, V2 on request) and Vestigingsprofiel API v1.

Only public identifiers are ever sent (KvK numbers, trade names, the person's name); the
API also takes postcode and house number, which this module never uses: addresses are
compared locally. Request and answer shapes follow KvK's OpenAPI specs: api-zoeken-v3.yaml
3.0.0 (``GET /v3/zoeken``, at most 100 results in all), api_zoeken.yaml 2.1.0 and
api_vestigingsprofiel.yaml 1.4.0. V3's answer schema is in no copy of KvK's documentation
that could be read (docs/registers.md lists the searches), so V3 answers are read with V2's
documented fields; an answer that fits them only in part (no ``resultaten`` list, a number
that is not KvK's format, an address in another form or under another key) is reported as
inconclusive, never as "nothing found". docs/registers.md records what was confirmed where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx

from footprint.check import CheckContext, Inconclusive
from footprint.errors import ConfigError
from footprint.models import L10n

DEFAULT_BASE = "https://api.kvk.nl/api"  # the test environment: https://api.kvk.nl/test/api
VERSIONS = ("v3", "v2")  # Zoeken API versions; V3 is KvK's current one
DEFAULT_VERSION = "v3"
V3_MAX_RESULTS = 100  # "Er wordt max. 100 resultaten getoond" (api-zoeken-v3.yaml)
PAGE_SIZE = 100
NO_RESULTS = "IPD5200"  # "no data found for these search parameters", sent as HTTP 404
BAD_PARAMETER = "IPD1999"  # "unsupported query parameter", sent as HTTP 400
_KVK_NUMBER = re.compile(r"[0-9]{8}")  # the patterns of api_zoeken.yaml / api-zoeken-v3.yaml
_BRANCH_NUMBER = re.compile(r"[0-9]{12}")


@dataclass(frozen=True, slots=True)
class KvkAddress:
    street: str = ""
    number: str = ""  # house number with letter/addition, "" when KvK did not show it
    postcode: str = ""
    city: str = ""
    country: str = ""  # foreign addresses only
    kind: str = ""  # bezoekadres / postadres / correspondentieadres
    shielded: bool = False

    def text(self) -> str:
        parts = [f"{self.street} {self.number}".strip(), f"{self.postcode} {self.city}".strip(),
                 self.country]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class KvkResult:
    kvk_number: str
    branch_number: str  # vestigingsnummer; "" for a legal entity without a branch
    name: str
    kind: str  # hoofdvestiging / nevenvestiging / rechtspersoon
    address: KvkAddress | None


@dataclass(frozen=True, slots=True)
class BranchProfile:
    addresses: tuple[KvkAddress, ...]
    non_mailing: bool | None  # indNonMailing, None when absent


class KvkKeyRejected(Inconclusive):
    pass


def _key_rejected(status: int) -> KvkKeyRejected:
    return KvkKeyRejected(L10n(
        en=f"KvK rejected the API key (HTTP {status}): check KVK_API_KEY and that it is "
           "valid for this environment (production or test); nothing was checked",
        nl=f"KVK weigerde de API-sleutel (HTTP {status}): controleer KVK_API_KEY en of die "
           "geldt voor deze omgeving (productie of test); er is niets gecontroleerd"))


def _rate_limited() -> Inconclusive:
    return Inconclusive(L10n(en="KvK is rate limiting (HTTP 429); try again later",
                             nl="KVK remt af (HTTP 429); probeer het later opnieuw"))


def _unexpected(what: str) -> Inconclusive:
    return Inconclusive(L10n(en=f"unexpected answer from the KvK API ({what})",
                             nl=f"onverwacht antwoord van de KVK-API ({what})"))


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise _unexpected("not JSON") from None


def _error_codes(response: httpx.Response) -> set[str]:
    """The IPD codes of an error answer: ``{"fout": [...]}``, or the older
    ``{"meldingen": {"fout": [...]}}`` of KvK's release notes; none when not JSON."""
    try:
        body = response.json()
    except ValueError:
        return set()
    if isinstance(body, dict) and isinstance(body.get("meldingen"), dict):
        body = body["meldingen"]
    errors = body.get("fout") if isinstance(body, dict) else None
    if not isinstance(errors, list):
        return set()
    return {str(e.get("code")) for e in errors if isinstance(e, dict)}


def _parameter_rejected(version: str) -> Inconclusive:
    other = "v2" if version == "v3" else "v3"
    return Inconclusive(L10n(
        en=f"the KvK Zoeken API {version.upper()} did not accept a query parameter "
           f"(IPD1999); nothing was checked. Set kvk_api_version = \"{other}\" in "
           "[checks.register] if KvK changed the API",
        nl=f"de KVK Zoeken API {version.upper()} accepteerde een zoekparameter niet "
           f"(IPD1999); er is niets gecontroleerd. Zet kvk_api_version = \"{other}\" in "
           "[checks.register] als KVK de API heeft gewijzigd"))


def version_from(settings: Any) -> str:
    """The Zoeken API version from ``[checks.register] kvk_api_version``."""
    value = settings.get("kvk_api_version", DEFAULT_VERSION) if settings else DEFAULT_VERSION
    if value not in VERSIONS:
        raise ConfigError(f"checks.register.kvk_api_version: must be one of "
                          f"{', '.join(VERSIONS)}, got {value!r}")
    return str(value)


def _check_status(response: httpx.Response) -> None:
    code = response.status_code
    if code in (401, 403):
        raise _key_rejected(code)
    if code == 429:
        raise _rate_limited()
    if code != 200:
        response.raise_for_status()
        raise _unexpected(f"HTTP {code}")


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip()


def _yes(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in ("ja", "yes", "true"):
        return True
    if text in ("nee", "no", "false"):
        return False
    return None


def parse_search_address(raw: Any) -> KvkAddress | None:
    """``adres`` of a search result: ``binnenlandsAdres`` or ``buitenlandsAdres`` (V2's
    documented forms); None when there is none. Any other form is not guessed at."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _unexpected("an address that is not an object")
    home = raw.get("binnenlandsAdres")
    if isinstance(home, dict):
        number = _text(home.get("huisnummer")) + _text(home.get("huisletter"))
        return KvkAddress(street=_text(home.get("straatnaam")), number=number,
                          postcode=_text(home.get("postcode")), city=_text(home.get("plaats")),
                          kind=_text(home.get("type")))
    abroad = raw.get("buitenlandsAdres")
    if isinstance(abroad, dict):
        return KvkAddress(street=_text(abroad.get("straatHuisnummer")),
                          city=_text(abroad.get("postcodeWoonplaats")),
                          country=_text(abroad.get("land")), kind=_text(abroad.get("type")))
    if raw:
        raise _unexpected("an address in a form KvK's documentation does not describe")
    return None


def _check_result(item: Any) -> dict[str, Any]:
    """One search result in V2's documented form (kvkNummer of 8 digits, vestigingsnummer
    of 12, the address under ``adres`` only)."""
    if not isinstance(item, dict) or not _text(item.get("kvkNummer")):
        raise _unexpected("a result without kvkNummer")
    if not _KVK_NUMBER.fullmatch(_text(item["kvkNummer"])):
        raise _unexpected("a kvkNummer that is not 8 digits")
    branch = _text(item.get("vestigingsnummer"))
    if branch and not _BRANCH_NUMBER.fullmatch(branch):
        raise _unexpected("a vestigingsnummer that is not 12 digits")
    # an address under another name (a renamed or new field) would be skipped unread
    other = sorted(k for k in item if "adres" in k.lower() and k != "adres")
    if other:
        raise _unexpected(f"an address field KvK's documentation does not name ({other[0]})")
    return item


def parse_search(body: Any) -> tuple[list[KvkResult], int]:
    if not isinstance(body, dict) or not isinstance(body.get("resultaten"), list):
        raise _unexpected("no 'resultaten' list")
    results = []
    for item in map(_check_result, body["resultaten"]):
        results.append(KvkResult(
            kvk_number=_text(item.get("kvkNummer")),
            branch_number=_text(item.get("vestigingsnummer")),
            name=_text(item.get("naam")), kind=_text(item.get("type")),
            address=parse_search_address(item.get("adres"))))
    total = body.get("totaal")
    if total is None:
        # without a total a full page may hide more: report it as "more", never as all
        return results, len(results) + (1 if len(results) >= PAGE_SIZE else 0)
    if not isinstance(total, int) or isinstance(total, bool) or total < len(results):
        raise _unexpected("a 'totaal' that is not the number of results")
    return results, total


def parse_branch_profile(body: Any) -> BranchProfile:
    if not isinstance(body, dict) or not isinstance(body.get("adressen", []), list):
        raise _unexpected("no 'adressen' list in the Vestigingsprofiel")
    addresses = []
    for raw in body.get("adressen", []):
        if not isinstance(raw, dict):
            continue
        number = (_text(raw.get("huisnummer")) + _text(raw.get("huisletter"))
                  + _text(raw.get("huisnummerToevoeging")))
        addresses.append(KvkAddress(
            street=_text(raw.get("straatnaam")), number=number,
            postcode=_text(raw.get("postcode")), city=_text(raw.get("plaats")),
            country=_text(raw.get("land")) if _text(raw.get("land")) != "Nederland" else "",
            kind=_text(raw.get("type")), shielded=_yes(raw.get("indAfgeschermd")) is True))
    return BranchProfile(tuple(addresses), _yes(body.get("indNonMailing")))


async def search(ctx: CheckContext, base: str, key: str, param: str, value: str,
                 max_pages: int, version: str = DEFAULT_VERSION) -> tuple[list[KvkResult], bool]:
    """Every result for one public search term; the flag says whether results were left
    (more pages than ``max_pages``, or more than V3's limit of 100)."""
    assert param in ("kvkNummer", "naam"), "only public identifiers are sent"
    assert version in VERSIONS
    found: list[KvkResult] = []
    pages = 1 if version == "v3" else max_pages  # V3 shows 100 results at most: one page
    for page in range(1, pages + 1):
        response = await ctx.http.get(
            f"{base}/{version}/zoeken", headers={"apikey": key, "accept": "application/json"},
            params={param: value, "pagina": page, "resultatenPerPagina": PAGE_SIZE}, api=True)
        if response.status_code in (400, 404):
            codes = _error_codes(response)
            if response.status_code == 404 and NO_RESULTS in codes:
                return found, False
            if BAD_PARAMETER in codes:
                raise _parameter_rejected(version)
        _check_status(response)
        results, total = parse_search(_json(response))
        found += results
        if not results or page * PAGE_SIZE >= total:
            return found, False
    return found, True


async def branch_profile(ctx: CheckContext, base: str, key: str,
                         branch_number: str) -> BranchProfile:
    if not branch_number.isdigit():
        raise _unexpected(f"odd branch number {branch_number!r}")
    response = await ctx.http.get(f"{base}/v1/vestigingsprofielen/{branch_number}",
                                  headers={"apikey": key, "accept": "application/json"},
                                  api=True)
    _check_status(response)
    return parse_branch_profile(_json(response))
