"""email.hibp: Have I Been Pwned API v3, breaches and pastes for each address (needs a key)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote
from weakref import WeakKeyDictionary

import httpx

from footprint.check import BaseCheck, CheckContext, Inconclusive, Skip
from footprint.http.session import HttpSession, retry_after_seconds
from footprint.models import Disclosure, Finding, Kind, L10n, Subject
from footprint.provenance import Provenance
from footprint.textsafe import clean
from footprint_checks import apis
from footprint_checks.breach.emails import checked_email
from footprint_checks.breach.findings import breach_finding, paste_finding
from footprint_checks.breach.htmltext import html_to_text
from footprint_checks.breach.model import Breach, Paste, bool_field, int_field, text_field
from footprint_checks.breach.ratelimit import SlidingWindowLimiter

log = logging.getLogger(__name__)

DEFAULT_BASE = "https://haveibeenpwned.com/api/v3"
ENTRY_TIER_RPM = 10  # the smallest subscription; used when the key's own limit is unknown
DEFAULT_MAX_WAIT = 60.0
_ATTEMPTS = 3
_PASTE_URLS = {"pastebin": "https://pastebin.com/"}

KEY_HINT = L10n(
    en="get a key at https://haveibeenpwned.com/API/Key (paid, from the entry tier at 10 "
       "searches a minute), then set HIBP_API_KEY; without it XposedOrNot (email.xposedornot) "
       "still checks your addresses for free",
    nl="vraag een sleutel aan op https://haveibeenpwned.com/API/Key (betaald, vanaf het "
       "instapabonnement met 10 zoekopdrachten per minuut) en zet HIBP_API_KEY; zonder "
       "sleutel controleert XposedOrNot (email.xposedornot) je adressen gratis")


@dataclass
class _ScanState:
    """What one scan learned about one key: read once, shared by all its addresses."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    ready: bool = False
    problem: L10n | None = None  # the key was refused: every address reports this
    limiter: SlidingWindowLimiter = field(
        default_factory=lambda: SlidingWindowLimiter(ENTRY_TIER_RPM))


def _server_message(response: httpx.Response) -> str:
    try:
        data = response.json()
        message = data.get("message") if isinstance(data, dict) else None
    except ValueError:
        message = None
    text = message if isinstance(message, str) else response.text
    return clean(text, limit=200).strip()


def _key_problem(response: httpx.Response) -> L10n:
    said = _server_message(response)
    said_en = f' (HIBP said: "{said}")' if said else ""
    said_nl = f' (HIBP zei: "{said}")' if said else ""
    if response.status_code == 401:
        return L10n(
            en=f"HIBP rejected the API key in HIBP_API_KEY{said_en}; check that it is the "
               "32-character key from https://haveibeenpwned.com/API/Key and still active",
            nl=f"HIBP weigerde de API-sleutel in HIBP_API_KEY{said_nl}; controleer of het de "
               "sleutel van 32 tekens van https://haveibeenpwned.com/API/Key is en of die nog "
               "actief is")
    return L10n(
        en=f"HIBP refused access (HTTP 403){said_en}: the key's subscription may not cover "
           "this search, or the request was blocked",
        nl=f"HIBP weigerde toegang (HTTP 403){said_nl}: het abonnement van de sleutel dekt "
           "deze zoekopdracht mogelijk niet, of het verzoek werd geblokkeerd")


