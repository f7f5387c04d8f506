"""Search providers the person configures: a SearXNG instance (JSON API) or Brave Search.

A provider turns one query into hits. Two ways to fail, kept apart: ``QueryFailed`` (this
query has no usable answer; the others may) and ``ProviderFailed`` (nothing will work:
bad key, JSON output disabled), which ends the check as inconclusive.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from footprint.check import CheckContext
from footprint.models import L10n

BRAVE_API = "https://api.search.brave.com"
MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class SearchHit:
    url: str
    title: str
    snippet: str
    engines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    hits: tuple[SearchHit, ...]
    failed_engines: tuple[tuple[str, str], ...] = ()  # (engine, error) that did not answer

    @property
    def every_engine_failed(self) -> bool:
        """SearXNG answers 200 with no results when all its engines failed."""
        return not self.hits and bool(self.failed_engines)


class QueryFailed(Exception):
    def __init__(self, reason: L10n) -> None:
        self.reason = reason
        super().__init__(reason.en)


class ProviderFailed(QueryFailed):
    pass


class Provider(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def host(self) -> str: ...

    async def search(self, query: str, ctx: CheckContext) -> SearchAnswer: ...


def _failed(en: str, nl: str) -> QueryFailed:
    return QueryFailed(L10n(en=en, nl=nl))


def _json(response: httpx.Response, who: str) -> Any:
    try:
        return response.json()
    except ValueError:
        ctype = response.headers.get("content-type", "?").split(";")[0]
        raise _failed(f"{who} answered with {ctype} instead of JSON (a bot check page?)",
                      f"{who} gaf {ctype} terug in plaats van JSON (een botcontrole?)") from None


def _text(value: Any) -> str:
    return str(value)[:MAX_TEXT] if isinstance(value, str | int | float) else ""


_TAG = re.compile(r"<[^>]{0,200}>")


def plain(snippet: str) -> str:
    """Brave marks matches with <strong>; keep the words, lose the tags and entities."""
    return html.unescape(_TAG.sub("", snippet))


@dataclass(frozen=True, slots=True)
class SearxngProvider:
    base_url: str
    language: str = "nl"
    name: str = "SearXNG"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    async def search(self, query: str, ctx: CheckContext) -> SearchAnswer:
        params = {"q": query, "format": "json", "pageno": "1", "safesearch": "0",
                  "language": self.language}
        response = await ctx.http.get(self.base_url.rstrip("/") + "/search", params=params,
                                      headers={"Accept": "application/json"}, api=True)
        code = response.status_code
        if code == 403:
            raise ProviderFailed(L10n(
                en="the SearXNG instance refused JSON output (HTTP 403): add 'json' to "
                   "search.formats in its settings.yml",
                nl="de SearXNG-instantie weigert JSON-uitvoer (HTTP 403): voeg 'json' toe aan "
                   "search.formats in settings.yml"))
        if code == 429:
            raise _failed("SearXNG rate limit (HTTP 429)", "SearXNG remt af (HTTP 429)")
        if code != 200:
            raise _failed(f"SearXNG answered HTTP {code}", f"SearXNG gaf HTTP {code}")
        data = _json(response, "SearXNG")
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise _failed("unexpected answer from SearXNG (no results list)",
                          "onverwacht antwoord van SearXNG (geen lijst met resultaten)")
        hits = []
        for item in data["results"]:
            if not isinstance(item, dict) or not _text(item.get("url")):
                continue
            engines = item.get("engines")
            names = tuple(_text(e) for e in engines) if isinstance(engines, list) else ()
            hits.append(SearchHit(_text(item.get("url")), _text(item.get("title")),
                                  _text(item.get("content")),
                                  names or ((_text(item.get("engine")),) if item.get("engine")
                                            else ())))
        failed = []
        for entry in data.get("unresponsive_engines") or []:
            if isinstance(entry, list | tuple) and entry:
                failed.append((_text(entry[0]), _text(entry[1]) if len(entry) > 1 else ""))
        return SearchAnswer(tuple(hits), tuple(failed))


@dataclass(frozen=True, slots=True)
class BraveProvider:
    api_key: str
    base_url: str = BRAVE_API
    country: str = "NL"
    search_lang: str = "nl"
    name: str = "Brave Search"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    async def search(self, query: str, ctx: CheckContext) -> SearchAnswer:
        params = {"q": query, "count": "20", "country": self.country,
                  "search_lang": self.search_lang, "safesearch": "off"}
        response = await ctx.http.get(self.base_url.rstrip("/") + "/res/v1/web/search",
                                      params=params,
                                      headers={"Accept": "application/json",
                                               "X-Subscription-Token": self.api_key},
                                      api=True)
        code = response.status_code
        if code in (401, 402, 403, 422):
            raise ProviderFailed(_brave_error(response))
        if code == 429:
            raise _failed("Brave Search rate limit (HTTP 429)", "Brave Search remt af (HTTP 429)")
        if code != 200:
            raise _failed(f"Brave Search answered HTTP {code}", f"Brave Search gaf HTTP {code}")
        data = _json(response, "Brave Search")
        if not isinstance(data, dict) or data.get("type") == "ErrorResponse":
            raise ProviderFailed(_brave_error(response))
        web = data.get("web")
        results = web.get("results") if isinstance(web, dict) else None
        if not isinstance(results, list):
            results = []
        hits = []
        for item in results:
            if not isinstance(item, dict) or not _text(item.get("url")):
                continue
            extra = item.get("extra_snippets")
            snippets = [_text(item.get("description"))]
            if isinstance(extra, list):
                snippets += [_text(s) for s in extra]
            hits.append(SearchHit(_text(item.get("url")), plain(_text(item.get("title"))),
                                  plain("\n".join(s for s in snippets if s)), ("brave",)))
        return SearchAnswer(tuple(hits))


def _brave_error(response: httpx.Response) -> L10n:
    code = str(response.status_code)
    try:
        error = response.json().get("error", {})
        code = f"{response.status_code} {_text(error.get('code'))}".strip()
    except (ValueError, AttributeError):
        pass
    return L10n(en=f"Brave Search refused the request ({code}): check BRAVE_API_KEY and "
                   "your plan",
                nl=f"Brave Search weigerde het verzoek ({code}): controleer BRAVE_API_KEY en "
                   "je abonnement")
