"""The KvK Zoeken API v2 and Vestigingsprofiel API v1: requests and answer parsing.

Only public identifiers are ever sent (KvK numbers, trade names, the person's name); the
API also takes postcode and house number, which this module never uses: addresses are
compared locally. Answer shapes follow KvK's OpenAPI specs (api_zoeken.yaml 2.1.0,
api_vestigingsprofiel.yaml 1.4.0); see docs/registers.md for what was assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from footprint.check import CheckContext, Inconclusive
from footprint.models import L10n

DEFAULT_BASE = "https://api.kvk.nl/api"  # the test environment: https://api.kvk.nl/test/api
PAGE_SIZE = 100
NO_RESULTS = "IPD5200"  # "no data found for these search parameters", sent as HTTP 404


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


def _error_codes(body: Any) -> set[str]:
    errors = body.get("fout") if isinstance(body, dict) else None
    if not isinstance(errors, list):
        return set()
    return {str(e.get("code")) for e in errors if isinstance(e, dict)}


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
    if not isinstance(raw, dict):
        return None
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
    return None


def parse_search(body: Any) -> tuple[list[KvkResult], int]:
    if not isinstance(body, dict) or not isinstance(body.get("resultaten"), list):
        raise _unexpected("no 'resultaten' list")
    results = []
    for item in body["resultaten"]:
        if not isinstance(item, dict) or not _text(item.get("kvkNummer")):
            raise _unexpected("a result without kvkNummer")
        results.append(KvkResult(
            kvk_number=_text(item.get("kvkNummer")),
            branch_number=_text(item.get("vestigingsnummer")),
            name=_text(item.get("naam")), kind=_text(item.get("type")),
            address=parse_search_address(item.get("adres"))))
    total = body.get("totaal")
    return results, total if isinstance(total, int) else len(results)


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
                 max_pages: int) -> tuple[list[KvkResult], bool]:
    """Every result for one public search term; the flag says whether pages were left."""
    assert param in ("kvkNummer", "naam"), "only public identifiers are sent"
    found: list[KvkResult] = []
    for page in range(1, max_pages + 1):
        response = await ctx.http.get(
            f"{base}/v2/zoeken", headers={"apikey": key, "accept": "application/json"},
            params={param: value, "pagina": page, "resultatenPerPagina": PAGE_SIZE})
        if response.status_code == 404 and NO_RESULTS in _error_codes(_json(response)):
            return found, False
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
                                  headers={"apikey": key, "accept": "application/json"})
    _check_status(response)
    return parse_branch_profile(_json(response))