class HibpCheck(BaseCheck):
    id = "email.hibp"
    @property
    def provenance(self) -> tuple[Provenance, ...]:
        """Where the API's request and answer shapes were confirmed (apis.toml)."""
        return apis.records_for(self.id)

    title = L10n(en="Your email addresses in breaches and pastes (Have I Been Pwned)",
                 nl="Je e-mailadressen in datalekken en pastes (Have I Been Pwned)")
    inputs = frozenset({Kind.EMAIL})
    disclosures = (Disclosure(
        host="haveibeenpwned.com", endpoint="hibp",
        sends=L10n(en="each email address in your profile, with your HIBP API key",
                   nl="elk e-mailadres uit je profiel, met je HIBP-API-sleutel")),)
    secrets = ("HIBP_API_KEY",)
    missing_secret_hint = KEY_HINT
    timeout_s = 300.0  # waiting for the key's per-minute limit is part of the work

    def __init__(self) -> None:
        # per scan (its HTTP session) and key: tests and successive scans stay independent
        self._scans: WeakKeyDictionary[HttpSession, dict[tuple[str, str], _ScanState]] = (
            WeakKeyDictionary())

    async def run(self, subject: Subject, ctx: CheckContext) -> Iterable[Finding]:
        email = checked_email(subject)
        key = ctx.secrets.get("HIBP_API_KEY", "").strip()
        if not key:
            raise Skip(L10n(en=f"needs HIBP_API_KEY; {KEY_HINT.en}",
                            nl=f"heeft HIBP_API_KEY nodig; {KEY_HINT.nl}"))
        base = ctx.endpoint("hibp", DEFAULT_BASE)
        state = await self._state(ctx, base, key)
        account = quote(email, safe="")
        raw_breaches = await self._search(
            ctx, state, key, f"{base}/breachedaccount/{account}",
            {"truncateResponse": "false", "includeUnverified": "true"})
        raw_pastes = await self._search(ctx, state, key, f"{base}/pasteaccount/{account}")
        findings = [breach_finding(self.id, subject, b, _breach_url(b), ctx.markers)
                    for b in map(parse_breach, raw_breaches)]
        findings += [paste_finding(self.id, subject, p, _paste_url(p), ctx.markers)
                     for p in map(parse_paste, raw_pastes)]
        return findings

    async def _state(self, ctx: CheckContext, base: str, key: str) -> _ScanState:
        per_scan = self._scans.setdefault(ctx.http, {})
        state = per_scan.setdefault((base, hashlib.sha256(key.encode()).hexdigest()),
                                    _ScanState())
        async with state.lock:
            if not state.ready:
                await self._read_subscription(ctx, base, key, state)
                state.ready = True
        if state.problem is not None:
            raise Inconclusive(state.problem)
        return state

    async def _read_subscription(self, ctx: CheckContext, base: str, key: str,
                                 state: _ScanState) -> None:
        response = await ctx.http.get(f"{base}/subscription/status", headers=_headers(key),
                                       api=True)
        if response.status_code in (401, 403):
            state.problem = _key_problem(response)
            return
        rpm = None
        if response.status_code == 200:
            try:
                data = response.json()
            except ValueError:
                data = None
            if isinstance(data, dict):
                rpm = int_field(data, "Rpm")
        if rpm is None or rpm <= 0:
            log.debug("HIBP subscription status unusable (HTTP %s); assuming %d per minute",
                      response.status_code, ENTRY_TIER_RPM)
            rpm = ENTRY_TIER_RPM
        state.limiter = SlidingWindowLimiter(rpm)
        state.limiter.record()  # the status request may count against the same limit
        if response.status_code == 429:
            state.limiter.pause(retry_after_seconds(response.headers) or 0.0)

    async def _search(self, ctx: CheckContext, state: _ScanState, key: str, url: str,
                      params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        max_wait = _max_wait(ctx)
        for attempt in range(1, _ATTEMPTS + 1):
            await state.limiter.acquire()
            response = await ctx.http.get(url, params=params, headers=_headers(key), api=True)
            status = response.status_code
            if status == 200:
                return _json_list(response)
            if status == 404:  # "not found": this address is not in any breach or paste
                return []
            if status in (401, 403):
                state.problem = _key_problem(response)
                raise Inconclusive(state.problem)
            if status == 429:
                wait = retry_after_seconds(response.headers)
                state.limiter.pause(wait if wait is not None else 60.0)
                if wait is not None and wait <= max_wait and attempt < _ATTEMPTS:
                    continue  # acquire() sleeps until the pause is over
                shown = f"{wait:g} s" if wait is not None else "an unknown time"
                raise Inconclusive(L10n(
                    en=f"HIBP rate limit reached (HTTP 429) and it asks to wait {shown}; "
                       "try again later or use a key with a higher limit",
                    nl=f"HIBP-limiet bereikt (HTTP 429), wachttijd {shown}; probeer het later "
                       "opnieuw of gebruik een sleutel met een hogere limiet"))
            if status == 503:
                raise Inconclusive(L10n(en="HIBP is unavailable (HTTP 503); try again later",
                                        nl="HIBP is niet bereikbaar (HTTP 503); probeer het "
                                           "later opnieuw"))
            response.raise_for_status()
            raise Inconclusive(L10n(en=f"unexpected answer from HIBP (HTTP {status})",
                                    nl=f"onverwacht antwoord van HIBP (HTTP {status})"))
        raise AssertionError("unreachable")  # pragma: no cover


def _headers(key: str) -> dict[str, str]:
    return {"hibp-api-key": key, "Accept": "application/json"}


def _max_wait(ctx: CheckContext) -> float:
    value = ctx.settings.get("hibp_max_wait", DEFAULT_MAX_WAIT)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return DEFAULT_MAX_WAIT
    return float(value)


def _json_list(response: httpx.Response) -> list[dict[str, Any]]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise Inconclusive(L10n(
            en="HIBP answered with something other than its JSON list (a block page?)",
            nl="HIBP antwoordde met iets anders dan zijn JSON-lijst (een blokkadepagina?)"))
    return data


def parse_breach(raw: dict[str, Any]) -> Breach:
    classes = raw.get("DataClasses")
    name = text_field(raw, "Name")
    if not name:
        raise Inconclusive(L10n(en="HIBP returned a breach without a name",
                                nl="HIBP gaf een lek zonder naam terug"))
    return Breach(
        name=name,
        title=text_field(raw, "Title") or name,
        domain=text_field(raw, "Domain"),
        breach_date=text_field(raw, "BreachDate"),
        pwn_count=int_field(raw, "PwnCount"),
        description=html_to_text(text_field(raw, "Description")),
        data_classes=tuple(c for c in classes if isinstance(c, str))
        if isinstance(classes, list) else (),
        source="hibp",
        is_verified=bool_field(raw, "IsVerified", default=True),
        is_fabricated=bool_field(raw, "IsFabricated"),
        is_sensitive=bool_field(raw, "IsSensitive"),
        is_spam_list=bool_field(raw, "IsSpamList"),
        is_stealer_log=bool_field(raw, "IsStealerLog"),
        is_malware=bool_field(raw, "IsMalware"),
    )


def parse_paste(raw: dict[str, Any]) -> Paste:
    return Paste(source=text_field(raw, "Source") or "?", id=text_field(raw, "Id") or "?",
                 title=text_field(raw, "Title"), date=text_field(raw, "Date"),
                 email_count=int_field(raw, "EmailCount"))


def _breach_url(breach: Breach) -> str:
    return f"https://haveibeenpwned.com/PwnedWebsites#{quote(breach.name, safe='')}"


def _paste_url(paste: Paste) -> str | None:
    base = _PASTE_URLS.get(paste.source.lower())
    return f"{base}{quote(paste.id, safe='')}" if base and paste.id != "?" else None
