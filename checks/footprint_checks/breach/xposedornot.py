"""email.xposedornot: XposedOrNot's free breach search (no key), the default breach source."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote
from weakref import WeakKeyDictionary

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive
from footprint.http.session import HttpSession, retry_after_seconds
from footprint.models import Disclosure, Finding, Kind, L10n, Subject
from footprint.provenance import Provenance
from footprint_checks import apis
from footprint_checks.breach.emails import checked_email
from footprint_checks.breach.findings import breach_finding
from footprint_checks.breach.htmltext import html_to_text
from footprint_checks.breach.model import Breach, bool_field, int_field, text_field
from footprint_checks.breach.ratelimit import SlidingWindowLimiter

DEFAULT_BASE = "https://api.xposedornot.com"
# The free API allows 2 requests a second, 25 an hour and 100 a day per IP address.
PER_SECOND = 2


def _rate_limited(response: httpx.Response) -> Inconclusive:
    wait = retry_after_seconds(response.headers)
    detail = response_detail(response)
    if isinstance(detail, dict) and wait is None:
        wait = float(detail["retry_after"]) if isinstance(detail.get("retry_after"),
                                                          int | float) else None
    shown = f"{wait:g} s" if wait is not None else "a while"
    shown_nl = f"{wait:g} s" if wait is not None else "even"
    return Inconclusive(L10n(
        en=f"XposedOrNot rate limit reached (25 searches an hour, 100 a day per IP address); "
           f"it asks to wait {shown}",
        nl=f"XposedOrNot-limiet bereikt (25 zoekopdrachten per uur, 100 per dag per "
           f"IP-adres); wacht {shown_nl}"))


def response_detail(response: httpx.Response) -> Any:
    try:
        data = response.json()
    except ValueError:
        return None
    return data.get("detail") if isinstance(data, dict) else None


def _json_object(response: httpx.Response) -> dict[str, Any] | None:
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class XposedOrNotCheck(BaseCheck):
    id = "email.xposedornot"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="Your email addresses in data breaches (XposedOrNot)",
                 nl="Je e-mailadressen in datalekken (XposedOrNot)")
    inputs = frozenset({Kind.EMAIL})
    disclosures = (Disclosure(
        host="api.xposedornot.com", endpoint="xposedornot",
        sends=L10n(en="each email address in your profile",
                   nl="elk e-mailadres uit je profiel")),)

    def __init__(self) -> None:
        self._limiters: WeakKeyDictionary[HttpSession, SlidingWindowLimiter] = (
            WeakKeyDictionary())

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        email = checked_email(subject)
        base = ctx.endpoint("xposedornot", DEFAULT_BASE)
        limiter = self._limiters.setdefault(ctx.http,
                                            SlidingWindowLimiter(PER_SECOND, window=1.0))
        await limiter.acquire()
        response = await ctx.http.get(f"{base}/v1/check-email/{quote(email, safe='')}",
                                      params={"details": "true"}, api=True)
        breaches = interpret(response)
        return [breach_finding(self.id, subject, b, _evidence_url(b), ctx.markers)
                for b in breaches]


def interpret(response: httpx.Response) -> list[Breach]:
    """The documented answers: found (200, status success), not found (200 with
    ``{"Error": "Not found"}``, or 404 ``{"Error": "No breaches found", "status": "failed"}``
    when the address has no sites or its owner switched on XposedOrNot's privacy shield).
    A 404 ``{"Error": "Not found", "status": "failed"}`` is what the server sends when it
    failed internally, so it decides nothing."""
    status = response.status_code
    data = _json_object(response)
    error = data.get("Error") if data else None
    if status == 200 and data is not None:
        if error == "Not found":
            return []
        if data.get("status") == "success":
            return _breaches(data)
    if status == 404 and data is not None:
        if error == "No breaches found" and data.get("status") == "failed":
            return []
        if error == "Not found" and data.get("status") == "failed":
            raise Inconclusive(L10n(
                en="XposedOrNot reported an internal error for this address; try again later",
                nl="XposedOrNot meldde een interne fout voor dit adres; probeer het later "
                   "opnieuw"))
    if status == 429:
        raise _rate_limited(response)
    if status == 403:
        raise Inconclusive(L10n(
            en="XposedOrNot blocked this computer (HTTP 403), usually for 24 hours after "
               "repeated rate-limit violations",
            nl="XposedOrNot blokkeert deze computer (HTTP 403), meestal 24 uur na herhaald "
               "overschrijden van de limiet"))
    raise Inconclusive(L10n(en=f"unexpected answer from XposedOrNot (HTTP {status})",
                            nl=f"onverwacht antwoord van XposedOrNot (HTTP {status})"))


def _names(data: dict[str, Any]) -> list[str]:
    """``breaches`` is a list inside a list on the live API; flat in some clients' fixtures."""
    raw = data.get("breaches")
    if not isinstance(raw, list):
        return []
    flat: list[Any] = []
    for item in raw:
        flat.extend(item if isinstance(item, list) else [item])
    return list(dict.fromkeys(n.strip() for n in flat if isinstance(n, str) and n.strip()))


def _breaches(data: dict[str, Any]) -> list[Breach]:
    details: dict[str, dict[str, Any]] = {}
    raw_details = data.get("breach_details")
    if isinstance(raw_details, list):
        for item in raw_details:
            if isinstance(item, dict) and text_field(item, "name"):
                details[text_field(item, "name")] = item
    names = _names(data) + [n for n in details if n not in _names(data)]
    if not names:
        raise Inconclusive(L10n(en="XposedOrNot reported success but listed no breaches",
                                nl="XposedOrNot meldde succes maar noemde geen lekken"))
    return [parse_detail(name, details.get(name, {})) for name in sorted(names, key=str.lower)]


def parse_detail(name: str, raw: dict[str, Any]) -> Breach:
    company = _object(raw, "company")
    security = _object(raw, "security")
    exposed = raw.get("exposed_data")
    domain = text_field(company, "name")
    return Breach(
        name=name,
        title=name,
        domain="" if domain == "Unknown" else domain,
        breach_date=text_field(raw, "breach_date")[:10],
        pwn_count=int_field(raw, "records_exposed"),
        description=html_to_text(text_field(raw, "description")),
        data_classes=tuple(c.strip() for c in exposed if isinstance(c, str) and c.strip())
        if isinstance(exposed, list) else (),
        source="xposedornot",
        is_verified=bool_field(security, "is_verified", default=True),
        password_risk=text_field(security, "password_risk").lower(),
    )


def _object(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key)
    return value if isinstance(value, dict) else {}


def _evidence_url(breach: Breach) -> str:
    return f"https://xposedornot.com/xposed#{quote(breach.name, safe='')}"
